import { actorColumns } from '../auth/actor-ref';
import type { ModelCall, ModelResult } from '../aws/bedrock';
import type { ModelError } from '../aws/errors';
import { cacheSavingsUsd, costUsd, priceFor } from '../aws/pricing';
import type { ServiceContext } from '../context';
import type { Prisma } from '../db/client';
import type { InvokeInput } from './schemas';
import { countGatewayCall } from '../ops/metrics';

/** One gateway call as the invocation log records it (failed, invalid and fallback calls too). */
export interface LoggedCall {
  ctx: ServiceContext;
  input: InvokeInput;
  source: 'api' | 'playground' | 'experiment';
  promptName: string;
  version: number;
  label: string | null;
  /** The call as made to the model that answered (or failed last). */
  call: ModelCall;
}

export interface CallOutcome {
  result?: ModelResult;
  error?: ModelError;
  /** The answer broke the output schema (logged as an error with the output). */
  invalidOutput?: string;
  fallback?: { from: string; reason: string } | null;
  latencyMs: number;
}

const toolCallsOf = (r: ModelResult | undefined) => (r?.toolCalls.length ? r.toolCalls.map((c) => ({ name: c.name, input: c.input, toolUseId: c.toolUseId })) : null);

export async function logCall(p: LoggedCall, outcome: CallOutcome): Promise<{ id: string; cost: number | null }> {
  countGatewayCall(p.call.modelId, outcome.error ? outcome.error.kind : outcome.invalidOutput ? 'invalid_output' : 'ok', outcome.latencyMs / 1000);
  const r = outcome.result;
  const usage = r?.usage;
  const price = usage ? await priceFor(p.ctx.db, p.call.modelId) : null;
  const cache = { read: usage?.cacheReadInputTokens ?? 0, write: usage?.cacheWriteInputTokens ?? 0 };
  const cost = usage ? costUsd(price, usage.inputTokens, usage.outputTokens, cache) : null;
  const e = outcome.error;
  const text = r?.text ?? (e?.partialText ? e.partialText : null);
  const toolCalls = toolCallsOf(r);
  const status = e ? (e.kind === 'throttled' ? 'throttled' : 'error') : outcome.invalidOutput ? 'error' : 'ok';
  const row = await p.ctx.db.invocation.create({
    data: {
      promptName: p.promptName,
      promptVersion: p.version,
      label: p.label,
      modelId: p.call.modelId,
      status,
      source: p.source,
      ...actorColumns('caller', p.ctx.actor),
      input: { system: p.call.system, messages: p.call.messages },
      variables: p.input.variables as Prisma.InputJsonValue,
      params: p.call.params as Prisma.InputJsonValue,
      ...(text !== null || toolCalls ? { output: { text: text ?? '', ...(toolCalls ? { toolCalls } : {}) } as Prisma.InputJsonValue } : {}),
      stopReason: r?.stopReason ?? null,
      inputTokens: usage?.inputTokens ?? null,
      outputTokens: usage?.outputTokens ?? null,
      cacheReadInputTokens: usage ? cache.read : null,
      cacheWriteInputTokens: usage ? cache.write : null,
      cacheSavingsUsd: usage ? cacheSavingsUsd(price, cache) : null,
      fallbackFrom: outcome.fallback?.from ?? null,
      fallbackReason: outcome.fallback?.reason ?? null,
      latencyMs: Math.round(outcome.latencyMs),
      timeToFirstTokenMs: r?.timeToFirstTokenMs ?? e?.timeToFirstTokenMs ?? null,
      costUsd: cost,
      attempts: r?.attempts ?? e?.attempts ?? null,
      awsRequestId: r?.awsRequestId ?? e?.awsRequestId ?? null,
      errorCode: e?.awsCode ?? (outcome.invalidOutput ? 'invalid_output' : null),
      errorMessage: e?.message ?? outcome.invalidOutput ?? null,
      ...(p.input.metadata || p.input.overrides
        ? { metadata: { ...p.input.metadata, ...(p.input.overrides ? { overrides: p.input.overrides } : {}) } as Prisma.InputJsonValue }
        : {}),
    },
    select: { id: true },
  });
  return { id: row.id, cost };
}

import type { BedrockRuntimeClient } from '@aws-sdk/client-bedrock-runtime';
import { countGatewayCall } from '../ops/metrics';
import type { ServiceContext } from '../context';
import { actorColumns } from '../auth/actor-ref';
import { requirePermission } from '../auth/roles';
import { bedrock, converse, openConverseStream, type ModelCall, type ModelResult } from '../aws/bedrock';
import { ModelError, toModelError } from '../aws/errors';
import { costUsd, priceFor } from '../aws/pricing';
import { resolveVersionCached } from '../serving/serve';
import type { Params, Template } from '../catalog/schemas';
import { renderTemplate } from '../catalog/template';
import { AppError } from '../errors';
import type { Prisma } from '../db/client';
import type { InvokeResult } from './responses';
import { InvokeSchema, type InvokeInput } from './schemas';
import { reportModelTraffic } from './traffic';

/**
 * The gateway: resolve a version, render it, call Bedrock, log the call (failed ones too) and
 * answer. Requests rejected before the model is reached (bad input, auth) are not logged.
 */
export interface PreparedInvocation {
  ctx: ServiceContext;
  input: InvokeInput;
  source: 'api' | 'playground';
  promptName: string;
  version: number;
  label: string | null;
  call: ModelCall;
  client: BedrockRuntimeClient;
}

export async function prepareInvocation(
  ctx: ServiceContext,
  name: string,
  raw: unknown,
  opts: { source: 'api' | 'playground'; client?: BedrockRuntimeClient },
): Promise<PreparedInvocation> {
  requirePermission(ctx.actor, 'models:invoke');
  const input = InvokeSchema.parse(raw ?? {});
  // Running a version with another model, parameters or template is authoring, not serving what a label
  // points at: editors and up (the playground), never an application's viewer key.
  if (input.overrides) requirePermission(ctx.actor, 'catalog:write');
  const label = input.version !== undefined ? null : (input.label ?? 'production');
  const v = await resolveVersionCached(ctx, name, input.version !== undefined ? { version: input.version } : { label: label ?? 'production' });
  const rendered = renderTemplate(input.overrides?.template ?? (v.template as Template), input.variables);
  const params: Params = input.overrides?.params ?? v.params;
  return {
    ctx,
    input,
    source: opts.source,
    promptName: name,
    version: v.version,
    label,
    client: opts.client ?? bedrock(),
    call: { modelId: input.overrides?.modelId ?? v.modelId, system: rendered.system, messages: rendered.messages, params, guardrail: v.guardrail ?? null },
  };
}

async function log(p: PreparedInvocation, outcome: { result?: ModelResult; error?: ModelError; latencyMs: number }): Promise<{ id: string; cost: number | null }> {
  countGatewayCall(p.call.modelId, outcome.error ? outcome.error.kind : 'ok', outcome.latencyMs / 1000);
  const usage = outcome.result?.usage;
  const price = usage ? await priceFor(p.ctx.db, p.call.modelId) : null;
  const cost = usage ? costUsd(price, usage.inputTokens, usage.outputTokens) : null;
  const e = outcome.error;
  const text = outcome.result?.text ?? (e?.partialText ? e.partialText : null);
  const row = await p.ctx.db.invocation.create({
    data: {
      promptName: p.promptName,
      promptVersion: p.version,
      label: p.label,
      modelId: p.call.modelId,
      status: e ? (e.kind === 'throttled' ? 'throttled' : 'error') : 'ok',
      source: p.source,
      ...actorColumns('caller', p.ctx.actor),
      input: { system: p.call.system, messages: p.call.messages },
      variables: p.input.variables as Prisma.InputJsonValue,
      params: p.call.params as Prisma.InputJsonValue,
      ...(text !== null ? { output: { text } } : {}),
      stopReason: outcome.result?.stopReason ?? null,
      inputTokens: usage?.inputTokens ?? null,
      outputTokens: usage?.outputTokens ?? null,
      latencyMs: Math.round(outcome.latencyMs),
      timeToFirstTokenMs: outcome.result?.timeToFirstTokenMs ?? e?.timeToFirstTokenMs ?? null,
      costUsd: cost,
      attempts: outcome.result?.attempts ?? e?.attempts ?? null,
      awsRequestId: outcome.result?.awsRequestId ?? e?.awsRequestId ?? null,
      errorCode: e?.awsCode ?? null,
      errorMessage: e?.message ?? null,
      ...(p.input.metadata || p.input.overrides
        ? { metadata: { ...p.input.metadata, ...(p.input.overrides ? { overrides: p.input.overrides } : {}) } as Prisma.InputJsonValue }
        : {}),
    },
    select: { id: true },
  });
  return { id: row.id, cost };
}

const FAILURE_TEXT: Record<ModelError['kind'], string> = {
  throttled: 'Bedrock throttled the request after retries (quota exceeded). Try again shortly, or raise the quota / use a cross-region inference profile.',
  validation: 'Bedrock rejected the request',
  access_denied: 'Bedrock denied access: check the credentials, the IAM policy and that model access is granted in this region',
  model_not_ready: 'The model is not ready yet; try again in a moment',
  timeout: 'The model did not answer in time',
  upstream: 'Bedrock answered with an error',
  aborted: 'The request was stopped before the model finished',
};

function failure(e: ModelError, invocationId: string): AppError {
  const details = { invocationId, type: e.kind, awsCode: e.awsCode, attempts: e.attempts, awsRequestId: e.awsRequestId };
  if (e.kind === 'throttled') return new AppError('throttled', FAILURE_TEXT.throttled, details);
  return new AppError('upstream_error', `${FAILURE_TEXT[e.kind]}: ${e.message}`, details);
}

function answer(p: PreparedInvocation, r: ModelResult, id: string, cost: number | null, latencyMs: number): InvokeResult {
  return { invocationId: id, version: p.version, modelId: p.call.modelId, output: { text: r.text }, stopReason: r.stopReason, usage: r.usage, latencyMs: Math.round(latencyMs), timeToFirstTokenMs: r.timeToFirstTokenMs, costUsd: cost };
}

/** Tells listeners (the experiment rate limiter) about the call; changes nothing about it. */
function traffic(p: PreparedInvocation, outcome: 'start' | ModelResult | ModelError): void {
  const base = { modelId: p.call.modelId, source: p.source };
  if (outcome === 'start') reportModelTraffic({ kind: 'start', ...base });
  else if (outcome instanceof ModelError) {
    if (outcome.kind === 'throttled') reportModelTraffic({ kind: 'throttled', ...base });
  } else reportModelTraffic({ kind: 'done', ...base, attempts: outcome.attempts });
}

/** One non-streaming call, logged. Throws AppError throttled (429) / upstream_error (502). */
export async function runInvocation(p: PreparedInvocation, signal?: AbortSignal): Promise<InvokeResult> {
  const t0 = performance.now();
  let r: ModelResult;
  traffic(p, 'start');
  try {
    r = await converse(p.client, p.call, signal);
  } catch (err) {
    const e = toModelError(err);
    traffic(p, e);
    const { id } = await log(p, { error: e, latencyMs: performance.now() - t0 });
    throw failure(e, id);
  }
  traffic(p, r);
  // Only model errors are caught above: a failure to write the log is our own (a 500).
  const latency = performance.now() - t0;
  const { id, cost } = await log(p, { result: r, latencyMs: latency });
  return answer(p, r, id, cost, latency);
}

/**
 * Streaming: resolves once Bedrock accepted the stream (so a throttled or rejected call still
 * gets its status code), then `consume` relays deltas and resolves with the final answer, or
 * rejects with an AppError after a mid-stream failure. Logged either way.
 */
export async function startStreamingInvocation(p: PreparedInvocation, signal?: AbortSignal): Promise<{ consume(onDelta: (t: string) => void): Promise<InvokeResult> }> {
  const t0 = performance.now();
  let open;
  traffic(p, 'start');
  try {
    open = await openConverseStream(p.client, p.call, signal);
  } catch (err) {
    const e = toModelError(err);
    traffic(p, e);
    const { id } = await log(p, { error: e, latencyMs: performance.now() - t0 });
    throw failure(e, id);
  }
  return {
    async consume(onDelta) {
      let r: ModelResult;
      try {
        r = await open.consume(onDelta);
      } catch (err) {
        const e = toModelError(err);
        traffic(p, e);
        const { id } = await log(p, { error: e, latencyMs: performance.now() - t0 });
        throw failure(e, id);
      }
      traffic(p, r);
      const latency = performance.now() - t0;
      const { id, cost } = await log(p, { result: r, latencyMs: latency });
      return answer(p, r, id, cost, latency);
    },
  };
}

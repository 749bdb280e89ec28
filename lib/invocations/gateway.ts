import type { BedrockRuntimeClient } from '@aws-sdk/client-bedrock-runtime';
import type { ServiceContext } from '../context';
import { requirePermission } from '../auth/roles';
import { bedrock, converse, openConverseStream, type ModelCall, type ModelResult, type OpenStream, type ToolCall } from '../aws/bedrock';
import { ModelError, toModelError } from '../aws/errors';
import { resolveForCaller } from '../serving/serve';
import { checkBundle } from '../catalog/bundle-check';
import type { BundleInput, Tool } from '../catalog/bundle-schemas';
import type { Params, Template } from '../catalog/schemas';
import { renderTemplate } from '../catalog/template';
import { AppError } from '../errors';
import type { InvokeResult } from './responses';
import { InvokeSchema, type InvokeInput } from './schemas';
import { logCall, type CallOutcome } from './log-call';
import { outputProblem } from './output-check';
import { reportModelTraffic } from './traffic';

/**
 * The gateway: resolve a version, render it, call Bedrock (the version's fallbacks in order when
 * the primary is throttled or unavailable after the SDK's retries), check a structured answer,
 * log the call (failed ones too) and answer. Requests rejected before the model is reached
 * (bad input, auth) are not logged.
 */
export interface PreparedInvocation {
  ctx: ServiceContext;
  input: InvokeInput;
  /** experiment: a call of an experiment run or its llm_judge (lib/experiments/runner/call.ts). */
  source: 'api' | 'playground' | 'experiment';
  promptName: string;
  version: number;
  label: string | null;
  /** Whether the version is a canary's (a canary runs on the label and this caller drew it). */
  canary: boolean;
  call: ModelCall;
  client: BedrockRuntimeClient;
  /** Tried in order after the primary (call.modelId). */
  fallbacks: string[];
  outputSchema: unknown;
}

const BUNDLE_KEYS = ['tools', 'toolChoice', 'outputSchema', 'cachePoints', 'fallbacks'] as const;

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
  // Canary stickiness: the caller's userRef, else its sessionId (no key: a random draw).
  const stickyKey = input.metadata?.userRef ?? input.metadata?.sessionId;
  const { version: v, canary } = await resolveForCaller(ctx, name, input.version !== undefined ? { version: input.version } : { label: label ?? 'production' }, stickyKey);
  const o = input.overrides;
  const template = o?.template ?? (v.template as Template);
  const modelId = o?.modelId ?? v.modelId;
  let bundle = { tools: v.tools, toolChoice: v.toolChoice, outputSchema: v.outputSchema, cachePoints: v.cachePoints, fallbacks: v.fallbacks };
  if (o && (BUNDLE_KEYS.some((k) => o[k] !== undefined) || o.template || o.modelId)) {
    // The playground's edits: checked like a new version's (bad schemas, unknown tools -> 400).
    const merged: BundleInput = { ...bundle, ...Object.fromEntries(BUNDLE_KEYS.filter((k) => o[k] !== undefined).map((k) => [k, o[k]])) };
    merged.fallbacks = (merged.fallbacks ?? []).filter((m) => m !== modelId);
    merged.cachePoints = (merged.cachePoints ?? []).filter((c) => (c === 'system' ? Boolean(template.system) : c < template.messages.length));
    bundle = checkBundle(merged, { modelId, hasSystem: Boolean(template.system), messageCount: template.messages.length });
  }
  const rendered = renderTemplate(template, input.variables);
  const params: Params = o?.params ?? v.params;
  return {
    ctx,
    input,
    source: opts.source,
    promptName: name,
    version: v.version,
    label,
    canary,
    client: opts.client ?? bedrock(),
    fallbacks: bundle.fallbacks,
    outputSchema: bundle.outputSchema,
    call: {
      modelId,
      system: rendered.system,
      messages: rendered.messages,
      params,
      guardrail: v.guardrail ?? null,
      tools: bundle.tools,
      toolChoice: bundle.toolChoice,
      cachePoints: bundle.cachePoints,
    },
  };
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

/**
 * Why a failed model may be replaced by the next fallback: throttled or unavailable after the
 * SDK's retries (5xx, not ready, timeout, gone), or no access to it. A request Bedrock rejects
 * as invalid, or one the caller aborted, is not retried on another model.
 */
export function fallbackReason(e: ModelError): string | null {
  switch (e.kind) {
    case 'throttled':
    case 'access_denied':
    case 'model_not_ready':
    case 'timeout':
      return e.kind;
    case 'upstream':
      return e.awsCode === 'ResourceNotFoundException' ? 'not_found' : 'unavailable';
    default:
      return null;
  }
}

type Logged = Omit<PreparedInvocation, 'client' | 'fallbacks' | 'outputSchema'>;
type Fallback = { from: string; reason: string } | null;

function answer(call: ModelCall, p: PreparedInvocation, r: ModelResult, id: string, cost: number | null, latencyMs: number, fallback: Fallback): InvokeResult {
  return {
    invocationId: id,
    version: p.version,
    canary: p.canary,
    modelId: call.modelId,
    ...(fallback ? { fallbackFrom: fallback.from, fallbackReason: fallback.reason } : {}),
    output: { text: r.text, toolCalls: r.toolCalls.map((c) => ({ name: c.name, input: c.input, toolUseId: c.toolUseId })) },
    stopReason: r.stopReason,
    usage: r.usage,
    latencyMs: Math.round(latencyMs),
    timeToFirstTokenMs: r.timeToFirstTokenMs,
    costUsd: cost,
  };
}

/** Tells listeners (the experiment rate limiter) about the call; changes nothing about it. */
function traffic(p: PreparedInvocation, modelId: string, outcome: 'start' | ModelResult | ModelError): void {
  const base = { modelId, source: p.source };
  if (outcome === 'start') reportModelTraffic({ kind: 'start', ...base });
  else if (outcome instanceof ModelError) {
    if (outcome.kind === 'throttled') reportModelTraffic({ kind: 'throttled', ...base });
  } else reportModelTraffic({ kind: 'done', ...base, attempts: outcome.attempts });
}

/**
 * Opens the call on the primary, then on each fallback while the failure allows one. Logs and
 * throws when the last model tried fails; resolves with the model that accepted the call.
 */
async function withFallbacks<T>(p: PreparedInvocation, t0: number, signal: AbortSignal | undefined, open: (call: ModelCall) => Promise<T>): Promise<{ value: T; call: ModelCall; fallback: Fallback }> {
  const models = [p.call.modelId, ...p.fallbacks];
  let fallback: Fallback = null;
  for (let i = 0; ; i++) {
    const call = { ...p.call, modelId: models[i] ?? p.call.modelId };
    traffic(p, call.modelId, 'start');
    try {
      return { value: await open(call), call, fallback };
    } catch (err) {
      const e = toModelError(err);
      traffic(p, call.modelId, e);
      const reason = fallbackReason(e);
      if (reason && i + 1 < models.length && !signal?.aborted) {
        fallback ??= { from: p.call.modelId, reason };
        continue;
      }
      const { id } = await logCall({ ...(p as Logged), call }, { error: e, fallback, latencyMs: performance.now() - t0 });
      throw failure(e, id);
    }
  }
}

/** Logs a successful call; a structured answer that breaks its schema is logged and refused (502 invalid_output). */
async function finish(p: PreparedInvocation, call: ModelCall, r: ModelResult, fallback: Fallback, t0: number): Promise<InvokeResult> {
  traffic(p, call.modelId, r);
  const invalid = outputProblem(r, { outputSchema: p.outputSchema, tools: (call.tools ?? []) as Tool[] });
  const latency = performance.now() - t0;
  const outcome: CallOutcome = { result: r, fallback, latencyMs: latency, ...(invalid ? { invalidOutput: invalid } : {}) };
  // Only model errors are caught before this: a failure to write the log is our own (a 500).
  const { id, cost } = await logCall({ ...(p as Logged), call }, outcome);
  if (invalid) {
    throw new AppError('invalid_output', `The model's answer does not match the version's schema. ${invalid}`, {
      invocationId: id,
      modelId: call.modelId,
      reason: invalid,
      output: { text: r.text, toolCalls: r.toolCalls.map((c) => ({ name: c.name, input: c.input })) },
    });
  }
  return answer(call, p, r, id, cost, latency, fallback);
}

/** One non-streaming call, logged. Throws AppError throttled (429) / upstream_error / invalid_output (502). */
export async function runInvocation(p: PreparedInvocation, signal?: AbortSignal): Promise<InvokeResult> {
  const t0 = performance.now();
  const { value: r, call, fallback } = await withFallbacks(p, t0, signal, (c) => converse(p.client, c, signal));
  return finish(p, call, r, fallback, t0);
}

/**
 * Streaming: resolves once Bedrock accepted the stream (on the primary or a fallback, so a
 * throttled or rejected call still gets its status code), then `consume` relays text deltas and
 * tool calls and resolves with the final answer, or rejects with an AppError after a mid-stream
 * failure or an invalid structured answer. Logged either way.
 */
export async function startStreamingInvocation(
  p: PreparedInvocation,
  signal?: AbortSignal,
): Promise<{ modelId: string; consume(onDelta: (t: string) => void, onToolCall?: (c: ToolCall) => void): Promise<InvokeResult> }> {
  const t0 = performance.now();
  const { value: open, call, fallback } = await withFallbacks<OpenStream>(p, t0, signal, (c) => openConverseStream(p.client, c, signal));
  return {
    modelId: call.modelId,
    async consume(onDelta, onToolCall) {
      let r: ModelResult;
      try {
        r = await open.consume(onDelta, onToolCall);
      } catch (err) {
        const e = toModelError(err);
        traffic(p, call.modelId, e);
        const { id } = await logCall({ ...(p as Logged), call }, { error: e, fallback, latencyMs: performance.now() - t0 });
        throw failure(e, id);
      }
      return finish(p, call, r, fallback, t0);
    },
  };
}

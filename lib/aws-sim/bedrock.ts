import { performance } from 'node:perf_hooks';
import type { SimConfig } from './config';
import { parseConverseInput, type ConverseInput } from './converse-input';
import { EventStreamWriter } from './eventstream';
import { bedrockError, STREAM_EXCEPTION_STATUS, type BedrockErrorSpec, type CallFaults, type FaultInjector } from './faults';
import { sleep, untilAborted, type SimRequest, type SimResponse } from './http';
import type { CallRecord, CallRecorder, Outcome } from './metrics';
import { parseModelId } from './models';
import { quotaLimits, type QuotaTracker } from './quotas';
import type { PromptCache } from './prompt-cache';
import { countTokens, finishReply, generateReply, rng, seedOf, splitDeltas, type FinishedReply } from './replies';
import { chooseTool, planToolCall, preamble, toolConfigProblem, type PlannedToolCall } from './tools';

/**
 * Bedrock runtime (REST-JSON): `POST /model/{modelId}/converse` and `/converse-stream`.
 * Order of checks: model id, request validation, model-specific errors, injected 5xx, quotas,
 * then the (deterministic) answer after the simulated latency.
 */

export interface BedrockContext {
  /** The live configuration (faults.failNext is decremented in place). */
  config: () => SimConfig;
  quotas: QuotaTracker;
  /** Prompt-cache prefixes written so far (cachePoint blocks). */
  cache: PromptCache;
  faults: FaultInjector;
  recorder: CallRecorder;
  now: () => number;
  /** Called with every parsed request, for tests that check what the app sent. */
  onRequest?: (modelId: string, input: ConverseInput) => void;
  /** What an application inference profile (by id) routes to; undefined when it does not exist. */
  resolveProfile?: (profileId: string) => string | undefined;
}

const ROUTE = /^\/model\/([^/]+)\/(converse|converse-stream)$/;
const ERROR_NS = ':http://internal.amazon.com/coral/com.amazon.bedrock/';

export function matchBedrockRoute(req: SimRequest): { modelId: string; streaming: boolean } | undefined {
  const m = req.method === 'POST' ? ROUTE.exec(req.path) : null;
  if (!m?.[1]) return undefined;
  let modelId: string;
  try {
    modelId = decodeURIComponent(m[1]);
  } catch {
    modelId = m[1];
  }
  return { modelId, streaming: m[2] === 'converse-stream' };
}

export function sendBedrockError(req: SimRequest, res: SimResponse, err: BedrockErrorSpec): void {
  res.send(
    err.status,
    { 'content-type': 'application/json', 'x-amzn-requestid': req.requestId, 'x-amzn-errortype': `${err.type}${ERROR_NS}` },
    JSON.stringify({ message: err.message }),
  );
}

function outcomeOf(status: number, type: string): Outcome {
  if (type === 'ThrottlingException' || type === 'throttlingException') return 'throttle';
  return status >= 500 ? 'serverError' : 'clientError';
}

export async function handleBedrock(ctx: BedrockContext, req: SimRequest, res: SimResponse, route: { modelId: string; streaming: boolean }): Promise<void> {
  const started = performance.now();
  const base = { at: ctx.now(), operation: route.streaming ? 'ConverseStream' : 'Converse', requestId: req.requestId, httpVersion: req.httpVersion } as const;
  const fail = (modelId: string, err: BedrockErrorSpec) => {
    ctx.recorder.record({ ...base, modelId, outcome: outcomeOf(err.status, err.type), status: err.status, errorType: err.type });
    sendBedrockError(req, res, err);
  };

  const model = parseModelId(route.modelId, ctx.resolveProfile);
  if (!model) return fail(route.modelId, bedrockError('ValidationException', 'The provided model identifier is invalid.'));
  const parsed = parseConverseInput(req.body);
  if (!parsed.ok) return fail(model.metricId, bedrockError('ValidationException', parsed.message));
  const input = parsed.input;
  const toolProblem = input.toolConfig ? toolConfigProblem(input.toolConfig, model.baseId, route.streaming) : undefined;
  if (toolProblem) return fail(model.metricId, bedrockError('ValidationException', toolProblem));
  ctx.onRequest?.(route.modelId, input);

  const config = ctx.config();
  const modelError = ctx.faults.modelError(config.faults, model);
  if (modelError) return fail(model.metricId, modelError);
  const faults = ctx.faults.decide(config.faults, route.streaming);
  if (faults.serverError) return fail(model.metricId, faults.serverError);

  const prompt = { modelId: model.baseId, system: input.system, messages: input.messages, temperature: input.temperature, topP: input.topP };
  const lastUser = [...input.messages].reverse().find((m) => m.role === 'user')?.text ?? '';
  const tool = input.toolConfig ? chooseTool(input.toolConfig, lastUser, input.lastHasToolResult) : undefined;
  const toolCall = tool ? planToolCall(tool, model.baseId, lastUser) : undefined;
  const reply: FinishedReply = toolCall
    ? toolReply(toolCall, preamble(model.baseId, input.toolConfig?.choice ?? null, toolCall.name))
    : finishReply(generateReply(prompt), input.maxTokens, input.stopSequences);
  const totalInput = input.inputTokens;

  const decision = ctx.quotas.admit(model.quotaId, totalInput + reply.outputTokens, quotaLimits(config, model.quotaId, model.baseId));
  if (!decision.ok) {
    const what = decision.reason === 'tokens' ? 'tokens' : 'requests';
    return fail(model.metricId, bedrockError('ThrottlingException', `Too many ${what}, please wait before trying again.`));
  }

  if (faults.hang) {
    if (faults.hang.ms === null) return untilAborted(req.signal);
    await sleep(faults.hang.ms, req.signal);
  }
  if (req.signal.aborted) return;

  // Cache use is decided when the model starts on the prompt (a hang or an abort before that writes nothing).
  const cache = input.cacheCheckpoints.length ? ctx.cache.use(model.baseId, input.cacheCheckpoints, config.promptCacheMinTokens) : undefined;
  const usage = usageOf(totalInput, reply.outputTokens, cache);
  const call = { ...base, modelId: model.metricId, inputTokens: totalInput, outputTokens: reply.outputTokens };
  if (route.streaming) return stream(ctx, req, res, { call, reply, toolCall, usage, faults, seed: seedOf(prompt), started });

  await sleep(config.latency.baseMs + config.latency.perOutputTokenMs * reply.outputTokens, req.signal);
  if (req.signal.aborted) return;
  const latencyMs = Math.round(performance.now() - started);
  res.send(
    200,
    { 'content-type': 'application/json', 'x-amzn-requestid': req.requestId },
    JSON.stringify({
      output: { message: { role: 'assistant', content: [...(reply.text || !toolCall ? [{ text: reply.text }] : []), ...(toolCall ? [{ toolUse: toolCall }] : [])] } },
      stopReason: reply.stopReason,
      usage,
      metrics: { latencyMs },
    }),
  );
  ctx.recorder.record({ ...call, outcome: 'success', status: 200, latencyMs });
}

/** A tool-use answer: an optional preamble, then the tool call (stopReason tool_use). */
function toolReply(call: PlannedToolCall, text: string | undefined): FinishedReply {
  return { text: text ?? '', stopReason: 'tool_use', outputTokens: countTokens(text ?? '') + countTokens(JSON.stringify(call.input)) };
}

type Usage = { inputTokens: number; outputTokens: number; totalTokens: number; cacheReadInputTokens?: number; cacheWriteInputTokens?: number };

/** Converse usage: inputTokens are the tokens not read from or written to the cache. */
function usageOf(totalInput: number, outputTokens: number, cache: { read: number; write: number } | undefined): Usage {
  if (!cache) return { inputTokens: totalInput, outputTokens, totalTokens: totalInput + outputTokens };
  const inputTokens = Math.max(0, totalInput - cache.read - cache.write);
  return { inputTokens, outputTokens, totalTokens: totalInput + outputTokens, cacheReadInputTokens: cache.read, cacheWriteInputTokens: cache.write };
}

/** A tool input's JSON in a few pieces, as Bedrock streams it (toolUse.input deltas). */
function jsonPieces(json: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < json.length; i += 16) out.push(json.slice(i, i + 16));
  return out.length ? out : ['{}'];
}

interface StreamPlan {
  call: Omit<CallRecord, 'outcome' | 'status'>;
  reply: FinishedReply;
  toolCall: PlannedToolCall | undefined;
  usage: Usage;
  faults: CallFaults;
  seed: number;
  started: number;
}

async function stream(ctx: BedrockContext, req: SimRequest, res: SimResponse, plan: StreamPlan): Promise<void> {
  const { call, reply, faults, started } = plan;
  const latency = ctx.config().latency;
  const frames = new EventStreamWriter();
  const deltas = splitDeltas(reply.text, rng(plan.seed));
  res.start(200, { 'content-type': 'application/vnd.amazon.eventstream', 'x-amzn-requestid': req.requestId });

  await sleep(latency.baseMs, req.signal);
  await res.write(frames.event('messageStart', { role: 'assistant' }));
  let timeToFirstTokenMs: number | undefined;
  for (let i = 0; i <= deltas.length; i++) {
    if (req.signal.aborted || res.closed) return;
    if (faults.streamError && i === Math.min(faults.streamError.afterDeltas, deltas.length)) {
      const type = faults.streamError.type;
      const message = type === 'throttlingException' ? 'Too many requests, please wait before trying again.' : 'The model stream was interrupted.';
      const payload = type === 'modelStreamErrorException' ? { message, originalStatusCode: 500, originalMessage: 'Model stream error' } : { message };
      await res.write(frames.exception(type, payload));
      res.end();
      const status = STREAM_EXCEPTION_STATUS[type] ?? 500;
      ctx.recorder.record({ ...call, outcome: outcomeOf(status, type), status, errorType: type });
      return;
    }
    const text = deltas[i];
    if (text === undefined) break;
    if (i > 0) await sleep(latency.streamDelayMs, req.signal);
    await res.write(frames.event('contentBlockDelta', { contentBlockIndex: 0, delta: { text } }));
    timeToFirstTokenMs ??= Math.round(performance.now() - started);
  }
  if (req.signal.aborted || res.closed) return;
  const textBlock = deltas.length > 0 || !plan.toolCall;
  if (textBlock) await res.write(frames.event('contentBlockStop', { contentBlockIndex: 0 }));
  if (plan.toolCall) {
    const index = textBlock ? 1 : 0;
    const { toolUseId, name, input } = plan.toolCall;
    await res.write(frames.event('contentBlockStart', { contentBlockIndex: index, start: { toolUse: { toolUseId, name } } }));
    timeToFirstTokenMs ??= Math.round(performance.now() - started);
    for (const piece of jsonPieces(JSON.stringify(input))) {
      if (req.signal.aborted || res.closed) return;
      await sleep(latency.streamDelayMs, req.signal);
      await res.write(frames.event('contentBlockDelta', { contentBlockIndex: index, delta: { toolUse: { input: piece } } }));
    }
    await res.write(frames.event('contentBlockStop', { contentBlockIndex: index }));
  }
  const latencyMs = Math.round(performance.now() - started);
  await res.write(frames.event('messageStop', { stopReason: reply.stopReason }));
  await res.write(frames.event('metadata', { usage: plan.usage, metrics: { latencyMs } }));
  res.end();
  ctx.recorder.record({ ...call, outcome: 'success', status: 200, latencyMs, timeToFirstTokenMs: timeToFirstTokenMs ?? latencyMs });
}

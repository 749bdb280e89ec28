import {
  BedrockRuntimeClient,
  ConverseCommand,
  ConverseStreamCommand,
  type ConverseCommandInput,
  type Message,
} from '@aws-sdk/client-bedrock-runtime';
import type { RetryStrategyV2 } from '@smithy/types';
import type { Params } from '../catalog/schemas';
import { env } from '../env';
import { ModelError, toModelError } from './errors';

/**
 * Amazon Bedrock Runtime (Converse / ConverseStream) with the real SDK. Endpoint, region,
 * credentials, retry mode and attempts come from the SDK's usual sources (AWS_REGION,
 * AWS_ENDPOINT_URL_BEDROCK_RUNTIME, AWS_MAX_ATTEMPTS, AWS_RETRY_MODE, profiles, roles...).
 */
export interface ModelCall {
  modelId: string;
  system: string | null;
  messages: { role: 'user' | 'assistant'; content: string }[];
  params: Params;
  guardrail?: { identifier: string; version: string } | null;
}

export interface ModelResult {
  text: string;
  stopReason: string | null;
  usage: { inputTokens: number; outputTokens: number };
  awsRequestId: string | null;
  attempts: number;
  /** Time to first token, streaming only. */
  timeToFirstTokenMs: number | null;
}

export interface BedrockOptions {
  endpoint?: string;
  region?: string;
  retryStrategy?: RetryStrategyV2;
  maxAttempts?: number;
  requestTimeoutMs?: number;
}

export function createBedrockClient(opts: BedrockOptions = {}): BedrockRuntimeClient {
  return new BedrockRuntimeClient({
    ...(opts.endpoint ? { endpoint: opts.endpoint } : {}),
    ...(opts.region ? { region: opts.region } : {}),
    ...(opts.retryStrategy ? { retryStrategy: opts.retryStrategy } : {}),
    ...(opts.maxAttempts ? { maxAttempts: opts.maxAttempts } : {}),
    requestHandler: { requestTimeout: opts.requestTimeoutMs ?? env().PROMPTDECK_BEDROCK_TIMEOUT_MS },
  });
}

const g = globalThis as unknown as { __promptdeckBedrock?: BedrockRuntimeClient };
export function bedrock(): BedrockRuntimeClient {
  g.__promptdeckBedrock ??= createBedrockClient();
  return g.__promptdeckBedrock;
}

/** Model-family specific fields: top_k is not part of Converse's common inferenceConfig. */
export function additionalFields(modelId: string, params: Params): Record<string, unknown> | undefined {
  if (params.topK === undefined) return undefined;
  const family = modelFamily(modelId);
  if (family === 'amazon') return { inferenceConfig: { topK: params.topK } };
  if (family === 'cohere') return { k: params.topK };
  return { top_k: params.topK };
}

/** `anthropic` for anthropic.x, us.anthropic.x, arn:...:inference-profile/us.anthropic.x. */
export function modelFamily(modelId: string): string {
  const id = modelId.startsWith('arn:') ? (modelId.split('/').pop() ?? modelId) : modelId;
  const parts = id.split('.');
  const geo = ['us', 'eu', 'apac', 'global', 'us-gov', 'jp', 'au', 'ca'];
  return (parts.length > 2 && geo.includes(parts[0] ?? '') ? parts[1] : parts[0]) ?? '';
}

export function converseInput(call: ModelCall): ConverseCommandInput {
  const { params } = call;
  const messages: Message[] = call.messages.map((m) => ({ role: m.role, content: [{ text: m.content }] }));
  const inferenceConfig = {
    ...(params.maxTokens !== undefined ? { maxTokens: params.maxTokens } : {}),
    ...(params.temperature !== undefined ? { temperature: params.temperature } : {}),
    ...(params.topP !== undefined ? { topP: params.topP } : {}),
    ...(params.stopSequences?.length ? { stopSequences: params.stopSequences } : {}),
  };
  const extra = additionalFields(call.modelId, params);
  return {
    modelId: call.modelId,
    messages,
    ...(call.system ? { system: [{ text: call.system }] } : {}),
    ...(Object.keys(inferenceConfig).length ? { inferenceConfig } : {}),
    ...(extra ? { additionalModelRequestFields: extra as never } : {}),
    ...(call.guardrail ? { guardrailConfig: { guardrailIdentifier: call.guardrail.identifier, guardrailVersion: call.guardrail.version } } : {}),
  };
}

export async function converse(client: BedrockRuntimeClient, call: ModelCall, signal?: AbortSignal): Promise<ModelResult> {
  try {
    const res = await client.send(new ConverseCommand(converseInput(call)), { abortSignal: signal });
    const text = (res.output?.message?.content ?? []).map((c) => ('text' in c && c.text ? c.text : '')).join('');
    return {
      text,
      stopReason: res.stopReason ?? null,
      usage: { inputTokens: res.usage?.inputTokens ?? 0, outputTokens: res.usage?.outputTokens ?? 0 },
      awsRequestId: res.$metadata.requestId ?? null,
      attempts: res.$metadata.attempts ?? 1,
      timeToFirstTokenMs: null,
    };
  } catch (err) {
    throw toModelError(err);
  }
}

export interface OpenStream {
  /** Reads the stream to its end, passing text deltas on; a mid-stream exception rejects. */
  consume(onDelta: (text: string) => void): Promise<ModelResult>;
}

/**
 * Opens a ConverseStream. Errors before the first event (throttling after retries, validation,
 * access) reject here, so a caller can still answer with a proper status code; errors after
 * that reject from consume() with a ModelError carrying the text received so far.
 */
export async function openConverseStream(client: BedrockRuntimeClient, call: ModelCall, signal?: AbortSignal): Promise<OpenStream> {
  const started = performance.now();
  let res;
  try {
    res = await client.send(new ConverseStreamCommand(converseInput(call)), { abortSignal: signal });
  } catch (err) {
    throw toModelError(err);
  }
  const meta = { requestId: res.$metadata.requestId ?? null, attempts: res.$metadata.attempts ?? 1 };
  const stream = res.stream;
  return {
    async consume(onDelta) {
      let text = '';
      let ttft: number | null = null;
      let stopReason: string | null = null;
      let usage = { inputTokens: 0, outputTokens: 0 };
      try {
        for await (const ev of stream ?? []) {
          const delta = ev.contentBlockDelta?.delta;
          if (delta && 'text' in delta && delta.text) {
            ttft ??= Math.round(performance.now() - started);
            text += delta.text;
            onDelta(delta.text);
          }
          if (ev.messageStop) stopReason = ev.messageStop.stopReason ?? null;
          if (ev.metadata?.usage) usage = { inputTokens: ev.metadata.usage.inputTokens ?? 0, outputTokens: ev.metadata.usage.outputTokens ?? 0 };
        }
        // The caller went away: the SDK ends the stream quietly, but the answer is incomplete.
        if (signal?.aborted) throw new ModelError('aborted', 'ClientAborted', 'The caller stopped the stream before it ended.', meta.attempts, meta.requestId, null);
      } catch (err) {
        const e = toModelError(signal?.aborted ? new ModelError('aborted', 'ClientAborted', 'The caller stopped the stream before it ended.', meta.attempts, meta.requestId, null) : err, meta);
        e.partialText = text;
        e.timeToFirstTokenMs = ttft;
        throw e;
      }
      return { text, stopReason, usage, awsRequestId: meta.requestId, attempts: meta.attempts, timeToFirstTokenMs: ttft };
    },
  };
}

export { ModelError };

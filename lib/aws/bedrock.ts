import {
  BedrockRuntimeClient,
  ConverseCommand,
  ConverseStreamCommand,
  type ContentBlock,
  type ConverseCommandInput,
  type Message,
  type SystemContentBlock,
  type ToolConfiguration,
} from '@aws-sdk/client-bedrock-runtime';
import type { CachePoint, Tool, ToolChoice } from '../catalog/bundle-schemas';
import type { RetryStrategyV2 } from '@smithy/types';
import type { Params } from '../catalog/schemas';
import { env } from '../env';
import { readConverseStream, type OpenStream } from './converse-stream';
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
  /** Converse toolConfig (none when empty). */
  tools?: Tool[];
  toolChoice?: ToolChoice | null;
  /** A cachePoint block after the system prompt ("system") and after these messages. */
  cachePoints?: CachePoint[];
}

export interface ToolCall {
  name: string;
  input: unknown;
  toolUseId: string;
}

export interface Usage {
  inputTokens: number;
  outputTokens: number;
  cacheReadInputTokens: number;
  cacheWriteInputTokens: number;
}

export interface ModelResult {
  text: string;
  toolCalls: ToolCall[];
  stopReason: string | null;
  usage: Usage;
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

const CACHE_POINT = { cachePoint: { type: 'default' as const } };

export function toolConfig(tools: readonly Tool[] | undefined, choice: ToolChoice | null | undefined): ToolConfiguration | undefined {
  if (!tools?.length) return undefined;
  return {
    tools: tools.map((t) => ({ toolSpec: { name: t.name, description: t.description, inputSchema: { json: t.inputSchema as never } } })),
    ...(choice === 'auto' ? { toolChoice: { auto: {} } } : choice === 'any' ? { toolChoice: { any: {} } } : choice ? { toolChoice: { tool: { name: choice.tool } } } : {}),
  };
}

export function converseInput(call: ModelCall): ConverseCommandInput {
  const { params } = call;
  const cache = new Set(call.cachePoints ?? []);
  const messages: Message[] = call.messages.map((m, i) => ({ role: m.role, content: [{ text: m.content }, ...(cache.has(i) ? [CACHE_POINT as ContentBlock] : [])] }));
  const system: SystemContentBlock[] = call.system ? [{ text: call.system }, ...(cache.has('system') ? [CACHE_POINT as SystemContentBlock] : [])] : [];
  const tools = toolConfig(call.tools, call.toolChoice);
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
    ...(system.length ? { system } : {}),
    ...(Object.keys(inferenceConfig).length ? { inferenceConfig } : {}),
    ...(extra ? { additionalModelRequestFields: extra as never } : {}),
    ...(call.guardrail ? { guardrailConfig: { guardrailIdentifier: call.guardrail.identifier, guardrailVersion: call.guardrail.version } } : {}),
    ...(tools ? { toolConfig: tools } : {}),
  };
}

/** Converse usage, with the prompt-cache counts (0 when the model reported none). */
export function usageOf(u: { inputTokens?: number; outputTokens?: number; cacheReadInputTokens?: number; cacheWriteInputTokens?: number } | undefined): Usage {
  return {
    inputTokens: u?.inputTokens ?? 0,
    outputTokens: u?.outputTokens ?? 0,
    cacheReadInputTokens: u?.cacheReadInputTokens ?? 0,
    cacheWriteInputTokens: u?.cacheWriteInputTokens ?? 0,
  };
}

export async function converse(client: BedrockRuntimeClient, call: ModelCall, signal?: AbortSignal): Promise<ModelResult> {
  try {
    const res = await client.send(new ConverseCommand(converseInput(call)), { abortSignal: signal });
    const content = res.output?.message?.content ?? [];
    const text = content.map((c) => ('text' in c && c.text ? c.text : '')).join('');
    const toolCalls = content.flatMap((c) => (c.toolUse ? [{ name: c.toolUse.name ?? '', input: c.toolUse.input ?? null, toolUseId: c.toolUse.toolUseId ?? '' }] : []));
    return {
      text,
      toolCalls,
      stopReason: res.stopReason ?? null,
      usage: usageOf(res.usage),
      awsRequestId: res.$metadata.requestId ?? null,
      attempts: res.$metadata.attempts ?? 1,
      timeToFirstTokenMs: null,
    };
  } catch (err) {
    throw toModelError(err);
  }
}

export type { OpenStream } from './converse-stream';

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
  return readConverseStream(res.stream, { requestId: res.$metadata.requestId ?? null, attempts: res.$metadata.attempts ?? 1 }, started, signal);
}

export { ModelError };

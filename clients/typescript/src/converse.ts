import type { Rendered } from './template.js';
import type { Guardrail, Params, Version } from './types.js';

/** A JSON value, as Converse's document fields (a tool's input schema) take it. */
export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

export type Tool = Version['tools'][number];
export type ToolChoice = Version['toolChoice'];
export type CachePoint = Version['cachePoints'][number];

/** A text block, or a prompt-cache checkpoint (everything before it is cached). */
export type ContentBlock = { text: string } | { cachePoint: { type: 'default' } };

export interface ToolConfig {
  tools: { toolSpec: { name: string; description: string; inputSchema: { json: JsonValue } } }[];
  toolChoice?: { auto: Record<string, never> } | { any: Record<string, never> } | { tool: { name: string } };
}

/**
 * The Bedrock Converse request for a rendered version, exactly as Promptdeck's gateway builds
 * it (lib/aws/bedrock.ts; shared vectors in clients/converse-cases.json): pass it to
 * `new ConverseCommand(...)` of @aws-sdk/client-bedrock-runtime when the application calls
 * Bedrock itself (then report the call with `client.log(...)`).
 */
export interface ConverseInput {
  modelId: string;
  messages: { role: 'user' | 'assistant'; content: ContentBlock[] }[];
  system?: ContentBlock[];
  inferenceConfig?: { maxTokens?: number; temperature?: number; topP?: number; stopSequences?: string[] };
  additionalModelRequestFields?: Record<string, JsonValue>;
  guardrailConfig?: { guardrailIdentifier: string; guardrailVersion: string };
  toolConfig?: ToolConfig;
}

/**
 * What converseInput reads of a version: the model, parameters and guardrail, and the Bedrock
 * bundle (tools, toolChoice, cachePoints; fallbacks through converseModels). A version's
 * outputSchema is not part of the request: Promptdeck checks answers against it.
 */
export interface ConversePrompt {
  modelId: string;
  params: Params;
  guardrail?: Guardrail | null;
  tools?: readonly Tool[] | null;
  toolChoice?: ToolChoice;
  cachePoints?: readonly CachePoint[] | null;
  fallbacks?: readonly string[] | null;
}

export interface ConverseOptions {
  /**
   * Call this model instead of the version's own: one of its `fallbacks` (see converseModels),
   * as the gateway does when the primary is throttled or unavailable. Only the model id and the
   * model-family fields (top_k) change.
   */
  modelId?: string;
}

/** `anthropic` for anthropic.x, us.anthropic.x, arn:...:inference-profile/us.anthropic.x. */
export function modelFamily(modelId: string): string {
  const id = modelId.startsWith('arn:') ? (modelId.split('/').pop() ?? modelId) : modelId;
  const parts = id.split('.');
  const geo = ['us', 'eu', 'apac', 'global', 'us-gov', 'jp', 'au', 'ca'];
  return (parts.length > 2 && geo.includes(parts[0] ?? '') ? parts[1] : parts[0]) ?? '';
}

/** top_k is not part of Converse's common inferenceConfig: each model family takes it its own way. */
export function additionalFields(modelId: string, params: Params): Record<string, JsonValue> | undefined {
  if (params.topK === undefined) return undefined;
  const family = modelFamily(modelId);
  if (family === 'amazon') return { inferenceConfig: { topK: params.topK } };
  if (family === 'cohere') return { k: params.topK };
  return { top_k: params.topK };
}

/** Converse's toolConfig for a version's tools and tool choice (undefined without tools: a choice alone is not sent). */
export function toolConfig(tools: readonly Tool[] | null | undefined, choice: ToolChoice | undefined): ToolConfig | undefined {
  if (!tools?.length) return undefined;
  return {
    tools: tools.map((t) => ({ toolSpec: { name: t.name, description: t.description, inputSchema: { json: t.inputSchema as JsonValue } } })),
    ...(choice === 'auto' ? { toolChoice: { auto: {} } } : choice === 'any' ? { toolChoice: { any: {} } } : choice ? { toolChoice: { tool: { name: choice.tool } } } : {}),
  };
}

/** The models the gateway tries, in order: the version's, then its fallbacks. */
export function converseModels(prompt: Pick<ConversePrompt, 'modelId' | 'fallbacks'>): string[] {
  return [prompt.modelId, ...(prompt.fallbacks ?? [])];
}

/** A fresh block each time: a request the caller changes never changes another. */
const cachePoint = (): ContentBlock => ({ cachePoint: { type: 'default' } });

export function converseInput(prompt: ConversePrompt, rendered: Rendered, options: ConverseOptions = {}): ConverseInput {
  const { params } = prompt;
  const modelId = options.modelId ?? prompt.modelId;
  // A cachePoint block after the system prompt ("system") and after each chosen message's content.
  const cache = new Set<CachePoint>(prompt.cachePoints ?? []);
  const inferenceConfig = {
    ...(params.maxTokens !== undefined ? { maxTokens: params.maxTokens } : {}),
    ...(params.temperature !== undefined ? { temperature: params.temperature } : {}),
    ...(params.topP !== undefined ? { topP: params.topP } : {}),
    ...(params.stopSequences?.length ? { stopSequences: params.stopSequences } : {}),
  };
  const extra = additionalFields(modelId, params);
  const tools = toolConfig(prompt.tools, prompt.toolChoice);
  return {
    modelId,
    messages: rendered.messages.map((m, i) => ({ role: m.role, content: [{ text: m.content }, ...(cache.has(i) ? [cachePoint()] : [])] })),
    ...(rendered.system ? { system: [{ text: rendered.system }, ...(cache.has('system') ? [cachePoint()] : [])] } : {}),
    ...(Object.keys(inferenceConfig).length ? { inferenceConfig } : {}),
    ...(extra ? { additionalModelRequestFields: extra } : {}),
    ...(prompt.guardrail ? { guardrailConfig: { guardrailIdentifier: prompt.guardrail.identifier, guardrailVersion: prompt.guardrail.version } } : {}),
    ...(tools ? { toolConfig: tools } : {}),
  };
}

/** Converse's usage as the SDK answers it (ConverseResponse.usage, or a stream's metadata event). */
export interface ConverseUsage {
  inputTokens?: number;
  outputTokens?: number;
  totalTokens?: number;
  cacheReadInputTokens?: number;
  cacheWriteInputTokens?: number;
}

/** The usage of an ingested record (POST /api/v1/invocations). */
export interface RecordUsage {
  inputTokens: number;
  outputTokens: number;
  cacheReadInputTokens?: number;
  cacheWriteInputTokens?: number;
}

/**
 * The `usage` of an invocation record from Converse's usage: the token counts and the
 * prompt-cache reads and writes (only when Bedrock reported them), which Promptdeck costs at the
 * model's cache prices. Undefined when there is no usage.
 */
export function recordUsage(u: ConverseUsage | null | undefined): RecordUsage | undefined {
  if (!u) return undefined;
  return {
    inputTokens: u.inputTokens ?? 0,
    outputTokens: u.outputTokens ?? 0,
    ...(typeof u.cacheReadInputTokens === 'number' ? { cacheReadInputTokens: u.cacheReadInputTokens } : {}),
    ...(typeof u.cacheWriteInputTokens === 'number' ? { cacheWriteInputTokens: u.cacheWriteInputTokens } : {}),
  };
}

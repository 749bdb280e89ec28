import type { Rendered } from './template.js';
import type { Guardrail, Params } from './types.js';

/**
 * The Bedrock Converse request for a rendered version, exactly as Promptdeck's gateway builds
 * it (lib/aws/bedrock.ts; shared vectors in clients/converse-cases.json): pass it to
 * `new ConverseCommand(...)` of @aws-sdk/client-bedrock-runtime when the application calls
 * Bedrock itself (then report the call with `client.log(...)`).
 */
export interface ConverseInput {
  modelId: string;
  messages: { role: 'user' | 'assistant'; content: { text: string }[] }[];
  system?: { text: string }[];
  inferenceConfig?: { maxTokens?: number; temperature?: number; topP?: number; stopSequences?: string[] };
  additionalModelRequestFields?: Record<string, unknown>;
  guardrailConfig?: { guardrailIdentifier: string; guardrailVersion: string };
}

/** `anthropic` for anthropic.x, us.anthropic.x, arn:...:inference-profile/us.anthropic.x. */
export function modelFamily(modelId: string): string {
  const id = modelId.startsWith('arn:') ? (modelId.split('/').pop() ?? modelId) : modelId;
  const parts = id.split('.');
  const geo = ['us', 'eu', 'apac', 'global', 'us-gov', 'jp', 'au', 'ca'];
  return (parts.length > 2 && geo.includes(parts[0] ?? '') ? parts[1] : parts[0]) ?? '';
}

/** top_k is not part of Converse's common inferenceConfig: each model family takes it its own way. */
export function additionalFields(modelId: string, params: Params): Record<string, unknown> | undefined {
  if (params.topK === undefined) return undefined;
  const family = modelFamily(modelId);
  if (family === 'amazon') return { inferenceConfig: { topK: params.topK } };
  if (family === 'cohere') return { k: params.topK };
  return { top_k: params.topK };
}

export function converseInput(prompt: { modelId: string; params: Params; guardrail?: Guardrail | null }, rendered: Rendered): ConverseInput {
  const { params } = prompt;
  const inferenceConfig = {
    ...(params.maxTokens !== undefined ? { maxTokens: params.maxTokens } : {}),
    ...(params.temperature !== undefined ? { temperature: params.temperature } : {}),
    ...(params.topP !== undefined ? { topP: params.topP } : {}),
    ...(params.stopSequences?.length ? { stopSequences: params.stopSequences } : {}),
  };
  const extra = additionalFields(prompt.modelId, params);
  return {
    modelId: prompt.modelId,
    messages: rendered.messages.map((m) => ({ role: m.role, content: [{ text: m.content }] })),
    ...(rendered.system ? { system: [{ text: rendered.system }] } : {}),
    ...(Object.keys(inferenceConfig).length ? { inferenceConfig } : {}),
    ...(extra ? { additionalModelRequestFields: extra } : {}),
    ...(prompt.guardrail ? { guardrailConfig: { guardrailIdentifier: prompt.guardrail.identifier, guardrailVersion: prompt.guardrail.version } } : {}),
  };
}

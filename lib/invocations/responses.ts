import { z } from 'zod';
import { NullableActorRefSchema } from '../auth/actor-ref';
import { ParamsSchema } from '../catalog/schemas';
import { FeedbackSchema } from '../feedback/responses';

/** What the gateway and the invocation log answer, defined once (see lib/catalog/responses.ts). */
const Time = z.iso.datetime();
const Usage = z.object({ inputTokens: z.number().int(), outputTokens: z.number().int() });
const CacheTokens = {
  cacheReadInputTokens: z.number().int().describe('Input tokens read from the prompt cache (Converse usage).'),
  cacheWriteInputTokens: z.number().int().describe('Input tokens written to the prompt cache.'),
};
export const ToolCallSchema = z
  .object({ name: z.string(), input: z.unknown().describe('The tool input the model produced (JSON).'), toolUseId: z.string().optional().describe('Bedrock\'s toolUseId, for a toolResult in a follow-up turn.') })
  .meta({ id: 'ToolCall' });
const Output = z.object({ text: z.string(), toolCalls: z.array(ToolCallSchema).optional().describe('Tool calls of the answer (stopReason tool_use).') });
const Fallback = {
  fallbackFrom: z.string().optional().describe('Present when a fallback answered: the model asked first (modelId is the one that answered).'),
  fallbackReason: z.string().optional().describe('Why the fallback was used: throttled, unavailable, access_denied, model_not_ready, timeout, not_found.'),
};

export const InvokeResultSchema = z
  .object({
    invocationId: z.string(),
    version: z.number().int(),
    canary: z.boolean().describe('true when a canary runs on the label and this caller was served its version (sticky per metadata.userRef, else sessionId).'),
    modelId: z.string().describe('The model that answered (a fallback, when fallbackFrom is set).'),
    ...Fallback,
    output: Output,
    stopReason: z.string().nullable(),
    usage: Usage.extend(CacheTokens),
    latencyMs: z.number().int(),
    timeToFirstTokenMs: z.number().int().nullable(),
    costUsd: z.number().nullable(),
  })
  .meta({ id: 'InvokeResult' });
export type InvokeResult = z.infer<typeof InvokeResultSchema>;

export const InvocationSchema = z
  .object({
    id: z.string(),
    promptName: z.string().nullable(),
    promptVersion: z.number().int().nullable(),
    label: z.string().nullable(),
    modelId: z.string(),
    status: z.enum(['ok', 'throttled', 'error']),
    input: z.object({ system: z.string().nullable().optional(), messages: z.array(z.object({ role: z.enum(['user', 'assistant']), content: z.string() })) }),
    variables: z.record(z.string(), z.unknown()).nullable(),
    params: ParamsSchema.nullable().describe('The inference parameters used (null for reported calls).'),
    output: Output.nullable(),
    stopReason: z.string().nullable(),
    usage: Usage.extend({ cacheReadInputTokens: CacheTokens.cacheReadInputTokens.nullable(), cacheWriteInputTokens: CacheTokens.cacheWriteInputTokens.nullable() }).nullable(),
    cacheSavingsUsd: z.number().nullable().describe('What prompt caching saved on this call against uncached input, at the prices of the day.'),
    fallbackFrom: z.string().nullable().describe('The model asked first when a fallback answered (modelId); null otherwise.'),
    fallbackReason: z.string().nullable(),
    latencyMs: z.number().int().nullable(),
    timeToFirstTokenMs: z.number().int().nullable(),
    costUsd: z.number().nullable(),
    attempts: z.number().int().nullable().describe('SDK attempts made.'),
    awsRequestId: z.string().nullable(),
    errorCode: z.string().nullable(),
    errorMessage: z.string().nullable(),
    source: z.enum(['api', 'playground', 'ingest', 'experiment']).describe('experiment: a call made by an experiment run or its llm_judge (left out of the production figures).'),
    caller: z.string().describe('Display snapshot of who made or reported the call (see callerRef).'),
    callerRef: NullableActorRefSchema,
    metadata: z.record(z.string(), z.unknown()).nullable(),
    createdAt: Time,
  })
  .meta({ id: 'Invocation' });
export type InvocationDto = z.infer<typeof InvocationSchema>;

export const InvocationDetailSchema = z.object({ ...InvocationSchema.shape, feedback: z.array(FeedbackSchema) }).meta({ id: 'InvocationDetail' });
export type InvocationDetail = z.infer<typeof InvocationDetailSchema>;

export const IngestResultSchema = z.object({ ids: z.array(z.string()).describe('The stored invocations, in the order sent.') }).meta({ id: 'IngestResult' });
export type IngestResult = z.infer<typeof IngestResultSchema>;

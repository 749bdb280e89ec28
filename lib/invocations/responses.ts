import { z } from 'zod';
import { NullableActorRefSchema } from '../auth/actor-ref';
import { ParamsSchema } from '../catalog/schemas';
import { FeedbackSchema } from '../feedback/responses';

/** What the gateway and the invocation log answer, defined once (see lib/catalog/responses.ts). */
const Time = z.iso.datetime();
const Usage = z.object({ inputTokens: z.number().int(), outputTokens: z.number().int() });

export const InvokeResultSchema = z
  .object({
    invocationId: z.string(),
    version: z.number().int(),
    modelId: z.string(),
    output: z.object({ text: z.string() }),
    stopReason: z.string().nullable(),
    usage: Usage,
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
    output: z.object({ text: z.string() }).nullable(),
    stopReason: z.string().nullable(),
    usage: Usage.nullable(),
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

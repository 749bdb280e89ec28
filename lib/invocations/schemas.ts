import { z } from 'zod';
import { coercedInt4, int4 } from '../pagination';
import { BundleInputSchema } from '../catalog/bundle-schemas';
import { LabelNameSchema, MessageSchema, ModelIdSchema, ParamsSchema, PromptNameSchema, TemplateSchema, VariablesSchema } from '../catalog/schemas';

export const MetadataSchema = z
  .object({
    userRef: z.string().max(200).optional(),
    sessionId: z.string().max(200).optional(),
    tags: z.array(z.string().max(100)).max(20).optional(),
  })
  .catchall(z.unknown());

export const InvokeSchema = z
  .object({
    label: LabelNameSchema.optional(),
    version: int4(1, 'version').optional(),
    variables: VariablesSchema.default({}),
    stream: z.boolean().optional(),
    metadata: MetadataSchema.optional(),
    /**
     * Extension (playground): run with another model, parameters, template or Bedrock bundle
     * (tools, toolChoice, outputSchema, cachePoints, fallbacks) without a new version.
     */
    overrides: z
      .object({ modelId: ModelIdSchema.optional(), params: ParamsSchema.optional(), template: TemplateSchema.optional(), ...BundleInputSchema.shape })
      .strict()
      .optional(),
  })
  .strict()
  .refine((s) => !(s.label !== undefined && s.version !== undefined), { message: 'Give either label or version, not both.', path: ['label'] });
export type InvokeInput = z.infer<typeof InvokeSchema>;

/** `?source=` of POST /prompts/{name}/invoke: `playground` is honoured for browser sessions only. */
export const InvokeQuerySchema = z.object({
  source: z.enum(['api', 'playground'], { message: 'source is api or playground.' }).optional(),
});

export const INVOCATION_STATUSES = ['ok', 'throttled', 'error'] as const;

export const IngestRecordSchema = z
  .object({
    promptName: PromptNameSchema.optional(),
    promptVersion: int4(1, 'promptVersion').optional(),
    label: LabelNameSchema.optional(),
    modelId: ModelIdSchema,
    input: z.object({ system: z.string().max(200_000).optional(), messages: z.array(MessageSchema).min(1).max(100) }).strict(),
    output: z.object({ text: z.string().max(1_000_000) }).strict().optional(),
    usage: z
      .object({
        inputTokens: int4(0, 'inputTokens'),
        outputTokens: int4(0, 'outputTokens'),
        // Converse's own usage fields: prompt-cache tokens, costed at the model's cache prices
        // (null or absent: not reported, e.g. `usage.get(...)` of a response without caching).
        cacheReadInputTokens: int4(0, 'cacheReadInputTokens').nullable().optional().describe('Input tokens read from the prompt cache (Converse usage.cacheReadInputTokens); null or absent: not reported.'),
        cacheWriteInputTokens: int4(0, 'cacheWriteInputTokens').nullable().optional().describe('Input tokens written to the prompt cache (Converse usage.cacheWriteInputTokens); null or absent: not reported.'),
      })
      .strict()
      .optional(),
    latencyMs: z.number().int().min(0).max(3_600_000).optional(),
    timeToFirstTokenMs: z.number().int().min(0).max(3_600_000).optional(),
    stopReason: z.string().max(100).optional(),
    status: z.enum(INVOCATION_STATUSES),
    errorCode: z.string().max(200).optional(),
    errorMessage: z.string().max(5000).optional(),
    awsRequestId: z.string().max(200).optional(),
    startedAt: z.iso.datetime({ offset: true, message: 'startedAt must be an ISO 8601 date-time.' }).optional(),
    metadata: MetadataSchema.optional(),
  })
  .strict();
export type IngestRecord = z.infer<typeof IngestRecordSchema>;

export const MAX_BATCH = 1000;

export const ListInvocationsQuerySchema = z
  .object({
    limit: z.coerce.number().int().min(1, 'limit is 1 to 200.').max(200, 'limit is 1 to 200.').default(50),
    cursor: z.string().max(500).optional(),
    prompt: PromptNameSchema.optional(),
    version: coercedInt4(1, 'version').optional(),
    modelId: z.string().max(2048).optional(),
    status: z.enum(INVOCATION_STATUSES).optional(),
    feedback: z.enum(['up', 'down', 'none'], { message: 'feedback is up, down or none.' }).optional(),
    from: z.iso.datetime({ offset: true, message: 'from must be an ISO 8601 date-time.' }).optional(),
    to: z.iso.datetime({ offset: true, message: 'to must be an ISO 8601 date-time.' }).optional(),
    /** Extension: words in the input (system prompt, messages) or output; "a phrase", -without, or. */
    q: z.string().trim().max(200, 'q is at most 200 characters.').optional(),
    /** Extension: who made or reported the call (as shown in the Logs, case-insensitive). */
    caller: z.string().trim().max(200).optional(),
    /** Extension: the metadata the application sent with the call. */
    userRef: z.string().max(200).optional(),
    sessionId: z.string().max(200).optional(),
    tag: z.string().max(100).optional(),
  });
export type ListInvocationsQuery = z.infer<typeof ListInvocationsQuerySchema>;

import { z } from 'zod';
import { coercedInt4, int4, PageQuerySchema } from '../pagination';
import { BundleInputSchema } from './bundle-schemas';
import { isValidModelId } from './model-id';

/** One schema per input, shared by forms, route handlers and the OpenAPI document. */

export const PROMPT_NAME_RE = /^[a-z0-9][a-z0-9._-]{0,99}$/;
export const LABEL_NAME_RE = /^[a-z0-9._-]{1,40}$/;
export const RESERVED_LABELS = ['latest'] as const;

export const PromptNameSchema = z
  .string()
  .regex(PROMPT_NAME_RE, 'Use 1-100 characters: a-z, 0-9, "-", "_", "."; start with a letter or digit.');

export const LabelNameSchema = z
  .string()
  .regex(LABEL_NAME_RE, 'Use 1-40 characters: a-z, 0-9, "-", "_", ".".')
  // "." and ".." cannot travel in a URL path segment.
  .refine((l) => !/^\.+$/.test(l), { message: 'A label cannot consist of dots only.' });

/** A label that can be set by hand (not `latest`). */
export const SettableLabelSchema = LabelNameSchema.refine((l) => !(RESERVED_LABELS as readonly string[]).includes(l), {
  message: '"latest" always points at the newest version and cannot be set by hand.',
});

export const TagSchema = z.string().regex(/^[a-z0-9][a-z0-9._-]{0,39}$/, 'Tags are 1-40 characters: a-z, 0-9, "-", "_", ".".');

export const CreatePromptSchema = z
  .object({
    name: PromptNameSchema,
    description: z.string().max(2000, 'At most 2000 characters.').optional(),
    tags: z.array(TagSchema).max(20, 'At most 20 tags.').optional(),
  })
  .strict();
export type CreatePromptInput = z.infer<typeof CreatePromptSchema>;

export const UpdatePromptSchema = CreatePromptSchema.omit({ name: true })
  .extend({
    /** Archive (hidden from the catalog by default, still served) or restore. */
    archived: z.boolean().optional(),
  })
  .strict();
export type UpdatePromptInput = z.infer<typeof UpdatePromptSchema>;

export const MessageSchema = z
  .object({
    role: z.enum(['user', 'assistant'], { message: 'role must be "user" or "assistant".' }),
    content: z.string().min(1, 'A message cannot be empty.').max(200_000),
  })
  .strict();

export const TemplateSchema = z
  .object({
    system: z.string().max(200_000).optional(),
    messages: z.array(MessageSchema).min(1, 'Add at least one message.').max(100),
  })
  .strict()
  .superRefine((t, ctx) => {
    // Bedrock's Converse API requires a conversation that starts with the user and alternates.
    if (t.messages[0] && t.messages[0].role !== 'user') {
      ctx.addIssue({ code: 'custom', path: ['messages', 0, 'role'], message: 'The first message must come from the user.' });
    }
    t.messages.forEach((m, i) => {
      if (i > 0 && t.messages[i - 1]?.role === m.role) {
        ctx.addIssue({ code: 'custom', path: ['messages', i, 'role'], message: 'Messages must alternate between user and assistant.' });
      }
    });
  });
export type Template = z.infer<typeof TemplateSchema>;

export { INFERENCE_PROFILE_PREFIXES, isValidModelId } from './model-id';

export const ModelIdSchema = z
  .string()
  .min(1, 'Choose a model.')
  .max(2048)
  .refine(isValidModelId, {
    message:
      'Not a Bedrock model id. Use a base id (anthropic.claude-3-5-haiku-20241022-v1:0), a cross-region inference profile (us.anthropic..., eu., apac., global.) or an ARN.',
  });

/** Inference parameters, checked against Bedrock Converse's limits. */
export const ParamsSchema = z
  .object({
    temperature: z.number().min(0, 'Temperature must be between 0 and 1.').max(1, 'Temperature must be between 0 and 1.').optional(),
    topP: z.number().min(0, 'Top P must be between 0 and 1.').max(1, 'Top P must be between 0 and 1.').optional(),
    topK: z.number().int('Top K must be a whole number.').min(0, 'Top K must be 0 or more.').max(500, 'Top K must be at most 500.').optional(),
    maxTokens: z.number().int('Max tokens must be a whole number.').min(1, 'Max tokens must be at least 1.').max(1_000_000, 'Max tokens must be at most 1,000,000.').optional(),
    stopSequences: z
      .array(z.string().min(1, 'A stop sequence cannot be empty.').max(200))
      .max(4, 'Bedrock accepts at most 4 stop sequences.')
      .optional(),
  })
  .strict();
export type Params = z.infer<typeof ParamsSchema>;

/** A Bedrock guardrail applied to every call of the version. */
export const GuardrailSchema = z
  .object({
    identifier: z.string().regex(/^(([a-z0-9]+)|(arn:aws(-[^:]+)?:bedrock:[a-z0-9-]{1,20}:[0-9]{12}:guardrail\/[a-z0-9]+))$/, 'A guardrail id (e.g. abc123xyz) or its ARN.'),
    version: z.string().regex(/^(DRAFT|[1-9][0-9]{0,7})$/, 'A guardrail version: DRAFT or a number.'),
  })
  .strict();
export type Guardrail = z.infer<typeof GuardrailSchema>;

export const CreateVersionSchema = z
  .object({
    template: TemplateSchema,
    modelId: ModelIdSchema,
    params: ParamsSchema.optional(),
    guardrail: GuardrailSchema.nullable().optional(),
    ...BundleInputSchema.shape,
    commitMessage: z.string().max(1000, 'At most 1000 characters.').optional(),
    labels: z.array(SettableLabelSchema).max(10).optional(),
    /** Extension: the version this one was edited from (default: the latest). Identical to it -> nothing is created. */
    parentVersion: int4(1, 'parentVersion').optional(),
  })
  .strict();
export type CreateVersionInput = z.infer<typeof CreateVersionSchema>;

export const MoveLabelSchema = z
  .object({
    version: int4(1, 'version'),
    expectedVersion: int4(1, 'expectedVersion').nullable().optional(),
    reason: z.string().max(1000).optional(),
  })
  .strict();
export type MoveLabelInput = z.infer<typeof MoveLabelSchema>;

export const RollbackSchema = z
  .object({
    reason: z.string().max(1000).optional(),
    /** Extension: guard a rollback against a move made meanwhile (the UI always sends it). */
    expectedVersion: int4(1, 'expectedVersion').optional(),
  })
  .strict();
export type RollbackInput = z.infer<typeof RollbackSchema>;

/** `?label=` / `?version=` on reads; at most one. */
export const SelectorSchema = z
  .object({
    label: LabelNameSchema.optional(),
    version: coercedInt4(1, 'version').optional(),
  })
  .refine((s) => !(s.label !== undefined && s.version !== undefined), {
    message: 'Give either label or version, not both.',
    path: ['label'],
  });
export type Selector = z.infer<typeof SelectorSchema>;

// Values are JSON (strings, numbers, booleans for sections, lists for repeated sections).
export const VariablesSchema = z.record(z.string(), z.unknown());

export const RenderSchema = z
  .object({
    label: LabelNameSchema.optional(),
    version: int4(1, 'version').optional(),
    variables: VariablesSchema.default({}),
  })
  .strict()
  .refine((s) => !(s.label !== undefined && s.version !== undefined), {
    message: 'Give either label or version, not both.',
    path: ['label'],
  });
export type RenderInput = z.infer<typeof RenderSchema>;

export const ListQuerySchema = PageQuerySchema;

/** `tag=a,b`: prompts carrying every one of these tags. */
export const TagsQuerySchema = z
  .union([z.string().max(1000), z.array(z.string().max(100)).max(20)])
  .transform((s) => [...new Set((Array.isArray(s) ? s : s.split(',')).map((t) => t.trim()).filter(Boolean))])
  .pipe(z.array(TagSchema).max(20, 'At most 20 tags.'));

export const ListPromptsQuerySchema = ListQuerySchema.extend({
  q: z.string().max(200).optional(),
  tag: TagsQuerySchema.optional(),
  /** Archived prompts: left out (default), included, or only them. */
  archived: z.enum(['exclude', 'include', 'only'], { message: 'archived is exclude, include or only.' }).default('exclude'),
});

export const RemoveLabelQuerySchema = z.object({
  reason: z.string().max(1000).optional(),
  expectedVersion: coercedInt4(1, 'expectedVersion').optional(),
});

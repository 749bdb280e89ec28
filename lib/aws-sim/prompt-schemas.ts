import { z } from 'zod';

/**
 * Bedrock Agent (Prompt Management) request shapes, with the constraints of the API reference:
 * names `([0-9a-zA-Z][_-]?){1,100}`, descriptions 1-200 characters, at most one variant, TEXT or
 * CHAT templates (text 1-200,000 characters, at most 20 input variables), inference settings
 * temperature/topP 0-1, maxTokens >= 0, at most 4 stop sequences.
 */

export const RESOURCE_NAME = /^([0-9a-zA-Z][_-]?){1,100}$/;
const NAME_RULE = 'Member must satisfy regular expression pattern: ([0-9a-zA-Z][_-]?){1,100}';
const name = z.string().regex(RESOURCE_NAME, NAME_RULE);
const description = z.string().min(1, 'Member must have length greater than or equal to 1').max(200, 'Member must have length less than or equal to 200');

const cachePoint = z.object({ type: z.literal('default') });
const ContentBlock = z.union([z.object({ text: z.string().min(1) }), z.object({ cachePoint })], { message: 'Member must be a union with exactly one of text, cachePoint' });
const Message = z.object({ role: z.enum(['user', 'assistant']), content: z.array(ContentBlock).min(1) });
const InputVariables = z.array(z.object({ name })).max(20, 'Member must have length less than or equal to 20');

const ToolSpec = z.object({ name: z.string().regex(/^[a-zA-Z0-9_-]{1,64}$/), description: z.string().min(1).optional(), inputSchema: z.object({ json: z.unknown() }), strict: z.boolean().optional() });
const Tool = z.union([z.object({ toolSpec: ToolSpec }), z.object({ cachePoint })]);
const ToolChoice = z.union([z.object({ auto: z.object({}) }), z.object({ any: z.object({}) }), z.object({ tool: z.object({ name: z.string().min(1) }) })]);
const ToolConfiguration = z.object({ tools: z.array(Tool).min(1), toolChoice: ToolChoice.optional() });

const ChatTemplate = z.object({
  messages: z.array(Message),
  system: z.array(ContentBlock).optional(),
  inputVariables: InputVariables.optional(),
  toolConfiguration: ToolConfiguration.optional(),
});
const TextTemplate = z.object({
  text: z.string().min(1, 'Member must have length greater than or equal to 1').max(200_000, 'Member must have length less than or equal to 200000'),
  cachePoint: cachePoint.optional(),
  inputVariables: InputVariables.optional(),
});

const unit = z.number().min(0, 'Member must have value greater than or equal to 0').max(1, 'Member must have value less than or equal to 1');
const TextInference = z.object({
  temperature: unit.optional(),
  topP: unit.optional(),
  maxTokens: z.number().int().min(0, 'Member must have value greater than or equal to 0').optional(),
  stopSequences: z.array(z.string()).max(4, 'Member must have length less than or equal to 4').optional(),
});

export const PromptVariantSchema = z
  .object({
    name,
    templateType: z.enum(['TEXT', 'CHAT'], { message: 'Member must satisfy enum value set: [TEXT, CHAT]' }),
    templateConfiguration: z.union([z.object({ text: TextTemplate }), z.object({ chat: ChatTemplate })], { message: 'Member must be a union with exactly one of text, chat' }),
    modelId: z.string().min(1).max(2048).optional(),
    inferenceConfiguration: z.object({ text: TextInference }).optional(),
    metadata: z.array(z.object({ key: z.string().min(1).max(128), value: z.string().max(1024) })).max(50).optional(),
    additionalModelRequestFields: z.unknown().optional(),
    genAiResource: z.object({ agent: z.object({ agentIdentifier: z.string().min(1) }) }).optional(),
  })
  .superRefine((v, ctx) => {
    const kind = 'text' in v.templateConfiguration ? 'TEXT' : 'CHAT';
    if (kind !== v.templateType) ctx.addIssue({ code: 'custom', path: ['templateConfiguration'], message: `templateType ${v.templateType} needs templateConfiguration.${v.templateType.toLowerCase()}` });
    if (v.modelId === undefined && v.genAiResource === undefined) ctx.addIssue({ code: 'custom', path: ['modelId'], message: 'A variant needs a modelId (or a genAiResource).' });
  });
export type PromptVariant = z.infer<typeof PromptVariantSchema>;

const Variants = z.array(PromptVariantSchema).max(1, 'Member must have length less than or equal to 1');
const Tags = z.record(z.string().min(1).max(128), z.string().max(256));

export const CreatePromptSchema = z.object({
  name,
  description: description.optional(),
  customerEncryptionKeyArn: z.string().min(1).max(2048).optional(),
  defaultVariant: name.optional(),
  variants: Variants.optional(),
  clientToken: z.string().min(1).max(256).optional(),
  tags: Tags.optional(),
});
export type CreatePromptInput = z.infer<typeof CreatePromptSchema>;

export const UpdatePromptSchema = CreatePromptSchema.omit({ clientToken: true, tags: true });
export type UpdatePromptInput = z.infer<typeof UpdatePromptSchema>;

export const CreateVersionSchema = z.object({ description: description.optional(), clientToken: z.string().min(1).max(256).optional(), tags: Tags.optional() });
export type CreateVersionInput = z.infer<typeof CreateVersionSchema>;

export const ListPromptsQuery = z.object({
  promptIdentifier: z.string().min(1).optional(),
  maxResults: z.coerce.number().int().min(1, 'Member must have value greater than or equal to 1').max(1000, 'Member must have value less than or equal to 1000').optional(),
  nextToken: z.string().min(1).max(2048).optional(),
});

/** A prompt to preload into a stand-in (the Prompt Management import demo, tests). */
export const SeedPromptSchema = CreatePromptSchema.omit({ clientToken: true }).extend({
  /** Versions to create, oldest first; each may change the draft's variants before it is cut. */
  versions: z.array(z.object({ description: description.optional(), variants: Variants.optional() })).max(10).optional(),
});
export type SeedPrompt = z.input<typeof SeedPromptSchema>;

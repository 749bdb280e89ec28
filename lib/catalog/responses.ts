import { z } from 'zod';
import { NullableActorRefSchema } from '../auth/actor-ref';
import { CanarySchema } from '../canary/responses';
import { BundleSchema } from './bundle-schemas';
import { BedrockLinkSchema } from '../bedrock-catalog/responses';
import { GuardrailSchema, ModelIdSchema, ParamsSchema, PromptNameSchema, TemplateSchema } from './schemas';

/**
 * What the catalog endpoints answer, defined once: the OpenAPI document (lib/openapi/catalog.ts),
 * the services' return types and the browser client's types all come from these schemas.
 */
const Time = z.iso.datetime();

export const PromptSchema = z
  .object({
    name: PromptNameSchema,
    description: z.string(),
    tags: z.array(z.string()),
    latestVersion: z.number().int().nullable(),
    labels: z.record(z.string(), z.number().int()).describe('Label name -> version, including the automatic `latest`.'),
    createdAt: Time,
    createdBy: z.string().describe('Display snapshot of who created it (see createdByRef).'),
    createdByRef: NullableActorRefSchema,
    updatedAt: Time,
    archivedAt: Time.nullable().describe('When the prompt was archived (hidden from the catalog by default, still served); null when it is not.'),
  })
  .meta({ id: 'Prompt' });
export type PromptSummary = z.infer<typeof PromptSchema>;

export const VersionSchema = z
  .object({
    name: PromptNameSchema,
    version: z.number().int(),
    template: TemplateSchema,
    variables: z.array(z.string()),
    modelId: ModelIdSchema,
    params: ParamsSchema,
    guardrail: GuardrailSchema.nullable(),
    tools: BundleSchema.shape.tools.describe('Tool specs passed to Converse as toolConfig.tools (empty: none).'),
    toolChoice: BundleSchema.shape.toolChoice.describe('"auto", "any" or {tool: name}; null: Bedrock\'s default.'),
    outputSchema: BundleSchema.shape.outputSchema.describe('JSON Schema the answer (its JSON, or the tool input) must satisfy; a mismatch is 502 invalid_output.'),
    cachePoints: BundleSchema.shape.cachePoints.describe('Prompt-cache points: "system" (after the system prompt) and message indexes (after that message).'),
    fallbacks: BundleSchema.shape.fallbacks.describe('Models tried in order when the primary is throttled or unavailable after retries.'),
    commitMessage: z.string(),
    labels: z.array(z.string()).describe('Labels pointing at this version now.'),
    createdAt: Time,
    createdBy: z.string(),
    createdByRef: NullableActorRefSchema,
    bedrock: BedrockLinkSchema.nullable().describe('Bedrock Prompt Management: the prompt version this one was imported from, and the ARNs "Publish to Bedrock" recorded; null when neither.'),
  })
  .meta({ id: 'Version' });
export type VersionDto = z.infer<typeof VersionSchema>;

/** GET /api/v1/prompts/{name}: the version served, and whether it is a running canary's. */
export const ServedVersionSchema = VersionSchema.extend({
  canary: z.boolean().describe('true when a canary runs on the label and this caller (stickyKey) was served its version; always false for ?version= and `latest`.'),
}).meta({ id: 'ServedVersion' });
export type ServedVersionDto = z.infer<typeof ServedVersionSchema>;

/** POST .../versions: the new version (created: true), or its identical parent (created: false). */
export const CreatedVersionSchema = VersionSchema.extend({
  created: z.boolean().describe('false: identical (template, model, params, guardrail, tools, toolChoice, outputSchema, cachePoints, fallbacks) to parentVersion (default the latest); nothing was written, labels were not moved.'),
}).meta({ id: 'CreatedVersion' });
export type CreatedVersionDto = z.infer<typeof CreatedVersionSchema>;

export const LabelSchema = z
  .object({
    name: z.string(),
    version: z.number().int(),
    updatedAt: Time.nullable(),
    updatedBy: z.string().nullable(),
    updatedByRef: NullableActorRefSchema,
    automatic: z.boolean().describe('`latest` is maintained automatically and cannot be moved.'),
    canary: CanarySchema.nullable().describe('The canary running on this label, or null.'),
  })
  .meta({ id: 'Label' });
export type LabelDto = z.infer<typeof LabelSchema>;

export const LabelMoveSchema = z
  .object({ label: z.string(), version: z.number().int(), previousVersion: z.number().int().nullable() })
  .meta({ id: 'LabelMove' });
export type LabelMoveResult = z.infer<typeof LabelMoveSchema>;

/** PUT .../labels/{label}: the move, and whether anything changed. */
export const LabelPutSchema = LabelMoveSchema.extend({
  changed: z.boolean().describe('false when the label already pointed at the version: nothing was recorded (no history event).'),
}).meta({ id: 'LabelPut' });
export type LabelPutResult = z.infer<typeof LabelPutSchema>;

/** Label moves, then canary events (canary_promote is a move; the others leave the label where it is). */
export const LABEL_ACTIONS = ['deploy', 'rollback', 'remove', 'canary_start', 'canary_promote', 'canary_stop', 'guard_rollback'] as const;

export const LabelEventSchema = z
  .object({
    id: z.number().int(),
    label: z.string(),
    action: z.enum(LABEL_ACTIONS),
    fromVersion: z.number().int().nullable(),
    toVersion: z.number().int().nullable(),
    actor: z.string().describe('Display snapshot of who moved the label (see actorRef).'),
    actorRef: NullableActorRefSchema,
    reason: z.string(),
    details: z.unknown().nullable().describe('Structured facts of canary events (weight and guard; a guard rollback\'s figures); null for plain moves.'),
    at: Time,
    deployRequestId: z.string().nullable().optional().describe('The deploy request whose approval made this move; null for direct moves.'),
  })
  .meta({ id: 'LabelEvent' });
export type LabelEventDto = z.infer<typeof LabelEventSchema>;

export const RenderedSchema = z
  .object({
    version: z.number().int(),
    system: z.string().nullable(),
    messages: z.array(z.object({ role: z.enum(['user', 'assistant']), content: z.string() })),
  })
  .meta({ id: 'Rendered' });
export type RenderedDto = z.infer<typeof RenderedSchema>;

import { z } from 'zod';
import { NullableActorRefSchema } from '../auth/actor-ref';
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
    commitMessage: z.string(),
    labels: z.array(z.string()).describe('Labels pointing at this version now.'),
    createdAt: Time,
    createdBy: z.string(),
    createdByRef: NullableActorRefSchema,
  })
  .meta({ id: 'Version' });
export type VersionDto = z.infer<typeof VersionSchema>;

export const LabelSchema = z
  .object({
    name: z.string(),
    version: z.number().int(),
    updatedAt: Time.nullable(),
    updatedBy: z.string().nullable(),
    updatedByRef: NullableActorRefSchema,
    automatic: z.boolean().describe('`latest` is maintained automatically and cannot be moved.'),
  })
  .meta({ id: 'Label' });
export type LabelDto = z.infer<typeof LabelSchema>;

export const LabelMoveSchema = z
  .object({ label: z.string(), version: z.number().int(), previousVersion: z.number().int().nullable() })
  .meta({ id: 'LabelMove' });
export type LabelMoveResult = z.infer<typeof LabelMoveSchema>;

export const LABEL_ACTIONS = ['deploy', 'rollback', 'remove'] as const;

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
    at: Time,
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

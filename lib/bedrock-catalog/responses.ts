import { z } from 'zod';
import { NullableActorRefSchema } from '../auth/actor-ref';

/** What the Bedrock catalog, lifecycle, quota and Prompt Management endpoints answer (API.md "Bedrock bundle"). */
const Time = z.iso.datetime();

export const MODEL_KINDS = ['foundation', 'inference_profile', 'application_inference_profile'] as const;

export const CatalogModelSchema = z
  .object({
    modelId: z.string().describe('What a version uses: the base model id, a system inference profile id, or an application profile ARN.'),
    name: z.string(),
    provider: z.string(),
    kind: z.enum(MODEL_KINDS),
    status: z.enum(['ACTIVE', 'LEGACY']),
    endOfLife: Time.optional().describe('When Bedrock retires the model, when it says.'),
    legacySince: Time.optional(),
    baseModelId: z.string().describe('The foundation model the entry runs.'),
    routesTo: z.string().optional().describe('Application profiles: the model or system profile they copy.'),
    inputPerMTokUsd: z.number().optional(),
    outputPerMTokUsd: z.number().optional(),
    modalities: z.object({ input: z.array(z.string()), output: z.array(z.string()) }),
    streaming: z.boolean(),
  })
  .meta({ id: 'CatalogModel' });
export type CatalogModelDto = z.infer<typeof CatalogModelSchema>;

export const ModelListSchema = z
  .object({
    items: z.array(CatalogModelSchema),
    fetchedAt: Time.describe('When the catalog was read from Bedrock (cached 5 minutes; ?refresh=true reads it again).'),
    stale: z.boolean().describe('true: refreshing failed and this is the last good catalog; `error` says why.'),
    error: z.string().optional(),
  })
  .meta({ id: 'ModelList' });
export type ModelList = z.infer<typeof ModelListSchema>;

export const LegacyUsageSchema = z
  .object({
    prompt: z.string(),
    label: z.string(),
    version: z.number().int(),
    modelId: z.string(),
    modelName: z.string(),
    endOfLife: Time.nullable(),
    legacySince: Time.nullable(),
  })
  .meta({ id: 'LegacyUsage' });
export type LegacyUsage = z.infer<typeof LegacyUsageSchema>;
export const LegacyUsageListSchema = z.object({ items: z.array(LegacyUsageSchema) }).meta({ id: 'LegacyUsageList' });
export type LegacyUsageList = z.infer<typeof LegacyUsageListSchema>;

export const QUOTA_SOURCES = ['service_quotas', 'override'] as const;

export const HeadroomMetricSchema = z.object({
  peak: z.number().describe('The busiest minute of the window (the larger of the invocation log and CloudWatch).'),
  peakAt: Time.nullable(),
  peakSource: z.enum(['log', 'cloudwatch']).nullable(),
  quota: z.number().nullable().describe('Per minute; null when neither Service Quotas nor an override gives one.'),
  quotaSource: z.enum(QUOTA_SOURCES).nullable(),
  utilisation: z.number().nullable().describe('peak / quota (may exceed 1).'),
});
export type HeadroomMetric = z.infer<typeof HeadroomMetricSchema>;

export const HeadroomItemSchema = z
  .object({
    modelId: z.string(),
    name: z.string().nullable(),
    rpm: HeadroomMetricSchema,
    tpm: HeadroomMetricSchema,
    status: z.enum(['ok', 'warning', 'over', 'unknown']).describe('warning at or above `threshold` of a quota, over at or above 100%, unknown without quotas.'),
  })
  .meta({ id: 'QuotaHeadroom' });
export type HeadroomItem = z.infer<typeof HeadroomItemSchema>;

export const SourceWarningSchema = z.object({ source: z.enum(['catalog', 'service_quotas', 'cloudwatch']), code: z.string(), message: z.string() });

export const HeadroomReportSchema = z
  .object({
    from: Time,
    to: Time,
    threshold: z.number(),
    items: z.array(HeadroomItemSchema),
    warnings: z.array(SourceWarningSchema).describe('Sources that could not be read (the figures use what could).'),
  })
  .meta({ id: 'QuotaHeadroomReport' });
export type HeadroomReport = z.infer<typeof HeadroomReportSchema>;

export const QuotaOverrideSchema = z
  .object({
    modelId: z.string(),
    rpm: z.number().int().nullable(),
    tpm: z.number().int().nullable(),
    updatedAt: Time,
    updatedBy: z.string(),
    updatedByRef: NullableActorRefSchema,
  })
  .meta({ id: 'QuotaOverride' });
export type QuotaOverride = z.infer<typeof QuotaOverrideSchema>;

export const BedrockPromptSummarySchema = z
  .object({
    id: z.string(),
    arn: z.string(),
    name: z.string(),
    description: z.string().optional(),
    updatedAt: z.string(),
    promptdeckName: z.string().nullable().describe('The Promptdeck prompt it imports as (null: the name cannot be one).'),
    imported: z.boolean().describe('A Promptdeck prompt of that name was imported from this Bedrock prompt.'),
  })
  .meta({ id: 'BedrockPromptSummary' });
export const BedrockPromptListSchema = z.object({ items: z.array(BedrockPromptSummarySchema) }).meta({ id: 'BedrockPromptList' });
export type BedrockPromptList = z.infer<typeof BedrockPromptListSchema>;

export const IMPORT_SKIP_REASONS = ['already_imported', 'name_taken', 'invalid_name', 'not_found', 'not_convertible', 'identical_to_previous'] as const;

export const ImportResultSchema = z
  .object({
    imported: z.array(z.object({ name: z.string(), versions: z.array(z.number().int()).describe('Promptdeck version numbers created, oldest first.'), bedrockPromptId: z.string() })),
    skipped: z.array(
      z.object({
        id: z.string().describe('The Bedrock prompt id (or the id asked for).'),
        version: z.string().optional().describe('The Bedrock version ("1", "DRAFT") when only that version was skipped.'),
        reason: z.enum(IMPORT_SKIP_REASONS),
        message: z.string(),
      }),
    ),
  })
  .meta({ id: 'BedrockImportResult' });
export type ImportResult = z.infer<typeof ImportResultSchema>;

export const PublishResultSchema = z
  .object({
    promptArn: z.string(),
    promptVersionArn: z.string(),
    publishedAt: Time,
    created: z.boolean().describe('false: the version had been published already; the recorded ARNs come back.'),
    notes: z.array(z.object({ code: z.string(), message: z.string() })),
  })
  .meta({ id: 'BedrockPublishResult' });
export type PublishResult = z.infer<typeof PublishResultSchema>;

/** On a version: where it was imported from and where it was published (null when neither). */
export const BedrockLinkSchema = z
  .object({
    importedFrom: z.string().nullable(),
    promptArn: z.string().nullable(),
    promptVersionArn: z.string().nullable(),
    publishedAt: Time.nullable(),
  })
  .meta({ id: 'BedrockLink' });
export type BedrockLink = z.infer<typeof BedrockLinkSchema>;

import { z } from 'zod';
import { BedrockPromptListSchema, HeadroomReportSchema, ImportResultSchema, LegacyUsageListSchema, ModelListSchema, PublishResultSchema, QuotaOverrideSchema } from '../bedrock-catalog/responses';
import { HeadroomQuerySchema, ImportInputSchema, LegacyQuerySchema, ModelsQuerySchema, PublishInputSchema, QuotaOverrideInputSchema } from '../bedrock-catalog/schemas';
import { PromptNameSchema } from '../catalog/schemas';
import { ok, type Operations } from './helpers';

/** Bedrock bundle: model catalog and lifecycle, quota headroom, Prompt Management interop. */
const AWS_ERRORS = { 429: 'throttled: AWS throttled the call after retries', 502: 'upstream_error: AWS denied Promptdeck access, or failed (details.type, details.awsCode)' } as const;

export const bedrockOperations = {
  'GET /api/v1/models': {
    summary: 'The model catalog from Bedrock (ListFoundationModels, ListInferenceProfiles incl. application profiles), cached 5 minutes',
    query: ModelsQuerySchema,
    responses: { 200: ok('Models', ModelListSchema) },
    errors: AWS_ERRORS,
  },
  'GET /api/v1/models/legacy-usage': {
    summary: 'Labels that serve a LEGACY model, with its end of life',
    query: LegacyQuerySchema,
    responses: { 200: ok('Labels on legacy models', LegacyUsageListSchema) },
    errors: AWS_ERRORS,
  },
  'GET /api/v1/metrics/quota-headroom': {
    summary: 'Per model: peak requests and tokens per minute (log and CloudWatch) against the account quotas (Service Quotas or an admin override)',
    query: HeadroomQuerySchema,
    responses: { 200: ok('Headroom', HeadroomReportSchema) },
  },
  'PUT /api/v1/metrics/quota-headroom/{modelId}': {
    summary: "Set a model's quotas by hand (admin); both null removes the override",
    params: z.object({ modelId: z.string() }),
    body: QuotaOverrideInputSchema,
    responses: { 200: ok('Override', QuotaOverrideSchema), 204: ok('Override removed') },
  },
  'GET /api/v1/import/bedrock-prompts': {
    summary: "The account's Bedrock Prompt Management prompts, for import (admin)",
    responses: { 200: ok('Bedrock prompts', BedrockPromptListSchema) },
    errors: AWS_ERRORS,
  },
  'POST /api/v1/import/bedrock-prompts': {
    summary: 'Import Bedrock prompts and their versions (admin; all when promptIds is left out); idempotent',
    body: ImportInputSchema,
    responses: { 200: ok('Imported and skipped', ImportResultSchema) },
    errors: AWS_ERRORS,
  },
  'POST /api/v1/prompts/{name}/versions/{version}/publish/bedrock': {
    summary: 'Publish a version as a Bedrock prompt version (deployer); the ARNs are recorded on the version',
    params: z.object({ name: PromptNameSchema, version: z.number().int() }),
    body: PublishInputSchema,
    responses: { 200: ok('Published', PublishResultSchema) },
    errors: { ...AWS_ERRORS, 409: 'conflict: Bedrock refused (name taken, or 10 versions per prompt reached)' },
  },
} satisfies Operations;

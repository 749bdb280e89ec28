import { z } from 'zod';

export const ModelsQuerySchema = z.object({
  refresh: z.enum(['true', 'false', '1', '0']).optional().describe('true: read the catalog from Bedrock again instead of the 5-minute cache.'),
});

export const LegacyQuerySchema = z.object({
  prompt: z.string().max(100).optional().describe('Only this prompt.'),
});

export const HeadroomQuerySchema = z.object({
  hours: z.coerce.number().int().min(1, 'hours is 1 to 336.').max(336, 'hours is 1 to 336 (CloudWatch keeps 1-minute data 15 days).').optional().describe('The window, ending now (default 24).'),
  refresh: z.enum(['true', 'false', '1', '0']).optional().describe('true: read Service Quotas again instead of the 15-minute cache.'),
});

const PerMinute = z.number().int().min(1, 'A quota is at least 1 per minute.').max(1_000_000_000).nullable();
export const QuotaOverrideInputSchema = z
  .object({
    rpm: PerMinute.describe('Requests per minute; null: use Service Quotas.'),
    tpm: PerMinute.describe('Tokens per minute; null: use Service Quotas.'),
  })
  .strict();

const BedrockPromptId = z.string().regex(/^(arn:aws[a-z-]*:bedrock:[a-z0-9-]+:\d{12}:prompt\/)?[0-9A-Za-z]{10}(:(\d+|DRAFT))?$/, 'A Bedrock prompt id (10 letters and digits) or prompt ARN.');
export const ImportInputSchema = z
  .object({
    promptIds: z.array(BedrockPromptId).min(1, 'Name at least one prompt, or leave promptIds out to import all.').max(100, 'At most 100 prompts at a time.').optional(),
  })
  .strict();

/** Publish takes no options: an empty body, or `{}`. */
export const PublishInputSchema = z.object({}).strict().optional();

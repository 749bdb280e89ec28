import { z } from 'zod';
import { NullableActorRefSchema } from '../auth/actor-ref';

/**
 * The body of `PUT /api/v1/settings/prices/{modelId}`. In its own module (no database imports)
 * so the pricing form in the browser validates with the same schema as the service.
 */
const Usd = z.number().min(0, 'A price cannot be negative.').max(10_000, 'That is more than $10,000 per 1M tokens.');
export const SetPriceSchema = z
  .object({
    inputPerMTokUsd: Usd,
    outputPerMTokUsd: Usd,
    /** Prompt-cache reads and writes; omitted or null = priced as input tokens. */
    cacheReadPerMTokUsd: Usd.nullable().optional(),
    cacheWritePerMTokUsd: Usd.nullable().optional(),
  })
  .strict();
export type SetPriceInput = z.infer<typeof SetPriceSchema>;

/** What the pricing endpoints answer (see lib/catalog/responses.ts). */
export const PriceSchema = z
  .object({
    modelId: z.string(),
    inputPerMTokUsd: z.number(),
    outputPerMTokUsd: z.number(),
    cacheReadPerMTokUsd: z.number().nullable().describe('Prompt-cache reads; null = priced as input tokens.'),
    cacheWritePerMTokUsd: z.number().nullable().describe('Prompt-cache writes; null = priced as input tokens.'),
    source: z.enum(['built-in', 'admin']),
    updatedBy: z.string().nullable().describe('Who set an admin price (display snapshot); null for built-in prices.'),
    updatedByRef: NullableActorRefSchema,
  })
  .meta({ id: 'Price' });
export type Price = z.infer<typeof PriceSchema>;

export const PriceListSchema = z.object({ asOf: z.string().describe('Date of the built-in table.'), items: z.array(PriceSchema) }).meta({ id: 'PriceList' });
export type PriceList = z.infer<typeof PriceListSchema>;

const GEO_PREFIX = /^(us|eu|apac|global|us-gov|jp|au|ca)\./;

/** The id prices are keyed by: the base model of an inference profile or ARN. */
export function priceKey(modelId: string): string {
  const id = modelId.startsWith('arn:') ? (modelId.split('/').pop() ?? modelId) : modelId;
  return id.replace(GEO_PREFIX, '');
}

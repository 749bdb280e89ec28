import { z } from 'zod';

/**
 * The body of `PUT /api/v1/settings/prices/{modelId}`. In its own module (no database imports)
 * so the pricing form in the browser validates with the same schema as the service.
 */
const Usd = z.number().min(0, 'A price cannot be negative.').max(10_000, 'That is more than $10,000 per 1M tokens.');
export const SetPriceSchema = z.object({ inputPerMTokUsd: Usd, outputPerMTokUsd: Usd }).strict();
export type SetPriceInput = z.infer<typeof SetPriceSchema>;

const GEO_PREFIX = /^(us|eu|apac|global|us-gov|jp|au|ca)\./;

/** The id prices are keyed by: the base model of an inference profile or ARN. */
export function priceKey(modelId: string): string {
  const id = modelId.startsWith('arn:') ? (modelId.split('/').pop() ?? modelId) : modelId;
  return id.replace(GEO_PREFIX, '');
}

import type { Price } from '@/lib/aws/price-schemas';
import { SetPriceSchema, type SetPriceInput } from '@/lib/aws/price-schemas';
import { ModelIdSchema } from '@/lib/catalog/schemas';
import { schemaResolver } from '@/lib/client/form';

/**
 * The pricing form's values and their checks (no React here, so they are unit-tested): prices are
 * typed as text; input and output are required, the prompt-cache read and write prices may be
 * left empty (null: those tokens are priced as input tokens, as the server does).
 */
export interface PriceFormValues {
  modelId: string;
  inputPerMTokUsd: string;
  outputPerMTokUsd: string;
  cacheReadPerMTokUsd: string;
  cacheWritePerMTokUsd: string;
}
export type PriceFormOut = SetPriceInput & { modelId: string };

export const PRICE_FIELDS = ['modelId', 'inputPerMTokUsd', 'outputPerMTokUsd', 'cacheReadPerMTokUsd', 'cacheWritePerMTokUsd'] as const;
const CACHE_FIELDS = ['cacheReadPerMTokUsd', 'cacheWritePerMTokUsd'] as const;

/** A decimal number of dollars (a sign is let through so that the schema can say "cannot be negative"). */
const DECIMAL = /^[-+]?(\d+(\.\d*)?|\.\d+)$/;

export function priceFormDefaults(price: Price | null): PriceFormValues {
  const s = (n: number | null | undefined) => (n === null || n === undefined ? '' : String(n));
  return {
    modelId: price?.modelId ?? '',
    inputPerMTokUsd: s(price?.inputPerMTokUsd),
    outputPerMTokUsd: s(price?.outputPerMTokUsd),
    cacheReadPerMTokUsd: s(price?.cacheReadPerMTokUsd),
    cacheWritePerMTokUsd: s(price?.cacheWritePerMTokUsd),
  };
}

/** The API body from the form's text, with a field error for what is not a number. */
export function priceFormInput(v: PriceFormValues): { input: Record<string, unknown>; errors: { field: string; message: string }[] } {
  const errors: { field: string; message: string }[] = [];
  const num = (field: (typeof PRICE_FIELDS)[number], raw: string, message: string) => {
    const t = raw.trim();
    if (!DECIMAL.test(t)) {
      errors.push({ field, message });
      return NaN;
    }
    return Number(t);
  };
  const input: Record<string, unknown> = {
    modelId: v.modelId.trim(),
    inputPerMTokUsd: num('inputPerMTokUsd', v.inputPerMTokUsd, 'Enter a price in dollars, e.g. 0.8 (0 for free).'),
    outputPerMTokUsd: num('outputPerMTokUsd', v.outputPerMTokUsd, 'Enter a price in dollars, e.g. 4 (0 for free).'),
  };
  for (const field of CACHE_FIELDS) {
    const raw = (v[field] ?? '').trim();
    const what = field === 'cacheReadPerMTokUsd' ? 'reads' : 'writes';
    input[field] = raw === '' ? null : num(field, raw, `Enter a price in dollars, e.g. ${field === 'cacheReadPerMTokUsd' ? '0.08' : '1'}, or leave it empty to price cache ${what} as input tokens.`);
  }
  return { input, errors };
}

export const priceResolver = schemaResolver<PriceFormValues, PriceFormOut>(SetPriceSchema.extend({ modelId: ModelIdSchema }), priceFormInput, (path) =>
  (PRICE_FIELDS as readonly string[]).includes(path) ? path : null,
);

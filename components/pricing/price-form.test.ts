import { describe, expect, it } from 'vitest';
import type { Price } from '@/lib/aws/price-schemas';
import { SetPriceSchema } from '@/lib/aws/price-schemas';
import { PRICE_FIELDS, priceFormDefaults, priceFormInput, priceResolver, type PriceFormValues } from './price-form';

const values = (over: Partial<PriceFormValues> = {}): PriceFormValues => ({
  modelId: 'anthropic.claude-3-5-haiku-20241022-v1:0',
  inputPerMTokUsd: '0.8',
  outputPerMTokUsd: '4',
  cacheReadPerMTokUsd: '0.08',
  cacheWritePerMTokUsd: '1',
  ...over,
});
const resolve = async (v: PriceFormValues) => {
  const r = await priceResolver(v, undefined, { fields: {}, shouldUseNativeValidation: false });
  return { values: r.values, errors: Object.fromEntries(Object.entries(r.errors).map(([k, e]) => [k, (e as { message?: string }).message])) };
};

const builtIn: Price = {
  modelId: 'amazon.nova-micro-v1:0',
  inputPerMTokUsd: 0.035,
  outputPerMTokUsd: 0.14,
  cacheReadPerMTokUsd: 0.00875,
  cacheWritePerMTokUsd: null,
  source: 'built-in',
  updatedBy: null,
  updatedByRef: null,
};

describe('the pricing form', () => {
  it('shows a model\'s cache prices to edit (empty: priced as input)', () => {
    expect(priceFormDefaults(builtIn)).toEqual({ modelId: 'amazon.nova-micro-v1:0', inputPerMTokUsd: '0.035', outputPerMTokUsd: '0.14', cacheReadPerMTokUsd: '0.00875', cacheWritePerMTokUsd: '' });
    expect(priceFormDefaults(null)).toEqual({ modelId: '', inputPerMTokUsd: '', outputPerMTokUsd: '', cacheReadPerMTokUsd: '', cacheWritePerMTokUsd: '' });
  });

  it('sends the cache prices it shows: editing only the input price keeps them', async () => {
    const r = await resolve({ ...priceFormDefaults(builtIn), inputPerMTokUsd: '0.04' });
    expect(r.errors).toEqual({});
    expect(r.values).toEqual({ modelId: 'amazon.nova-micro-v1:0', inputPerMTokUsd: 0.04, outputPerMTokUsd: 0.14, cacheReadPerMTokUsd: 0.00875, cacheWritePerMTokUsd: null });
  });

  it('gives a body the API takes, cache prices as numbers or null', async () => {
    const r = await resolve(values({ cacheReadPerMTokUsd: ' 0.08 ', cacheWritePerMTokUsd: '' }));
    expect(r.errors).toEqual({});
    const { modelId, ...body } = r.values as Record<string, unknown>;
    expect(modelId).toBe('anthropic.claude-3-5-haiku-20241022-v1:0');
    expect(body).toEqual({ inputPerMTokUsd: 0.8, outputPerMTokUsd: 4, cacheReadPerMTokUsd: 0.08, cacheWritePerMTokUsd: null });
    expect(SetPriceSchema.safeParse(body).success).toBe(true);
    expect((await resolve(values({ cacheReadPerMTokUsd: '0', cacheWritePerMTokUsd: '.5' }))).values).toMatchObject({ cacheReadPerMTokUsd: 0, cacheWritePerMTokUsd: 0.5 });
  });

  it.each([
    ['cacheReadPerMTokUsd', 'abc', /Enter a price in dollars, e.g. 0.08, or leave it empty to price cache reads as input tokens/],
    ['cacheWritePerMTokUsd', '1,25', /leave it empty to price cache writes as input tokens/],
    ['cacheWritePerMTokUsd', '0x10', /Enter a price in dollars/],
    ['cacheWritePerMTokUsd', 'Infinity', /Enter a price in dollars/],
    ['cacheReadPerMTokUsd', '-0.1', /A price cannot be negative/],
    ['cacheWritePerMTokUsd', '20000', /more than \$10,000/],
    ['inputPerMTokUsd', '', /Enter a price in dollars, e.g. 0.8/],
    ['outputPerMTokUsd', '1e3', /Enter a price in dollars/],
  ] as const)('%s = %j gets a clear error on that field only', async (field, raw, message) => {
    const r = await resolve(values({ [field]: raw }));
    expect(Object.keys(r.errors)).toEqual([field]);
    expect(r.errors[field]).toMatch(message);
  });

  it('reports every bad field at once', async () => {
    const r = await resolve(values({ cacheReadPerMTokUsd: 'x', cacheWritePerMTokUsd: '-1', outputPerMTokUsd: '' }));
    expect(Object.keys(r.errors).sort()).toEqual(['cacheReadPerMTokUsd', 'cacheWritePerMTokUsd', 'outputPerMTokUsd']);
  });

  it('maps the server\'s field errors onto its fields', () => {
    // applyFieldIssues puts an API 400's details on these fields: every body field is one.
    expect([...PRICE_FIELDS].sort()).toEqual(['modelId', ...Object.keys(SetPriceSchema.shape)].sort());
    expect(priceFormInput(values()).errors).toEqual([]);
  });
});

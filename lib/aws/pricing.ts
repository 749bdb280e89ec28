import type { ServiceContext } from '../context';
import type { Db } from '../db/client';
import { requirePermission } from '../auth/roles';
import { audit } from '../auth/audit';
import { ModelIdSchema } from '../catalog/schemas';
import { notFound } from '../errors';
import { actorColumns, actorRefOf, type StoredActorColumns } from '../auth/actor-ref';
import { priceKey, SetPriceSchema, type Price, type PriceList } from './price-schemas';

/**
 * On-demand prices in US dollars per 1M tokens (input, output) for common Bedrock text models.
 * Source: the Amazon Bedrock pricing page, on-demand, US East (N. Virginia), as published in
 * mid-2025 (PRICES_AS_OF). Prices change and differ by region: admins override them in
 * Settings -> Pricing. Cross-region inference profiles (us., eu., apac.) are priced as their
 * base model. A model that is in neither list has no cost (null), never 0.
 */
export const PRICES_AS_OF = '2025-06-30';

/**
 * Prompt caching (cacheRead / cacheWrite, $ per 1M tokens): Anthropic models read at 10% and
 * write at 125% of the input price; Amazon Nova reads at 25% and does not charge writes extra.
 * Models without cache prices price cache tokens as input tokens.
 */
export const BUILT_IN_PRICES: Record<string, { input: number; output: number; cacheRead?: number; cacheWrite?: number }> = {
  'anthropic.claude-3-haiku-20240307-v1:0': { input: 0.25, output: 1.25, cacheRead: 0.03, cacheWrite: 0.3 },
  'anthropic.claude-3-5-haiku-20241022-v1:0': { input: 0.8, output: 4, cacheRead: 0.08, cacheWrite: 1 },
  'anthropic.claude-3-5-sonnet-20240620-v1:0': { input: 3, output: 15, cacheRead: 0.3, cacheWrite: 3.75 },
  'anthropic.claude-3-5-sonnet-20241022-v2:0': { input: 3, output: 15, cacheRead: 0.3, cacheWrite: 3.75 },
  'anthropic.claude-3-7-sonnet-20250219-v1:0': { input: 3, output: 15, cacheRead: 0.3, cacheWrite: 3.75 },
  'anthropic.claude-sonnet-4-20250514-v1:0': { input: 3, output: 15, cacheRead: 0.3, cacheWrite: 3.75 },
  'anthropic.claude-opus-4-20250514-v1:0': { input: 15, output: 75, cacheRead: 1.5, cacheWrite: 18.75 },
  'amazon.nova-micro-v1:0': { input: 0.035, output: 0.14, cacheRead: 0.00875, cacheWrite: 0.035 },
  'amazon.nova-lite-v1:0': { input: 0.06, output: 0.24, cacheRead: 0.015, cacheWrite: 0.06 },
  'amazon.nova-pro-v1:0': { input: 0.8, output: 3.2, cacheRead: 0.2, cacheWrite: 0.8 },
  'meta.llama3-1-8b-instruct-v1:0': { input: 0.22, output: 0.22 },
  'meta.llama3-1-70b-instruct-v1:0': { input: 0.72, output: 0.72 },
  'mistral.mistral-large-2407-v1:0': { input: 2, output: 6 },
  'cohere.command-r-v1:0': { input: 0.5, output: 1.5 },
  'cohere.command-r-plus-v1:0': { input: 3, output: 15 },
};

export { priceKey };

export type { Price };

type PriceFigures = Pick<Price, 'inputPerMTokUsd' | 'outputPerMTokUsd'> & Partial<Pick<Price, 'cacheReadPerMTokUsd' | 'cacheWritePerMTokUsd'>>;
const round8 = (usd: number) => Math.round(usd * 1e8) / 1e8;

/** Cost of a call; cache tokens at the cache prices (as input tokens when the model has none). */
export function costUsd(price: PriceFigures | null, inputTokens: number, outputTokens: number, cache: { read?: number; write?: number } = {}): number | null {
  if (!price) return null;
  const read = (cache.read ?? 0) * (price.cacheReadPerMTokUsd ?? price.inputPerMTokUsd);
  const write = (cache.write ?? 0) * (price.cacheWritePerMTokUsd ?? price.inputPerMTokUsd);
  return round8((inputTokens * price.inputPerMTokUsd + outputTokens * price.outputPerMTokUsd + read + write) / 1e6);
}

/** What prompt caching saved on a call against sending every token as input (negative when writes cost more). */
export function cacheSavingsUsd(price: PriceFigures | null, cache: { read: number; write: number }): number | null {
  if (!price || (cache.read === 0 && cache.write === 0)) return null;
  const saved = cache.read * (price.inputPerMTokUsd - (price.cacheReadPerMTokUsd ?? price.inputPerMTokUsd));
  const extra = cache.write * ((price.cacheWritePerMTokUsd ?? price.inputPerMTokUsd) - price.inputPerMTokUsd);
  return round8((saved - extra) / 1e6);
}

type PriceRow = StoredActorColumns<'updatedBy'> & { modelId: string; inputPerMTokUsd: number; outputPerMTokUsd: number; cacheReadPerMTokUsd: number | null; cacheWritePerMTokUsd: number | null; updatedBy: string };
const toAdminPrice = (r: PriceRow): Price => ({
  modelId: r.modelId,
  inputPerMTokUsd: r.inputPerMTokUsd,
  outputPerMTokUsd: r.outputPerMTokUsd,
  cacheReadPerMTokUsd: r.cacheReadPerMTokUsd,
  cacheWritePerMTokUsd: r.cacheWritePerMTokUsd,
  source: 'admin',
  updatedBy: r.updatedBy,
  updatedByRef: actorRefOf(r, 'updatedBy'),
});
const builtIn = (modelId: string, p: (typeof BUILT_IN_PRICES)[string]): Price => ({
  modelId,
  inputPerMTokUsd: p.input,
  outputPerMTokUsd: p.output,
  cacheReadPerMTokUsd: p.cacheRead ?? null,
  cacheWritePerMTokUsd: p.cacheWrite ?? null,
  source: 'built-in',
  updatedBy: null,
  updatedByRef: null,
});

// Overrides are few and rarely change: cache them briefly per instance.
const g = globalThis as unknown as { __promptdeckPrices?: { at: number; rows: Map<string, Price> } };
const TTL_MS = 10_000;

async function overrides(db: Db): Promise<Map<string, Price>> {
  const c = g.__promptdeckPrices;
  if (c && Date.now() - c.at < TTL_MS) return c.rows;
  const rows = await db.modelPrice.findMany();
  const map = new Map(rows.map((r): [string, Price] => [r.modelId, toAdminPrice(r)]));
  g.__promptdeckPrices = { at: Date.now(), rows: map };
  return map;
}

export async function priceFor(db: Db, modelId: string): Promise<Price | null> {
  const key = priceKey(modelId);
  const o = await overrides(db);
  const hit = o.get(modelId) ?? o.get(key);
  if (hit) return hit;
  const b = BUILT_IN_PRICES[key];
  return b ? builtIn(key, b) : null;
}

export async function listPrices(ctx: ServiceContext): Promise<PriceList> {
  requirePermission(ctx.actor, 'catalog:read');
  const o = await overrides(ctx.db);
  const items: Price[] = Object.entries(BUILT_IN_PRICES).map(([modelId, p]) => o.get(modelId) ?? builtIn(modelId, p));
  for (const [id, p] of o) if (!BUILT_IN_PRICES[id]) items.push(p);
  return { asOf: PRICES_AS_OF, items: items.sort((a, b) => a.modelId.localeCompare(b.modelId)) };
}

export { SetPriceSchema };

export async function setPrice(ctx: ServiceContext, modelId: string, raw: unknown): Promise<Price> {
  requirePermission(ctx.actor, 'admin');
  const id = ModelIdSchema.parse(modelId);
  const input = SetPriceSchema.parse(raw);
  const row = await ctx.db.$transaction(async (tx) => {
    const figures = { ...input, cacheReadPerMTokUsd: input.cacheReadPerMTokUsd ?? null, cacheWritePerMTokUsd: input.cacheWritePerMTokUsd ?? null };
    const r = await tx.modelPrice.upsert({ where: { modelId: id }, create: { modelId: id, ...figures, ...actorColumns('updatedBy', ctx.actor) }, update: { ...figures, ...actorColumns('updatedBy', ctx.actor) } });
    await audit(tx, ctx.actor, 'price.set', id, input);
    return r;
  });
  g.__promptdeckPrices = undefined;
  return toAdminPrice(row);
}

export async function resetPrice(ctx: ServiceContext, modelId: string): Promise<void> {
  requirePermission(ctx.actor, 'admin');
  const deleted = await ctx.db.$transaction(async (tx) => {
    const d = await tx.modelPrice.deleteMany({ where: { modelId } });
    if (d.count) await audit(tx, ctx.actor, 'price.reset', modelId);
    return d.count;
  });
  if (!deleted) throw notFound(`A custom price for ${modelId}`);
  g.__promptdeckPrices = undefined;
}

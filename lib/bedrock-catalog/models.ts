import type { ServiceContext } from '../context';
import { requirePermission } from '../auth/roles';
import { findCatalogModel, modelCatalog, type CatalogModel } from '../aws/models';
import { priceFor } from '../aws/pricing';
import type { Cached } from '../aws/cache';
import { viaAws } from './failure';
import type { CatalogModelDto, LegacyUsage, LegacyUsageList, ModelList } from './responses';
import { LegacyQuerySchema, ModelsQuerySchema } from './schemas';

/**
 * The model catalog as the API shows it (GET /api/v1/models) and what it implies for prompts:
 * labels that serve a LEGACY model (GET /api/v1/models/legacy-usage).
 */

/** The process's catalog, AWS failures as the API's errors (502/429) when there is no good copy. */
export function catalog(opts: { refresh?: boolean } = {}): Promise<Cached<CatalogModel[]>> {
  return viaAws(() => modelCatalog(opts));
}

const isTrue = (v: string | undefined) => v === 'true' || v === '1';

export async function listModels(ctx: ServiceContext, raw: unknown): Promise<ModelList> {
  requirePermission(ctx.actor, 'catalog:read');
  const q = ModelsQuerySchema.parse(raw ?? {});
  const cached = await catalog({ refresh: isTrue(q.refresh) });
  const items: CatalogModelDto[] = [];
  for (const m of cached.value) {
    // Admin prices (Settings -> Pricing) win over the built-in table.
    const price = await priceFor(ctx.db, m.modelId);
    items.push({
      modelId: m.modelId,
      name: m.name,
      provider: m.provider,
      kind: m.kind,
      status: m.status,
      ...(m.endOfLife ? { endOfLife: m.endOfLife } : {}),
      ...(m.legacySince ? { legacySince: m.legacySince } : {}),
      baseModelId: m.baseModelId,
      ...(m.routesTo ? { routesTo: m.routesTo } : {}),
      ...(price ? { inputPerMTokUsd: price.inputPerMTokUsd, outputPerMTokUsd: price.outputPerMTokUsd } : m.inputPerMTokUsd !== undefined ? { inputPerMTokUsd: m.inputPerMTokUsd, outputPerMTokUsd: m.outputPerMTokUsd } : {}),
      modalities: { input: m.inputModalities, output: m.outputModalities },
      streaming: m.streaming,
    });
  }
  return { items, fetchedAt: cached.fetchedAt.toISOString(), stale: cached.stale, ...(cached.error ? { error: cached.error.message.slice(0, 500) } : {}) };
}

type LabelRow = { prompt: string; label: string; version: number; modelId: string };

/** Every stored label (of prompts that are not archived) that serves a LEGACY model, soonest end of life first. */
export async function legacyUsage(ctx: ServiceContext, raw: unknown): Promise<LegacyUsageList> {
  requirePermission(ctx.actor, 'catalog:read');
  const q = LegacyQuerySchema.parse(raw ?? {});
  const models = (await catalog()).value;
  const rows = q.prompt
    ? await ctx.db.$queryRaw<LabelRow[]>`
        SELECT p.name AS prompt, l.name AS label, l.version, v."modelId"
        FROM "Label" l JOIN "Prompt" p ON p.id = l."promptId"
        JOIN "PromptVersion" v ON v."promptId" = l."promptId" AND v.version = l.version
        WHERE p.name = ${q.prompt}`
    : await ctx.db.$queryRaw<LabelRow[]>`
        SELECT p.name AS prompt, l.name AS label, l.version, v."modelId"
        FROM "Label" l JOIN "Prompt" p ON p.id = l."promptId"
        JOIN "PromptVersion" v ON v."promptId" = l."promptId" AND v.version = l.version
        WHERE p."archivedAt" IS NULL`;
  const entry = new Map<string, CatalogModel | undefined>();
  const items: LegacyUsage[] = [];
  for (const r of rows) {
    if (!entry.has(r.modelId)) entry.set(r.modelId, findCatalogModel(models, r.modelId));
    const m = entry.get(r.modelId);
    if (m?.status !== 'LEGACY') continue;
    items.push({ prompt: r.prompt, label: r.label, version: r.version, modelId: r.modelId, modelName: m.name, endOfLife: m.endOfLife ?? null, legacySince: m.legacySince ?? null });
  }
  const eol = (u: LegacyUsage) => u.endOfLife ?? '9999';
  return { items: items.sort((a, b) => eol(a).localeCompare(eol(b)) || a.prompt.localeCompare(b.prompt) || a.label.localeCompare(b.label)) };
}

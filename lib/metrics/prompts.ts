import type { ServiceContext } from '../context';
import { requirePermission } from '../auth/roles';
import { notFound } from '../errors';
import type { PromptMetrics, VersionMetrics } from './responses';
import { PromptMetricsQuerySchema } from './schemas';

export type { PromptMetrics, VersionMetrics };

type Row = {
  version: number;
  invocations: bigint;
  throttled: bigint;
  errors: bigint;
  p50: number | null;
  p95: number | null;
  input_tokens: bigint | null;
  output_tokens: bigint | null;
  cost: number | null;
  priced: bigint;
  fallbacks: bigint;
  cache_read: bigint | null;
  cache_write: bigint | null;
  cache_saved: number | null;
};

/** Fallbacks and prompt caching: the hit rate is the share of input tokens read from the cache. */
function bundleFigures(r: Row): Pick<VersionMetrics, 'fallbacks' | 'cacheReadInputTokens' | 'cacheWriteInputTokens' | 'cacheHitRate' | 'cacheSavingsUsd'> {
  const read = Number(r.cache_read ?? 0);
  const write = Number(r.cache_write ?? 0);
  const all = read + write + Number(r.input_tokens ?? 0);
  return {
    fallbacks: Number(r.fallbacks),
    cacheReadInputTokens: read,
    cacheWriteInputTokens: write,
    cacheHitRate: read + write > 0 && all > 0 ? Math.round((read / all) * 1e4) / 1e4 : null,
    cacheSavingsUsd: r.cache_saved === null ? null : Math.round(Number(r.cache_saved) * 1e6) / 1e6,
  };
}

export async function promptMetrics(ctx: ServiceContext, name: string, raw: unknown, now = Date.now()): Promise<PromptMetrics> {
  requirePermission(ctx.actor, 'catalog:read');
  const q = PromptMetricsQuerySchema.parse(raw ?? {});
  const to = q.to ? new Date(q.to) : new Date(now);
  const from = q.from ? new Date(q.from) : new Date(to.getTime() - 24 * 3600_000);
  const exists = await ctx.db.prompt.findUnique({ where: { name }, select: { id: true } });
  if (!exists) throw notFound(`Prompt "${name}"`);
  // One pass over the prompt's invocations in the window (index: promptName, promptVersion,
  // createdAt). Playground runs with another model or parameters are not the version's figures,
  // nor are experiments' calls (source experiment: runs and their judges).
  const rows = await ctx.db.$queryRaw<Row[]>`
    SELECT "promptVersion" AS version,
           count(*) AS invocations,
           count(*) FILTER (WHERE status = 'throttled') AS throttled,
           count(*) FILTER (WHERE status = 'error') AS errors,
           percentile_cont(0.5) WITHIN GROUP (ORDER BY "latencyMs") FILTER (WHERE status = 'ok') AS p50,
           percentile_cont(0.95) WITHIN GROUP (ORDER BY "latencyMs") FILTER (WHERE status = 'ok') AS p95,
           sum("inputTokens") AS input_tokens,
           sum("outputTokens") AS output_tokens,
           sum("costUsd") AS cost,
           count("costUsd") AS priced,
           count(*) FILTER (WHERE "fallbackFrom" IS NOT NULL) AS fallbacks,
           sum("cacheReadInputTokens") AS cache_read,
           sum("cacheWriteInputTokens") AS cache_write,
           sum("cacheSavingsUsd") AS cache_saved
      FROM "Invocation"
     WHERE "promptName" = ${name} AND "promptVersion" IS NOT NULL AND "createdAt" >= ${from} AND "createdAt" < ${to}
       AND NOT coalesce(metadata ? 'overrides', false) AND source <> 'experiment'
     GROUP BY "promptVersion"`;
  const votes = await ctx.db.$queryRaw<{ version: number; up: bigint; down: bigint }[]>`
    SELECT i."promptVersion" AS version, count(*) FILTER (WHERE f.score = 1) AS up, count(*) FILTER (WHERE f.score = -1) AS down
      FROM "Invocation" i JOIN "Feedback" f ON f."invocationId" = i.id
     WHERE i."promptName" = ${name} AND i."promptVersion" IS NOT NULL AND i."createdAt" >= ${from} AND i."createdAt" < ${to}
       AND NOT coalesce(i.metadata ? 'overrides', false) AND i.source <> 'experiment'
     GROUP BY i."promptVersion"`;
  const [overrides] = await ctx.db.$queryRaw<{ n: bigint }[]>`
    SELECT count(*) AS n FROM "Invocation"
     WHERE "promptName" = ${name} AND "promptVersion" IS NOT NULL AND "createdAt" >= ${from} AND "createdAt" < ${to}
       AND coalesce(metadata ? 'overrides', false)`;
  const byVersion = new Map(votes.map((v) => [Number(v.version), v]));
  const versions: VersionMetrics[] = rows
    .map((r) => {
      const v = byVersion.get(Number(r.version));
      return {
        version: Number(r.version),
        invocations: Number(r.invocations),
        throttled: Number(r.throttled),
        errors: Number(r.errors),
        thumbsUp: Number(v?.up ?? 0),
        thumbsDown: Number(v?.down ?? 0),
        latencyP50Ms: r.p50 === null ? null : Math.round(r.p50),
        latencyP95Ms: r.p95 === null ? null : Math.round(r.p95),
        inputTokens: Number(r.input_tokens ?? 0),
        outputTokens: Number(r.output_tokens ?? 0),
        // No priced call at all: unknown (null), not free.
        costUsd: Number(r.priced) > 0 ? Math.round(Number(r.cost ?? 0) * 1e6) / 1e6 : null,
        ...bundleFigures(r),
      };
    })
    .sort((a, b) => b.version - a.version);
  const priced = versions.filter((v) => v.costUsd !== null);
  const cost = priced.length ? priced.reduce((s, v) => s + (v.costUsd ?? 0), 0) : null;
  const windowMs = to.getTime() - from.getTime();
  return {
    from: from.toISOString(),
    to: to.toISOString(),
    versions,
    total: {
      invocations: versions.reduce((s, v) => s + v.invocations, 0),
      costUsd: cost === null ? null : Math.round(cost * 1e6) / 1e6,
      projectedMonthlyCostUsd: cost === null ? null : Math.round(((cost * 30 * 86_400_000) / windowMs) * 100) / 100,
      excludedOverrideRuns: Number(overrides?.n ?? 0),
    },
  };
}

import type { Db, Prisma } from '../db/client';
import type { GuardSettings } from './schemas';
import type { GuardState, SideFigures } from './responses';

type Reader = Db | Prisma.TransactionClient;

/** Sources that are production traffic: the gateway (`api`) and calls applications report (`ingest`); not the playground. */
export const PRODUCTION_SOURCES = ['api', 'ingest'] as const;

type Row = { version: number; calls: bigint; errors: bigint; throttled: bigint; p95: number | null; down: bigint };

const empty = (version: number): SideFigures => ({ version, calls: 0, errors: 0, throttled: 0, errorRate: null, throttleRate: null, latencyP95Ms: null, thumbsDown: 0, thumbsDownRate: null });

/**
 * Both sides' figures since `from`: production calls of each version of the prompt (index
 * promptName, promptVersion, createdAt), p95 latency of the successful ones, and calls with a
 * thumbs-down. Playground runs with overrides are not the version's figures.
 */
export async function sideFigures(db: Reader, prompt: string, baseline: number, canary: number, from: Date, to: Date): Promise<{ baseline: SideFigures; canary: SideFigures }> {
  const rows = await db.$queryRaw<Row[]>`
    SELECT i."promptVersion" AS version,
           count(*) AS calls,
           count(*) FILTER (WHERE i.status = 'error') AS errors,
           count(*) FILTER (WHERE i.status = 'throttled') AS throttled,
           percentile_cont(0.95) WITHIN GROUP (ORDER BY i."latencyMs") FILTER (WHERE i.status = 'ok' AND i."latencyMs" IS NOT NULL) AS p95,
           count(*) FILTER (WHERE EXISTS (SELECT 1 FROM "Feedback" f WHERE f."invocationId" = i.id AND f.score < 0)) AS down
      FROM "Invocation" i
     WHERE i."promptName" = ${prompt} AND i."promptVersion" IN (${baseline}, ${canary})
       AND i."createdAt" >= ${from} AND i."createdAt" <= ${to}
       AND i.source::text IN ('api', 'ingest')
       AND NOT coalesce(i.metadata ? 'overrides', false)
     GROUP BY i."promptVersion"`;
  const out = { baseline: empty(baseline), canary: empty(canary) };
  for (const r of rows) {
    const calls = Number(r.calls);
    const f: SideFigures = {
      version: Number(r.version),
      calls,
      errors: Number(r.errors),
      throttled: Number(r.throttled),
      errorRate: calls ? Number(r.errors) / calls : null,
      throttleRate: calls ? Number(r.throttled) / calls : null,
      latencyP95Ms: r.p95 === null ? null : Math.round(Number(r.p95)),
      thumbsDown: Number(r.down),
      thumbsDownRate: calls ? Number(r.down) / calls : null,
    };
    if (f.version === canary) out.canary = f;
    else out.baseline = f;
  }
  return out;
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
const failureRate = (s: SideFigures) => (s.calls ? (s.errors + s.throttled) / s.calls : 0);

/**
 * The guard's verdict. It never judges on too few calls: both sides need `minCalls` in the
 * window. Then each threshold that is set is checked; any breach ends the canary.
 */
export function judge(g: GuardSettings, baseline: SideFigures, canary: SideFigures): GuardState {
  if (baseline.calls < g.minCalls || canary.calls < g.minCalls) return { state: 'waiting', breaches: [] };
  const breaches: string[] = [];
  if (g.maxErrorRateDelta !== null) {
    const c = failureRate(canary);
    const b = failureRate(baseline);
    if (c - b > g.maxErrorRateDelta) breaches.push(`error rate ${pct(c)} vs ${pct(b)} (+${((c - b) * 100).toFixed(1)} points, limit ${(g.maxErrorRateDelta * 100).toFixed(1)})`);
  }
  if (g.maxThumbsDownRateDelta !== null) {
    const c = canary.thumbsDownRate ?? 0;
    const b = baseline.thumbsDownRate ?? 0;
    if (c - b > g.maxThumbsDownRateDelta) breaches.push(`thumbs-down rate ${pct(c)} vs ${pct(b)} (+${((c - b) * 100).toFixed(1)} points, limit ${(g.maxThumbsDownRateDelta * 100).toFixed(1)})`);
  }
  if (g.maxLatencyP95Ratio !== null && canary.latencyP95Ms !== null && baseline.latencyP95Ms !== null && baseline.latencyP95Ms > 0) {
    const ratio = canary.latencyP95Ms / baseline.latencyP95Ms;
    if (ratio > g.maxLatencyP95Ratio) breaches.push(`p95 latency ${canary.latencyP95Ms} ms vs ${baseline.latencyP95Ms} ms (${ratio.toFixed(2)}x, limit ${g.maxLatencyP95Ratio}x)`);
  }
  return { state: breaches.length ? 'breached' : 'healthy', breaches };
}

/** The reason a guard rollback records: the breaches and both sides' counts. */
export function guardReason(state: GuardState, baseline: SideFigures, canary: SideFigures, windowSeconds: number): string {
  const side = (s: SideFigures) => `v${s.version}: ${s.calls} calls, ${s.errors} errors, ${s.throttled} throttled, p95 ${s.latencyP95Ms ?? '-'} ms, ${s.thumbsDown} thumbs-down`;
  return `Guard: ${state.breaches.join('; ')}. Over the last ${windowSeconds} s: canary ${side(canary)}; baseline ${side(baseline)}.`;
}

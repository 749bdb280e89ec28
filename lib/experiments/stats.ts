/**
 * Statistics for experiments: the exact McNemar test for two runs on the same examples (with a
 * verdict in plain words), percentiles computed like the metrics pages (PostgreSQL's
 * percentile_cont), and the Pareto front of a sweep (pass rate up, cost down).
 */

/** ln(a + b) from ln a and ln b, without overflow. */
function logAdd(la: number, lb: number): number {
  if (la === -Infinity) return lb;
  if (lb === -Infinity) return la;
  const hi = Math.max(la, lb);
  return hi + Math.log1p(Math.exp(Math.min(la, lb) - hi));
}

/**
 * Exact two-sided McNemar test: a binomial test on the discordant pairs. `b` examples passed in
 * one run and failed in the other, `c` the reverse; under "no difference" each discordant pair
 * goes either way with probability 1/2, so p = min(1, 2 * P[X <= min(b, c)]) with
 * X ~ Binomial(b + c, 1/2). Computed in log space (exact to double precision for any n); p = 1
 * when nothing changed (b + c = 0).
 */
export function mcnemarExact(b: number, c: number): number {
  for (const [name, v] of [['b', b], ['c', c]] as const) {
    if (!Number.isInteger(v) || v < 0) throw new RangeError(`${name} must be a non-negative integer, got ${v}`);
  }
  const n = b + c;
  if (n === 0) return 1;
  const k = Math.min(b, c);
  // ln C(n, 0) = 0; ln C(n, j+1) = ln C(n, j) + ln((n - j) / (j + 1)).
  let logC = 0;
  let logSum = 0;
  for (let j = 0; j < k; j++) {
    logC += Math.log((n - j) / (j + 1));
    logSum = logAdd(logSum, logC);
  }
  const p = Math.exp(Math.log(2) + logSum - n * Math.log(2));
  return Math.min(1, p);
}

/** The outcome of an example in two runs: who passed where. */
export interface PairedCounts {
  /** Passed in base, failed in head. */
  regressed: string[];
  /** Failed in base, passed in head. */
  improved: string[];
  /** Same result in both. */
  unchanged: number;
}

/** Pairs two runs' pass/fail per example; examples missing from either run are left out. */
export function pairResults(base: ReadonlyMap<string, boolean>, head: ReadonlyMap<string, boolean>): PairedCounts {
  const out: PairedCounts = { regressed: [], improved: [], unchanged: 0 };
  for (const [id, was] of base) {
    const now = head.get(id);
    if (now === undefined) continue;
    if (was && !now) out.regressed.push(id);
    else if (!was && now) out.improved.push(id);
    else out.unchanged += 1;
  }
  return out;
}

export const SIGNIFICANCE = 0.05;

export interface Verdict {
  pValue: number;
  /** p < 0.05. */
  significant: boolean;
  verdict: 'real_difference' | 'could_be_chance' | 'no_change';
  /** One or two sentences for people, with the counts. */
  text: string;
}

function percent(p: number): string {
  if (p < 0.001) return 'less than 0.1%';
  return `${(p * 100).toFixed(p < 0.01 ? 2 : 1).replace(/\.0+$/, '')}%`;
}

/** McNemar's p-value for a comparison, with what it means in plain words. */
export function compareVerdict(counts: { regressed: number; improved: number; unchanged: number }): Verdict {
  const { regressed: b, improved: c, unchanged } = counts;
  const pValue = mcnemarExact(b, c);
  const total = b + c + unchanged;
  const examples = `${total} example${total === 1 ? '' : 's'}`;
  if (b + c === 0) {
    return { pValue, significant: false, verdict: 'no_change', text: `No example changed its result (${examples} compared), so there is no difference to test.` };
  }
  const moves = `${c} improved, ${b} regressed, ${unchanged} unchanged of ${examples}`;
  const chance = `If the two versions were equally good, a split at least this uneven would happen by chance ${percent(pValue)} of the time (p = ${pValue.toPrecision(2)})`;
  const significant = pValue < SIGNIFICANCE;
  const text = significant
    ? `${moves}. ${chance}: a real difference, ${c > b ? 'in favour of the new run' : 'against the new run'}.`
    : `${moves}. ${chance}: this could be chance; more examples would tell.`;
  return { pValue, significant, verdict: significant ? 'real_difference' : 'could_be_chance', text };
}

/**
 * Percentile with linear interpolation between the closest ranks: PostgreSQL's
 * `percentile_cont`, which the metrics pages use (lib/metrics/prompts.ts), so an experiment's
 * p50/p95 are comparable with the production figures. null for no values.
 */
export function percentileCont(values: readonly number[], q: number): number | null {
  if (!(q >= 0 && q <= 1)) throw new RangeError(`q must be in [0, 1], got ${q}`);
  const xs = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  if (xs.length === 0) return null;
  const pos = q * (xs.length - 1);
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  const a = xs[lo] as number;
  const b = xs[hi] as number;
  return a + (b - a) * (pos - lo);
}

/** p50 and p95 in whole milliseconds, rounded as the metrics pages round them. */
export function latencyPercentiles(latenciesMs: readonly number[]): { p50: number | null; p95: number | null } {
  const round = (v: number | null) => (v === null ? null : Math.round(v));
  return { p50: round(percentileCont(latenciesMs, 0.5)), p95: round(percentileCont(latenciesMs, 0.95)) };
}

export interface ParetoPoint {
  id: string;
  passRate: number;
  /** null: unknown (a model without a price). */
  costUsd: number | null;
}

/**
 * The cells no other cell beats: a cell is dominated when another has a pass rate at least as
 * high and a cost at least as low, and is strictly better on one of them. Cells that tie on both
 * all stay on the front. An unknown cost counts as higher than any known cost (it cannot be shown
 * to be cheaper). Returns ids in input order.
 */
export function paretoFront(points: readonly ParetoPoint[]): string[] {
  const cost = (p: ParetoPoint) => (p.costUsd === null || !Number.isFinite(p.costUsd) ? Infinity : p.costUsd);
  const dominates = (a: ParetoPoint, b: ParetoPoint) =>
    a.passRate >= b.passRate && cost(a) <= cost(b) && (a.passRate > b.passRate || cost(a) < cost(b));
  return points.filter((p) => !points.some((q) => q !== p && dominates(q, p))).map((p) => p.id);
}

/**
 * The compare page's model (pure, see compare-model.test.ts): the McNemar p-value in plain words
 * and the examples of two runs paired side by side.
 */
import { SIGNIFICANCE } from '@/lib/experiments/stats';
import type { Result } from './types';

export interface PlainVerdict {
  kind: 'real_difference' | 'could_be_chance' | 'no_change';
  headline: string;
  text: string;
  pValue: number;
}

/** "p = 0.021": two significant digits, "< 0.001" below that. */
export function formatP(p: number): string {
  if (!Number.isFinite(p)) return 'p = —';
  if (p < 0.001) return 'p < 0.001';
  return `p = ${Number(p.toPrecision(2))}`;
}

/**
 * The verdict from the server's exact p-value and the counts: below 0.05 a real difference
 * (better or worse), else it could be chance; nothing changed, nothing to test.
 */
export function plainVerdict(pValue: number, counts: { regressed: number; improved: number; unchanged: number }): PlainVerdict {
  const { regressed: b, improved: c, unchanged: u } = counts;
  const total = b + c + u;
  const examples = `${total} example${total === 1 ? '' : 's'}`;
  if (b + c === 0) return { kind: 'no_change', headline: 'No change', text: `No example changed its result (${examples} compared), so there is no difference to test.`, pValue };
  const real = pValue < SIGNIFICANCE;
  const moves = `${c} improved, ${b} regressed, ${u} unchanged of ${examples}`;
  const chance = `If both runs were equally good, a split at least this uneven would happen by chance ${pctText(pValue)} of the time (${formatP(pValue)})`;
  if (!real) return { kind: 'could_be_chance', headline: 'Could be chance', text: `${moves}. ${chance}: this could be chance; more examples would tell.`, pValue };
  const headline = c > b ? 'Real difference: the head run is better' : c < b ? 'Real difference: the head run is worse' : 'Real difference';
  return { kind: 'real_difference', headline, text: `${moves}. ${chance}: a real difference, not chance.`, pValue };
}

function pctText(p: number): string {
  if (p < 0.001) return 'less than 0.1%';
  return `${(p * 100).toFixed(p < 0.01 ? 2 : 1).replace(/\.0+$/, '')}%`;
}

export interface PairedExample {
  exampleId: string;
  base: Result | null;
  head: Result | null;
}

/** The first repetition of each example, keyed by example id. */
export function byExample(results: readonly Result[]): Map<string, Result> {
  const out = new Map<string, Result>();
  for (const r of results) {
    const seen = out.get(r.exampleId);
    if (!seen || r.repetition < seen.repetition) out.set(r.exampleId, r);
  }
  return out;
}

/** The given examples with each run's result beside the other (null when a run lacks it). */
export function pairExamples(ids: readonly string[], base: readonly Result[], head: readonly Result[]): PairedExample[] {
  const b = byExample(base);
  const h = byExample(head);
  return ids.map((exampleId) => ({ exampleId, base: b.get(exampleId) ?? null, head: h.get(exampleId) ?? null }));
}

/** Examples in both runs that are neither regressed nor improved. */
export function unchangedIds(base: readonly Result[], head: readonly Result[], changed: readonly string[]): string[] {
  const skip = new Set(changed);
  const h = byExample(head);
  return [...byExample(base).keys()].filter((id) => h.has(id) && !skip.has(id));
}

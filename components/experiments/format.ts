/** Display helpers for experiment figures (pure; see format.test.ts). */

/** 0.8333 -> "83.3%"; whole percents lose the decimal ("100%"); null -> "—". */
export function pct(v: number | null | undefined): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return '—';
  const p = v * 100;
  const s = Math.abs(p - Math.round(p)) < 0.05 ? String(Math.round(p)) : p.toFixed(1);
  return `${s}%`;
}

/** A pass-rate change in percentage points with a sign: +12.5 pp, −3 pp, ±0 pp. */
export function ppDelta(v: number | null | undefined): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return '—';
  const p = v * 100;
  const r = Math.abs(p - Math.round(p)) < 0.05 ? String(Math.abs(Math.round(p))) : Math.abs(p).toFixed(1);
  if (r === '0' || r === '0.0') return '±0 pp';
  return `${p > 0 ? '+' : '−'}${r} pp`;
}

/** A signed number with a unit: +120 ms, −$0.002. */
export function signed(v: number | null | undefined, unit: (abs: number) => string): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return '—';
  if (v === 0) return `±${unit(0)}`;
  return `${v > 0 ? '+' : '−'}${unit(Math.abs(v))}`;
}

/** Whether a change is good: higher is better for pass rate and score, lower for latency and cost. */
export function deltaTone(v: number | null | undefined, higherIsBetter: boolean): 'good' | 'bad' | 'neutral' {
  if (v === null || v === undefined || !Number.isFinite(v) || v === 0) return 'neutral';
  return v > 0 === higherIsBetter ? 'good' : 'bad';
}

const compact = new Intl.NumberFormat('en', { notation: 'compact', maximumFractionDigits: 1 });
export const tokens = (n: number | null | undefined) => (n === null || n === undefined ? '—' : compact.format(n));

/** The share of a run that is done, 0..1 (0 for an empty run). */
export function progressShare(p: { total: number; done: number }): number {
  if (!(p.total > 0)) return 0;
  return Math.min(1, Math.max(0, p.done / p.total));
}

/** A short name for a run: its name, else "v3 on moderation-gt". */
export function runTitle(e: { name: string | null; version: number; prompt: string }, dataset: string): string {
  return e.name || `${e.prompt} v${e.version} on ${dataset}`;
}

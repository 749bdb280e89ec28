import { fitWindow } from '@/lib/metrics/fit-window';

/** The metrics page keeps model and window in the URL (shareable, back button works). */
export interface MetricsFilters {
  model?: string;
  range?: string;
  from?: string;
  to?: string;
}

export const METRIC_RANGES = [
  { value: 'fit', label: 'Fit to activity', ms: 0 },
  { value: '1h', label: 'Last hour', ms: 3_600_000 },
  { value: '3h', label: 'Last 3 hours', ms: 3 * 3_600_000 },
  { value: '12h', label: 'Last 12 hours', ms: 12 * 3_600_000 },
  { value: '24h', label: 'Last 24 hours', ms: 86_400_000 },
  { value: '7d', label: 'Last 7 days', ms: 7 * 86_400_000 },
  { value: 'custom', label: 'Custom…', ms: 0 },
] as const;

/** From just before the first call or label move of the last 7 days (24 hours when there was none). */
export const DEFAULT_RANGE = 'fit';

export function metricsHref(f: MetricsFilters): string {
  const sp = new URLSearchParams();
  if (f.model) sp.set('model', f.model);
  if (f.range && f.range !== DEFAULT_RANGE) sp.set('range', f.range);
  if (f.range === 'custom') {
    if (f.from) sp.set('from', f.from);
    if (f.to) sp.set('to', f.to);
  }
  const s = sp.toString();
  return s ? `/metrics?${s}` : '/metrics';
}

/** The query for GET /api/v1/metrics/bedrock, computed when fetching (so a refresh moves the window). */
export function metricsQuery(f: MetricsFilters, now: number = Date.now(), firstActivity?: string | null): { query: string; from: number; to: number } {
  const sp = new URLSearchParams();
  if (f.model) sp.set('modelId', f.model);
  let from: number;
  let to: number;
  if (f.range === 'custom') {
    to = f.to && !Number.isNaN(Date.parse(f.to)) ? Date.parse(f.to) : now;
    from = f.from && !Number.isNaN(Date.parse(f.from)) ? Date.parse(f.from) : to - 3_600_000;
    if (f.from) sp.set('from', new Date(from).toISOString());
    if (f.to) sp.set('to', new Date(to).toISOString());
  } else if ((f.range ?? DEFAULT_RANGE) === 'fit') {
    const w = fitWindow(firstActivity, now) ?? { to: Math.ceil((now + 1) / 60_000) * 60_000, from: Math.ceil((now + 1) / 60_000) * 60_000 - 86_400_000 };
    ({ from, to } = w);
    sp.set('from', new Date(from).toISOString());
    sp.set('to', new Date(to).toISOString());
  } else {
    const ms = METRIC_RANGES.find((r) => r.value === f.range)?.ms || 3 * 3_600_000;
    // Up to the end of the current minute, like the server (so the latest calls and label moves
    // are in the window), in whole minutes so repeated views share its 30 s cache.
    to = Math.ceil((now + 1) / 60_000) * 60_000;
    from = to - ms;
    sp.set('from', new Date(from).toISOString());
    sp.set('to', new Date(to).toISOString());
  }
  return { query: sp.toString(), from, to };
}

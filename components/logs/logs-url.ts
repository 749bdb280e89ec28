/** The Logs page keeps every filter in the URL (shareable, back button works). */
export interface LogsFilters {
  prompt?: string;
  version?: string;
  model?: string;
  status?: string;
  feedback?: string;
  range?: string;
  from?: string;
  to?: string;
  /** Words in the input or output. */
  q?: string;
  caller?: string;
  userRef?: string;
  sessionId?: string;
  /** A metadata tag. */
  tag?: string;
}

/** The filters on who called and the metadata the application sent. */
export const META_KEYS = ['caller', 'userRef', 'sessionId', 'tag'] as const;

export const RANGES = [
  { value: '', label: 'All time', ms: 0 },
  { value: '1h', label: 'Last hour', ms: 3_600_000 },
  { value: '24h', label: 'Last 24 hours', ms: 86_400_000 },
  { value: '7d', label: 'Last 7 days', ms: 7 * 86_400_000 },
  { value: 'custom', label: 'Custom…', ms: 0 },
] as const;

export const STATUSES = [
  { value: 'ok', label: 'ok' },
  { value: 'throttled', label: 'throttled' },
  { value: 'error', label: 'error' },
] as const;

export const FEEDBACK = [
  { value: 'up', label: 'Thumbs up' },
  { value: 'down', label: 'Thumbs down' },
  { value: 'none', label: 'No feedback' },
] as const;

const KEYS = ['q', 'prompt', 'version', 'model', 'status', 'feedback', 'range', 'from', 'to', ...META_KEYS] as const;

export function logsHref(f: LogsFilters, cursor?: string): string {
  const sp = new URLSearchParams();
  for (const k of KEYS) {
    const v = f[k];
    if (!v) continue;
    if ((k === 'from' || k === 'to') && f.range !== 'custom') continue;
    if (k === 'version' && !f.prompt) continue;
    sp.set(k, v);
  }
  if (cursor) sp.set('cursor', cursor);
  const s = sp.toString();
  return s ? `/logs?${s}` : '/logs';
}

export const hasFilters = (f: LogsFilters) => Boolean(f.q || f.prompt || f.model || f.status || f.feedback || f.range || META_KEYS.some((k) => f[k]));

/** The time window of a range preset (computed per request), or the custom from/to. */
export function timeWindow(f: LogsFilters, now: number = Date.now()): { from?: string; to?: string } {
  if (f.range === 'custom') return { from: f.from || undefined, to: f.to || undefined };
  const preset = RANGES.find((r) => r.value === f.range);
  return preset && preset.ms > 0 ? { from: new Date(now - preset.ms).toISOString() } : {};
}

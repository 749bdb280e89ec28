const MINUTE = 60_000;
const DAY = 86_400_000;
/** How far back "fit to activity" looks, and the shortest window it picks. */
export const FIT_LOOKBACK_MS = 7 * DAY;
export const FIT_MIN_MS = 10 * MINUTE;

/**
 * A window that fits the activity: from a little before the first call or label move to now
 * (the end of the current minute), at least 10 minutes, so the data fills the charts instead of
 * a sliver at the right edge. Null when there was no activity (the caller picks a preset).
 */
export function fitWindow(first: Date | string | null | undefined, now = Date.now()): { from: number; to: number } | null {
  if (!first) return null;
  const start = typeof first === 'string' ? Date.parse(first) : first.getTime();
  if (Number.isNaN(start)) return null;
  const to = Math.ceil((now + 1) / MINUTE) * MINUTE;
  const span = Math.max(to - start, 0);
  const pad = Math.max(span * 0.1, MINUTE);
  let from = Math.floor((start - pad) / MINUTE) * MINUTE;
  from = Math.min(from, to - FIT_MIN_MS);
  from = Math.max(from, to - FIT_LOOKBACK_MS);
  return { from, to };
}

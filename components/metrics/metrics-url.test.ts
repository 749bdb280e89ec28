import { describe, expect, it } from 'vitest';
import { metricsQuery } from './metrics-url';

describe('metricsQuery', () => {
  it('ends a relative range after now (so the current minute is in it), on a minute boundary', () => {
    const now = Date.parse('2026-11-20T10:15:42.123Z');
    const q = metricsQuery({ range: '1h' } as Parameters<typeof metricsQuery>[0], now);
    expect(q.to).toBe(Date.parse('2026-11-20T10:16:00Z'));
    expect(q.from).toBe(Date.parse('2026-11-20T09:16:00Z'));
    expect(new URLSearchParams(q.query).get('to')).toBe('2026-11-20T10:16:00.000Z');
  });

  it('fits the window to the activity by default (24 hours when there was none)', () => {
    const now = Date.parse('2026-11-20T10:15:42.123Z');
    const fit = metricsQuery({}, now, '2026-11-20T10:10:00.000Z');
    expect(fit.to - fit.from).toBe(10 * 60_000); // a few minutes of activity: the 10-minute minimum
    expect(fit.to).toBe(Date.parse('2026-11-20T10:16:00Z'));
    const none = metricsQuery({}, now, null);
    expect(none.to - none.from).toBe(86_400_000);
  });
});

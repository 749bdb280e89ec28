import { describe, expect, it } from 'vitest';
import { servesCanary, stickyBucket } from './assign';
import { judge } from './figures';
import { GUARD_DEFAULTS } from './schemas';
import type { SideFigures } from './responses';

describe('sticky assignment (FNV-1a)', () => {
  it('sends weight% of 10,000 keys to the canary, within 1.5 points, for several weights and key shapes', () => {
    for (const weight of [1, 5, 10, 25, 50]) {
      for (const shape of [(i: number) => `user-${i}`, (i: number) => `${i}`, (i: number) => `sess_${(i * 2654435761) >>> 0}@example.com`]) {
        let n = 0;
        for (let i = 0; i < 10_000; i++) if (servesCanary('production', weight, shape(i))) n++;
        expect(Math.abs(n / 100 - weight), `weight ${weight}, ${shape(7)}`).toBeLessThanOrEqual(1.5);
      }
    }
  });

  it('is sticky: the same key always gets the same side; a bigger weight only adds keys', () => {
    for (let i = 0; i < 2_000; i++) {
      const key = `k${i}`;
      const first = servesCanary('production', 20, key);
      for (let j = 0; j < 3; j++) expect(servesCanary('production', 20, key)).toBe(first);
      if (first) expect(servesCanary('production', 40, key)).toBe(true);
    }
  });

  it('buckets 0-99, depend on the label, and never allocate per call beyond numbers', () => {
    const buckets = new Set<number>();
    for (let i = 0; i < 5_000; i++) buckets.add(stickyBucket('production', `u${i}`));
    expect(Math.min(...buckets)).toBe(0);
    expect(Math.max(...buckets)).toBe(99);
    let differs = 0;
    for (let i = 0; i < 1_000; i++) if (stickyBucket('production', `u${i}`) !== stickyBucket('staging', `u${i}`)) differs++;
    expect(differs).toBeGreaterThan(900);
    // Non-ASCII keys hash by UTF-16 unit: stable too.
    expect(stickyBucket('production', 'ünïcödé-😀')).toBe(stickyBucket('production', 'ünïcödé-😀'));
  });

  it('draws at random without a key (roughly weight%)', () => {
    let n = 0;
    for (let i = 0; i < 20_000; i++) if (servesCanary('production', 30, undefined)) n++;
    expect(Math.abs(n / 200 - 30)).toBeLessThan(3);
  });
});

const side = (over: Partial<SideFigures>): SideFigures => ({ version: 1, calls: 0, errors: 0, throttled: 0, errorRate: 0, throttleRate: 0, latencyP95Ms: 100, thumbsDown: 0, thumbsDownRate: 0, ...over });

describe('the guard verdict (judge)', () => {
  const g = { ...GUARD_DEFAULTS, minCalls: 20 };
  it('waits while either side has fewer than minCalls calls, however bad the canary looks', () => {
    expect(judge(g, side({ calls: 19 }), side({ calls: 500, errors: 500 })).state).toBe('waiting');
    expect(judge(g, side({ calls: 500 }), side({ calls: 19, errors: 19 })).state).toBe('waiting');
  });
  it('healthy within thresholds; breached past each one, naming it with figures', () => {
    expect(judge(g, side({ calls: 100, errors: 2 }), side({ calls: 100, errors: 6 })).state).toBe('healthy');
    const err = judge(g, side({ calls: 100, errors: 2 }), side({ calls: 100, errors: 4, throttled: 4 }));
    expect(err).toEqual({ state: 'breached', breaches: [expect.stringMatching(/^error rate 8\.0% vs 2\.0% \(\+6\.0 points, limit 5\.0\)/)] });
    const down = judge(g, side({ calls: 100, thumbsDownRate: 0.02 }), side({ calls: 100, thumbsDownRate: 0.2 }));
    expect(down.breaches).toEqual([expect.stringMatching(/^thumbs-down rate 20\.0% vs 2\.0%/)]);
    const slow = judge(g, side({ calls: 100, latencyP95Ms: 100 }), side({ calls: 100, latencyP95Ms: 151 }));
    expect(slow.breaches).toEqual([expect.stringMatching(/^p95 latency 151 ms vs 100 ms \(1\.51x, limit 1\.5x\)/)]);
  });
  it('a threshold set to null is not checked', () => {
    expect(judge({ ...g, maxErrorRateDelta: null }, side({ calls: 100 }), side({ calls: 100, errors: 100 })).state).toBe('healthy');
  });
});

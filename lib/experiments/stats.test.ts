import { describe, expect, it } from 'vitest';
import { compareVerdict, latencyPercentiles, mcnemarExact, pairResults, paretoFront, percentileCont } from './stats';

describe('exact McNemar test', () => {
  // Reference values: exact binomial sums with Python's fractions (see the commit message).
  it.each([
    [1, 9, 0.021484375],
    [9, 1, 0.021484375],
    [0, 5, 0.0625],
    [5, 5, 1],
    [3, 4, 1],
    [10, 25, 0.01667384780012071],
    [40, 60, 0.05688793364098079],
    [100, 130, 0.055613577781392386],
    [2450, 2550, 0.1614852223973769],
    [2400, 2600, 0.004883649737517518],
  ])('b=%i, c=%i -> p=%f', (b, c, p) => {
    expect(mcnemarExact(b, c)).toBeCloseTo(p, 10);
    expect(Math.abs(mcnemarExact(b, c) - p) / p).toBeLessThan(1e-9);
  });

  it('is 1 when no pair is discordant, and stays finite for lopsided large counts', () => {
    expect(mcnemarExact(0, 0)).toBe(1);
    expect(mcnemarExact(0, 1)).toBe(1);
    expect(mcnemarExact(0, 5000)).toBe(0); // 2 / 2^5000 underflows to 0, never NaN
    expect(mcnemarExact(1, 1074)).toBeGreaterThan(0);
    expect(Number.isFinite(mcnemarExact(50_000, 50_300))).toBe(true);
  });

  it('rejects counts that are not non-negative integers', () => {
    expect(() => mcnemarExact(-1, 2)).toThrow(RangeError);
    expect(() => mcnemarExact(1.5, 2)).toThrow(RangeError);
  });
});

describe('comparison verdict in plain words', () => {
  it('calls a lopsided split a real difference, with the counts', () => {
    const v = compareVerdict({ regressed: 1, improved: 9, unchanged: 20 });
    expect(v.verdict).toBe('real_difference');
    expect(v.significant).toBe(true);
    expect(v.pValue).toBeCloseTo(0.0215, 4);
    expect(v.text).toContain('9 improved, 1 regressed, 20 unchanged of 30 examples');
    expect(v.text).toContain('2.1%');
    expect(v.text).toContain('in favour of the new run');
  });

  it('says a small or balanced split could be chance', () => {
    const v = compareVerdict({ regressed: 0, improved: 5, unchanged: 25 });
    expect(v.verdict).toBe('could_be_chance');
    expect(v.text).toMatch(/could be chance/);
    expect(compareVerdict({ regressed: 9, improved: 1, unchanged: 0 }).text).toContain('against the new run');
  });

  it('has nothing to test when no example changed', () => {
    const v = compareVerdict({ regressed: 0, improved: 0, unchanged: 12 });
    expect(v).toMatchObject({ pValue: 1, significant: false, verdict: 'no_change' });
    expect(v.text).toContain('12 examples');
  });
});

describe('pairing two runs', () => {
  it('counts regressed, improved and unchanged examples present in both runs', () => {
    const base = new Map([['a', true], ['b', false], ['c', true], ['d', false], ['gone', true]]);
    const head = new Map([['a', false], ['b', true], ['c', true], ['d', false], ['new', true]]);
    expect(pairResults(base, head)).toEqual({ regressed: ['a'], improved: ['b'], unchanged: 2 });
  });
});

describe('percentiles like PostgreSQL percentile_cont', () => {
  it('interpolates between ranks', () => {
    // SELECT percentile_cont(0.5 | 0.95) WITHIN GROUP (ORDER BY x) FROM unnest('{10,20,30,40}') x
    expect(percentileCont([40, 10, 30, 20], 0.5)).toBe(25);
    expect(percentileCont([40, 10, 30, 20], 0.95)).toBeCloseTo(38.5, 10);
    expect(percentileCont([7], 0.95)).toBe(7);
    expect(percentileCont([], 0.5)).toBeNull();
    expect(percentileCont([1, 2, Number.NaN], 0.5)).toBe(1.5);
    expect(() => percentileCont([1], 1.5)).toThrow(RangeError);
  });

  it('rounds latency percentiles to whole milliseconds', () => {
    const xs = Array.from({ length: 100 }, (_, i) => i + 1); // 1..100
    expect(latencyPercentiles(xs)).toEqual({ p50: 51, p95: 95 }); // 50.5 -> 51, 95.05 -> 95
    expect(latencyPercentiles([])).toEqual({ p50: null, p95: null });
  });
});

describe('Pareto front (pass rate up, cost down)', () => {
  it('keeps the cells no other cell beats on both', () => {
    const front = paretoFront([
      { id: 'cheap-bad', passRate: 0.6, costUsd: 0.01 },
      { id: 'mid', passRate: 0.8, costUsd: 0.05 },
      { id: 'dominated', passRate: 0.7, costUsd: 0.06 },
      { id: 'best', passRate: 0.95, costUsd: 0.4 },
      { id: 'pricey-same', passRate: 0.95, costUsd: 0.5 },
    ]);
    expect(front).toEqual(['cheap-bad', 'mid', 'best']);
  });

  it('keeps exact ties together and ranks an unknown cost last', () => {
    expect(
      paretoFront([
        { id: 'a', passRate: 0.9, costUsd: 0.1 },
        { id: 'b', passRate: 0.9, costUsd: 0.1 },
        { id: 'unpriced-same', passRate: 0.9, costUsd: null },
        { id: 'unpriced-better', passRate: 0.99, costUsd: null },
        { id: 'unpriced-tie', passRate: 0.99, costUsd: null },
      ]),
    ).toEqual(['a', 'b', 'unpriced-better', 'unpriced-tie']);
    expect(paretoFront([])).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { deltaTone, pct, ppDelta, progressShare, signed } from './format';

describe('experiment formats', () => {
  it('percentages', () => {
    expect(pct(0.8333)).toBe('83.3%');
    expect(pct(1)).toBe('100%');
    expect(pct(0)).toBe('0%');
    expect(pct(null)).toBe('—');
  });
  it('deltas in percentage points', () => {
    expect(ppDelta(0.125)).toBe('+12.5 pp');
    expect(ppDelta(-0.03)).toBe('−3 pp');
    expect(ppDelta(0)).toBe('±0 pp');
    expect(signed(-120, (v) => `${v} ms`)).toBe('−120 ms');
  });
  it('tones: higher pass rate good, higher cost bad', () => {
    expect(deltaTone(0.1, true)).toBe('good');
    expect(deltaTone(0.1, false)).toBe('bad');
    expect(deltaTone(0, true)).toBe('neutral');
  });
  it('progress share', () => {
    expect(progressShare({ total: 0, done: 0 })).toBe(0);
    expect(progressShare({ total: 4, done: 1 })).toBe(0.25);
    expect(progressShare({ total: 4, done: 9 })).toBe(1);
  });
});

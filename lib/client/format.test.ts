import { describe, expect, it } from 'vitest';
import { formatMs, formatUsd } from './format';

describe('formatUsd', () => {
  it('keeps three significant digits below a cent and says nothing for unknown', () => {
    expect(formatUsd(null)).toBeNull();
    expect(formatUsd(0)).toBe('$0');
    expect(formatUsd(12.5)).toBe('$12.5');
    expect(formatUsd(0.0000289)).toBe('$0.0000289');
  });
  it('puts the sign before the dollar (a cache that cost more than it saved)', () => {
    expect(formatUsd(-0.0000116)).toBe('-$0.0000116');
    expect(formatUsd(-3)).toBe('-$3');
  });
  it('formats durations', () => {
    expect(formatMs(842.4)).toBe('842 ms');
    expect(formatMs(12_345)).toBe('12.3 s');
    expect(formatMs(null)).toBe('—');
  });
});

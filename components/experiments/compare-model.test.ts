import { describe, expect, it } from 'vitest';
import { formatP, pairExamples, plainVerdict, unchangedIds } from './compare-model';
import type { Result } from './types';

const r = (exampleId: string, pass: boolean, repetition = 1): Result => ({
  id: `${exampleId}-${repetition}`,
  exampleId,
  position: 0,
  repetition,
  invocationId: null,
  status: 'ok',
  variables: {},
  output: pass ? 'ok' : 'no',
  expectedOutput: 'ok',
  error: null,
  scores: [],
  pass,
  score: pass ? 1 : 0,
  latencyMs: 1,
  costUsd: 0,
  inputTokens: 1,
  outputTokens: 1,
  throttles: 0,
  finishedAt: null,
});

describe('p-value in plain words', () => {
  it('a lopsided split is a real difference, in the right direction', () => {
    const v = plainVerdict(0.0215, { regressed: 1, improved: 9, unchanged: 20 });
    expect(v.kind).toBe('real_difference');
    expect(v.headline).toBe('Real difference: the head run is better');
    expect(v.text).toContain('(p = 0.021)');
    expect(v.text).toContain('9 improved, 1 regressed, 20 unchanged of 30 examples');
    expect(plainVerdict(0.0215, { regressed: 9, improved: 1, unchanged: 0 }).headline).toContain('worse');
  });
  it('a small split could be chance', () => {
    const v = plainVerdict(0.0625, { regressed: 0, improved: 4, unchanged: 26 });
    expect(v.kind).toBe('could_be_chance');
    expect(v.headline).toBe('Could be chance');
    expect(v.text).toMatch(/could be chance/);
  });
  it('nothing changed: nothing to test', () => {
    expect(plainVerdict(1, { regressed: 0, improved: 0, unchanged: 5 })).toMatchObject({ kind: 'no_change', headline: 'No change' });
  });
  it('formats tiny p-values', () => {
    expect(formatP(0.0004)).toBe('p < 0.001');
    expect(formatP(0.5)).toBe('p = 0.5');
  });
});

describe('pairing examples', () => {
  it('puts the first repetition of each run side by side', () => {
    const base = [r('a', true), r('a', false, 2), r('b', false)];
    const head = [r('a', false), r('c', true)];
    expect(pairExamples(['a', 'b'], base, head)).toEqual([
      { exampleId: 'a', base: base[0], head: head[0] },
      { exampleId: 'b', base: base[2], head: null },
    ]);
    expect(unchangedIds([r('a', true), r('b', true)], [r('a', true), r('b', false)], ['b'])).toEqual(['a']);
  });
});

import { describe, expect, it } from 'vitest';
import { cellCount, chartPoints, gridCells, parseValues, toGrid } from './grid-model';

const draft = { models: [] as string[], temperature: '', topP: '', maxTokens: '' };

describe('sweep grid', () => {
  it('parses comma-separated values within Bedrock limits', () => {
    expect(parseValues('0, 0.5,1 0.5', 'temperature')).toEqual({ values: [0, 0.5, 1] });
    expect(parseValues('', 'topP')).toEqual({ values: [] });
    expect(parseValues('1.5', 'temperature')).toEqual({ error: expect.stringMatching(/from 0 to 1/) });
    expect(parseValues('12.5', 'maxTokens')).toEqual({ error: expect.stringMatching(/whole numbers/) });
    expect(parseValues('abc', 'topP')).toEqual({ error: expect.stringMatching(/not a number/) });
  });

  it('counts cells as the product of the dimensions given', () => {
    expect(cellCount({})).toBe(1);
    expect(cellCount({ modelId: ['a', 'b'], temperature: [0, 1] })).toBe(4);
    expect(cellCount({ modelId: ['a', 'b'], temperature: [0, 1], topP: [0.1, 1], maxTokens: [256, 4096] })).toBe(16);
    expect(gridCells({ modelId: ['a', 'b'], temperature: [0, 1] })).toEqual([
      { modelId: 'a', params: { temperature: 0 } },
      { modelId: 'a', params: { temperature: 1 } },
      { modelId: 'b', params: { temperature: 0 } },
      { modelId: 'b', params: { temperature: 1 } },
    ]);
  });

  it('refuses more than 32 cells and fewer than 2', () => {
    const big = toGrid({ models: ['a', 'b', 'c'], temperature: '0, 0.5, 1', topP: '0.1, 0.5, 1', maxTokens: '' });
    expect(big.errors).toEqual([]);
    expect(cellCount(big.grid)).toBe(27);
    const tooBig = toGrid({ models: ['a', 'b', 'c'], temperature: '0, 0.5, 1', topP: '0.1, 0.5, 1', maxTokens: '256, 4096' });
    expect(tooBig.errors).toEqual([{ field: 'grid', message: '54 cells is more than 32; take fewer models or values.' }]);
    expect(toGrid(draft).errors).toEqual([{ field: 'grid', message: expect.stringMatching(/at least two cells/) }]);
    expect(toGrid({ ...draft, temperature: '0, 1' })).toEqual({ grid: { temperature: [0, 1] }, errors: [] });
  });

  it('highlights the Pareto cells (server list, else computed)', () => {
    const s = (passRate: number, costUsd: number | null) => ({ passRate, meanScore: null, perEvaluator: {}, latencyP50Ms: null, latencyP95Ms: null, inputTokens: 0, outputTokens: 0, costUsd, throttled: 0, results: 1, passed: 1, failedCalls: 0 });
    const cells = [
      { experimentId: 'cheap', modelId: 'm', params: {}, summary: s(0.6, 0.01) },
      { experimentId: 'best', modelId: 'm', params: {}, summary: s(0.9, 0.05) },
      { experimentId: 'worse', modelId: 'm', params: {}, summary: s(0.5, 0.05) },
      { experimentId: 'running', modelId: 'm', params: {}, status: 'running', summary: s(1, 0) },
      { experimentId: 'noprice', modelId: 'm', params: {}, summary: s(1, null) },
    ];
    const pts = chartPoints(cells, undefined, () => '');
    expect(pts.map((p) => [p.id, p.pareto])).toEqual([
      ['cheap', true],
      ['best', true],
      ['worse', false],
    ]);
    expect(chartPoints(cells, ['best'], () => '').filter((p) => p.pareto).map((p) => p.id)).toEqual(['best']);
  });
});

/**
 * The sweep grid (pure, see grid-model.test.ts): values typed as comma-separated lists, the
 * min/max presets, the cell count shown live (the API takes at most 32 cells) and the cells
 * themselves, in the order the server makes them (models, then temperature, topP, maxTokens).
 */
import { paretoFront } from '@/lib/experiments/stats';
import type { Params, Summary } from '@/components/experiments/types';

export const MAX_CELLS = 32;

export type GridParam = 'temperature' | 'topP' | 'maxTokens';
export const GRID_PARAMS: { key: GridParam; label: string; min: number; max: number; integer: boolean }[] = [
  { key: 'temperature', label: 'Temperature', min: 0, max: 1, integer: false },
  { key: 'topP', label: 'Top P', min: 0, max: 1, integer: false },
  { key: 'maxTokens', label: 'Max tokens', min: 1, max: 8192, integer: true },
];

/** The presets the sources suggest: the minimum and maximum of each parameter. */
export const PRESETS: Record<GridParam, { minMax: string; label: string }> = {
  temperature: { minMax: '0, 1', label: 'min & max (0, 1)' },
  topP: { minMax: '0.1, 1', label: 'min & max (0.1, 1)' },
  maxTokens: { minMax: '256, 4096', label: 'short & long (256, 4096)' },
};

export interface GridDraft {
  models: string[];
  temperature: string;
  topP: string;
  maxTokens: string;
}

export interface Grid {
  modelId?: string[];
  temperature?: number[];
  topP?: number[];
  maxTokens?: number[];
}

/** "0, 0.5,1" -> [0, 0.5, 1]; empty -> []; a bad or out-of-range value -> a message. */
export function parseValues(text: string, key: GridParam): { values: number[] } | { error: string } {
  const spec = GRID_PARAMS.find((p) => p.key === key)!;
  const parts = text
    .split(/[,\s]+/)
    .map((s) => s.trim())
    .filter(Boolean);
  const values: number[] = [];
  for (const p of parts) {
    const n = Number(p);
    if (!Number.isFinite(n)) return { error: `"${p}" is not a number; separate values with commas.` };
    if (spec.integer && !Number.isInteger(n)) return { error: `${spec.label} takes whole numbers; "${p}" is not one.` };
    if (n < spec.min || n > spec.max) return { error: `${spec.label} is from ${spec.min} to ${spec.max}; "${p}" is outside.` };
    if (!values.includes(n)) values.push(n);
  }
  return { values };
}

/** The grid the API takes, or the problems keyed by form field. */
export function toGrid(d: GridDraft): { grid: Grid; errors: { field: string; message: string }[] } {
  const grid: Grid = {};
  const errors: { field: string; message: string }[] = [];
  if (d.models.length) grid.modelId = [...new Set(d.models)];
  for (const { key } of GRID_PARAMS) {
    const r = parseValues(d[key], key);
    if ('error' in r) errors.push({ field: key, message: r.error });
    else if (r.values.length) grid[key] = r.values;
  }
  const n = cellCount(grid);
  if (n > MAX_CELLS) errors.push({ field: 'grid', message: `${n} cells is more than ${MAX_CELLS}; take fewer models or values.` });
  if (n < 2 && errors.length === 0) errors.push({ field: 'grid', message: 'A sweep compares at least two cells: add a second model or value.' });
  return { grid, errors };
}

/** Cells of a grid: the product of the non-empty dimensions (an empty one keeps the version's). */
export function cellCount(grid: Grid): number {
  return [grid.modelId, grid.temperature, grid.topP, grid.maxTokens].reduce((n, dim) => n * (dim && dim.length ? dim.length : 1), 1);
}

export interface CellPreview {
  modelId: string | null;
  params: Params;
}

/** The cells, enumerated (for the live preview). Stops at MAX_CELLS + 1. */
export function gridCells(grid: Grid): CellPreview[] {
  const out: CellPreview[] = [];
  const dim = <T>(v: T[] | undefined): (T | undefined)[] => (v && v.length ? v : [undefined]);
  for (const modelId of dim(grid.modelId))
    for (const temperature of dim(grid.temperature))
      for (const topP of dim(grid.topP))
        for (const maxTokens of dim(grid.maxTokens)) {
          if (out.length > MAX_CELLS) return out;
          const params: Params = {};
          if (temperature !== undefined) params.temperature = temperature;
          if (topP !== undefined) params.topP = topP;
          if (maxTokens !== undefined) params.maxTokens = maxTokens;
          out.push({ modelId: modelId ?? null, params });
        }
  return out;
}

export interface ChartPoint {
  id: string;
  passRate: number;
  costUsd: number;
  pareto: boolean;
  label: string;
}

/**
 * Points for the pass-rate-vs-cost chart: finished cells with a pass rate and a known cost; the
 * Pareto flag from the server's list, or computed here when there is none.
 */
export function chartPoints(cells: { experimentId: string; modelId: string; params: Params; status?: string; summary?: Summary | null }[], pareto: readonly string[] | undefined, label: (c: { modelId: string; params: Params }) => string): ChartPoint[] {
  const known = cells.filter((c) => c.status !== 'queued' && c.status !== 'running' && c.summary && c.summary.passRate !== null && c.summary.costUsd !== null);
  const front = new Set(pareto ?? paretoFront(known.map((c) => ({ id: c.experimentId, passRate: c.summary!.passRate!, costUsd: c.summary!.costUsd }))));
  return known.map((c) => ({ id: c.experimentId, passRate: c.summary!.passRate!, costUsd: c.summary!.costUsd!, pareto: front.has(c.experimentId), label: label(c) }));
}

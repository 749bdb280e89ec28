/**
 * The experiment contract the CLI relies on (docs/API.md "Experiments", plus the suite-run
 * endpoint): POST /api/v1/prompts/{name}/suites/{suite}/runs {label?|version?} -> 202 the
 * experiment (status queued); GET /api/v1/experiments/{id} to follow it;
 * POST /api/v1/experiments/{id}/cancel. Written by hand from the contract until the
 * experiment endpoints are in the OpenAPI document (then: the generated types).
 */
export type ExperimentStatus = 'queued' | 'running' | 'succeeded' | 'failed' | 'cancelled';

export interface ExperimentSummary {
  passRate: number | null;
  meanScore: number | null;
  perEvaluator: Record<string, { passRate: number | null; meanScore: number | null }>;
  latencyP50Ms: number | null;
  latencyP95Ms: number | null;
  inputTokens: number | null;
  outputTokens: number | null;
  costUsd: number | null;
  throttled: number | null;
}

export interface Experiment {
  id: string;
  name?: string | null;
  prompt: string;
  version: number;
  modelId?: string;
  dataset?: unknown;
  status: ExperimentStatus;
  progress: { total: number; done: number; errors: number };
  summary: ExperimentSummary | null;
  /** Why a run failed, when the server says (field name not fixed by the contract). */
  error?: unknown;
  startedAt?: string | null;
  finishedAt?: string | null;
  createdAt?: string;
}

export const FINISHED: readonly ExperimentStatus[] = ['succeeded', 'failed', 'cancelled'];

export function isExperiment(v: unknown): v is Experiment {
  const e = v as Experiment;
  return !!e && typeof e === 'object' && typeof e.id === 'string' && typeof e.status === 'string' && !!e.progress && typeof e.progress.done === 'number';
}

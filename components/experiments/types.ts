/**
 * The experiment shapes of docs/API.md ("Experiments"), as the pages read them. Written from the
 * contract; the API layer (./exp-api.ts) is the one place that fetches them.
 */
import type { EvaluatorInput } from '@/lib/experiments/evaluators/schemas';

export type ExperimentStatus = 'queued' | 'running' | 'succeeded' | 'failed' | 'cancelled';
export const EXPERIMENT_STATUSES: ExperimentStatus[] = ['queued', 'running', 'succeeded', 'failed', 'cancelled'];
export const isActive = (s: ExperimentStatus) => s === 'queued' || s === 'running';

export interface Params {
  temperature?: number;
  topP?: number;
  topK?: number;
  maxTokens?: number;
  stopSequences?: string[];
}

export interface Summary {
  passRate: number | null;
  meanScore: number | null;
  perEvaluator: Record<string, { passRate: number | null; meanScore: number | null }>;
  latencyP50Ms: number | null;
  latencyP95Ms: number | null;
  inputTokens: number;
  outputTokens: number;
  costUsd: number | null;
  throttled: number;
}

/** A dataset as an experiment names it: a name, or an object carrying id and name. */
export type DatasetRef = string | { id?: string; name: string };
export const datasetName = (d: DatasetRef | null | undefined): string => (d == null ? '' : typeof d === 'string' ? d : d.name);

export interface Experiment {
  id: string;
  name: string | null;
  prompt: string;
  version: number;
  modelId: string;
  params: Params;
  dataset: DatasetRef;
  datasetRevision: number;
  evaluators: (EvaluatorInput & { name?: string })[];
  repetitions: number;
  status: ExperimentStatus;
  progress: { total: number; done: number; errors: number };
  summary: Summary | null;
  createdBy: string | null;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  suite?: string | null;
  sweepId?: string | null;
  error?: string | null;
}

export interface Score {
  evaluator: string;
  pass: boolean;
  score: number;
  reason: string;
}

export interface Result {
  exampleId: string;
  repetition: number;
  invocationId: string | null;
  status: string;
  output: string | null;
  expectedOutput: string | null;
  scores: Score[];
  latencyMs: number | null;
  costUsd: number | null;
  variables?: Record<string, unknown>;
  pass?: boolean;
  error?: string | null;
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export interface Comparison {
  base: Experiment;
  head: Experiment;
  delta: { passRate: number | null; meanScore: number | null; latencyP50Ms: number | null; costUsd: number | null };
  regressed: string[];
  improved: string[];
  unchanged: number;
  pValue: number;
}

export interface SweepCell {
  modelId: string;
  params: Params;
  experimentId: string;
  status?: ExperimentStatus;
  summary?: Summary | null;
  progress?: { total: number; done: number; errors: number };
}

export interface Sweep {
  id: string;
  prompt: string;
  version?: number;
  dataset?: DatasetRef;
  cells: SweepCell[];
  pareto: string[];
  createdAt?: string;
}

export interface Suite {
  name: string;
  dataset: DatasetRef;
  evaluators: (EvaluatorInput & { name?: string })[];
  minPassRate: number | null;
  isDefault?: boolean;
  updatedAt?: string;
  lastRun?: { experimentId: string; version: number; status: ExperimentStatus; passRate: number | null; createdAt: string } | null;
}

/** A version's latest result on the prompt's default suite. */
export interface VersionSuiteResult {
  version: number;
  experimentId: string;
  status: ExperimentStatus;
  passRate: number | null;
  suite?: string;
  minPassRate?: number | null;
  createdAt?: string;
}

/**
 * The experiment, sweep and suite calls the pages make, in one place (docs/API.md
 * "Experiments"). Each goes through the browser client's request (session cookie, ApiError on
 * failure).
 */
import { apiUrl, request, seg } from '@/lib/client/api';
import type { Comparison, Experiment, ExperimentStatus, Page, Params, Result, Suite, Sweep, VersionSuiteResult } from './types';
import type { EvaluatorInput } from '@/lib/experiments/evaluators/schemas';

const get = <T>(path: string, query?: Record<string, unknown>) => request('GET', apiUrl(path, { query })) as Promise<T>;
const post = <T>(path: string, body: unknown) => request('POST', apiUrl(path), body) as Promise<T>;

export interface Target {
  version?: number;
  label?: string;
}

export interface NewExperiment extends Target {
  prompt: string;
  dataset: string;
  evaluators: EvaluatorInput[];
  modelId?: string;
  params?: Params;
  repetitions?: number;
  concurrency?: number;
  name?: string;
}

export interface NewSweep extends Target {
  prompt: string;
  dataset: string;
  evaluators: EvaluatorInput[];
  grid: { modelId?: string[]; temperature?: number[]; topP?: number[]; maxTokens?: number[] };
  repetitions?: number;
}

export interface SuiteInput {
  dataset: string;
  evaluators: EvaluatorInput[];
  minPassRate?: number | null;
  isDefault?: boolean;
}

export const expApi = {
  get: (id: string) => get<Experiment>(`/api/v1/experiments/${seg(id)}`),
  results: (id: string, q: { cursor?: string; limit?: number; failed?: boolean }) =>
    get<Page<Result>>(`/api/v1/experiments/${seg(id)}/results`, { cursor: q.cursor, limit: q.limit, failed: q.failed ? 'true' : undefined }),
  list: (q: { prompt?: string; dataset?: string; status?: ExperimentStatus | ''; cursor?: string; limit?: number }) =>
    get<Page<Experiment>>('/api/v1/experiments', { prompt: q.prompt || undefined, dataset: q.dataset || undefined, status: q.status || undefined, cursor: q.cursor, limit: q.limit }),
  create: (body: NewExperiment) => post<Experiment>('/api/v1/experiments', body),
  cancel: (id: string) => post<Experiment>(`/api/v1/experiments/${seg(id)}/cancel`, {}),
  compare: (base: string, head: string) => get<Comparison>('/api/v1/experiments/compare', { base, head }),
  createSweep: (body: NewSweep) => post<Sweep>('/api/v1/sweeps', body),
  sweep: (id: string) => get<Sweep>(`/api/v1/sweeps/${seg(id)}`),
  suites: (prompt: string) => get<{ items: Suite[] }>(`/api/v1/prompts/${seg(prompt)}/suites`),
  putSuite: (prompt: string, name: string, body: SuiteInput) => request('PUT', apiUrl(`/api/v1/prompts/${seg(prompt)}/suites/${seg(name)}`), body) as Promise<Suite>,
  deleteSuite: (prompt: string, name: string) => request('DELETE', apiUrl(`/api/v1/prompts/${seg(prompt)}/suites/${seg(name)}`)) as Promise<void>,
  runSuite: (prompt: string, name: string, target: Target) => post<Experiment>(`/api/v1/prompts/${seg(prompt)}/suites/${seg(name)}/runs`, target),
  versionResults: (prompt: string) => get<{ items: VersionSuiteResult[] }>(`/api/v1/prompts/${seg(prompt)}/suite-results`),
};

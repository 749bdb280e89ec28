/**
 * The experiment, sweep and suite calls the pages make, in one place, typed by the contract
 * (docs/API.md "Experiments"; lib/experiments/responses.ts).
 */
import { api } from '@/lib/client/api';
import type { CreateExperimentInput, CreateSweepInput, PutSuiteInput } from '@/lib/experiments/schemas';
import type { z } from 'zod';
import type { CreateExperimentSchema, CreateSweepSchema, PutSuiteSchema } from '@/lib/experiments/schemas';
import type { ExperimentStatus } from './types';

export type NewExperiment = z.input<typeof CreateExperimentSchema>;
export type NewSweep = z.input<typeof CreateSweepSchema>;
export type SuiteInput = z.input<typeof PutSuiteSchema>;
export type { CreateExperimentInput, CreateSweepInput, PutSuiteInput };

export interface Target {
  version?: number;
  label?: string;
}

export const expApi = {
  get: (id: string) => api('GET /api/v1/experiments/{id}', { params: { id } }),
  results: (id: string, q: { cursor?: string; limit?: number; failed?: boolean }) =>
    api('GET /api/v1/experiments/{id}/results', { params: { id }, query: { cursor: q.cursor, limit: q.limit, failed: q.failed ? 'true' : undefined } }),
  list: (q: { prompt?: string; dataset?: string; status?: ExperimentStatus | ''; cursor?: string; limit?: number }) =>
    api('GET /api/v1/experiments', { query: { prompt: q.prompt || undefined, dataset: q.dataset || undefined, status: q.status || undefined, cursor: q.cursor, limit: q.limit } }),
  create: (body: NewExperiment) => api('POST /api/v1/experiments', { body }),
  cancel: (id: string) => api('POST /api/v1/experiments/{id}/cancel', { params: { id }, body: {} }),
  compare: (base: string, head: string) => api('GET /api/v1/experiments/compare', { query: { base, head } }),
  createSweep: (body: NewSweep) => api('POST /api/v1/sweeps', { body }),
  sweep: (id: string) => api('GET /api/v1/sweeps/{id}', { params: { id } }),
  suites: (prompt: string) => api('GET /api/v1/prompts/{name}/suites', { params: { name: prompt } }),
  putSuite: (prompt: string, suite: string, body: SuiteInput) => api('PUT /api/v1/prompts/{name}/suites/{suite}', { params: { name: prompt, suite }, body }),
  deleteSuite: (prompt: string, suite: string) => api('DELETE /api/v1/prompts/{name}/suites/{suite}', { params: { name: prompt, suite } }),
  runSuite: (prompt: string, suite: string, target: Target) => api('POST /api/v1/prompts/{name}/suites/{suite}/runs', { params: { name: prompt, suite }, body: target }),
  versionResults: (prompt: string) => api('GET /api/v1/prompts/{name}/suite-results', { params: { name: prompt } }),
};

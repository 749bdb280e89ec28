import { NoBodySchema } from '../http/no-body';
import { z } from 'zod';
import { PromptNameSchema } from '../catalog/schemas';
import { ComparisonSchema, ExperimentSchema, ResultSchema, SuiteResultsSchema, SweepListItemSchema, SweepSchema, TestSuiteSchema } from '../experiments/responses';
import { CompareQuerySchema, CreateExperimentSchema, CreateSweepSchema, ExperimentListQuerySchema, PutSuiteSchema, ResultsQuerySchema, SuiteRunSchema, SweepListQuerySchema } from '../experiments/schemas';
import { ok, page, type Operations } from './helpers';

const Id = z.object({ id: z.string() });
const Name = z.object({ name: PromptNameSchema });
const NameSuite = Name.extend({ suite: z.string().describe('The suite name, or `default` for the prompt\'s default suite.') });
const badEvaluator = 'An unknown evaluator type, a bad regex, JSON Schema or json_field path, or a judge prompt that does not exist is a 400 naming the evaluator; nothing is stored or run.';

/** Experiments, sweeps and test suites (API.md "Experiments"). */
export const experimentOperations = {
  'POST /api/v1/experiments': {
    summary: 'Start an experiment: a prompt version against a dataset, in the background (editor)',
    description: `The dataset's examples are copied (with its revision) and the run is queued; it survives restarts and backs off on throttling. ${badEvaluator}`,
    body: CreateExperimentSchema,
    responses: { 202: ok('The queued experiment', ExperimentSchema) },
  },
  'GET /api/v1/experiments': { summary: 'Experiments, newest first', query: ExperimentListQuerySchema, responses: { 200: ok('Experiments', page(ExperimentSchema)) } },
  'GET /api/v1/experiments/compare': {
    summary: 'Compare two runs on the same dataset (regressed / improved examples, deltas, exact McNemar p-value and a verdict in words)',
    query: CompareQuerySchema,
    responses: { 200: ok('Comparison', ComparisonSchema) },
  },
  'GET /api/v1/experiments/{id}': { summary: 'One experiment: status, progress and summary (live while it runs)', params: Id, responses: { 200: ok('Experiment', ExperimentSchema) } },
  'GET /api/v1/experiments/{id}/results': {
    summary: 'The results, one per example and repetition, in dataset order (`failed=true`: only those that did not pass)',
    params: Id,
    query: ResultsQuerySchema,
    responses: { 200: ok('Results', page(ResultSchema)) },
  },
  'POST /api/v1/experiments/{id}/cancel': {
    summary: 'Cancel a queued or running experiment (editor); its workers stop promptly, results so far are kept',
    params: Id,
    body: NoBodySchema,
    responses: { 200: ok('The cancelled experiment', ExperimentSchema) },
    errors: { 409: 'conflict: the experiment has already finished' },
  },
  'POST /api/v1/sweeps': {
    summary: 'Start a sweep: one experiment per cell of a grid over modelId, temperature, topP and maxTokens (editor, at most 32 cells)',
    description: badEvaluator,
    body: CreateSweepSchema,
    responses: { 202: ok('The sweep with its queued cells', SweepSchema) },
  },
  'GET /api/v1/sweeps': { summary: 'Sweeps, newest first', query: SweepListQuerySchema, responses: { 200: ok('Sweeps', page(SweepListItemSchema)) } },
  'GET /api/v1/sweeps/{id}': { summary: "A sweep's cells with each experiment's status and summary, and the Pareto cells (pass rate vs cost)", params: Id, responses: { 200: ok('Sweep', SweepSchema) } },
  'GET /api/v1/prompts/{name}/suites': { summary: "A prompt's test suites (the default first)", params: Name, responses: { 200: ok('Suites', page(TestSuiteSchema)) } },
  'GET /api/v1/prompts/{name}/suites/{suite}': { summary: 'One test suite with its newest run', params: NameSuite, responses: { 200: ok('Suite', TestSuiteSchema) } },
  'PUT /api/v1/prompts/{name}/suites/{suite}': {
    summary: 'Create or replace a test suite (editor); the first suite of a prompt is its default',
    description: badEvaluator,
    params: NameSuite,
    body: PutSuiteSchema,
    responses: { 200: ok('Replaced', TestSuiteSchema), 201: ok('Created', TestSuiteSchema) },
  },
  'DELETE /api/v1/prompts/{name}/suites/{suite}': { summary: 'Delete a test suite (editor); its runs are kept', params: NameSuite, responses: { 204: ok('Deleted') } },
  'POST /api/v1/prompts/{name}/suites/{suite}/runs': {
    summary: 'Run a test suite on a version (label, version, or production) (editor); what `promptdeck eval` calls',
    params: NameSuite,
    body: SuiteRunSchema,
    responses: { 202: ok('The queued experiment', ExperimentSchema) },
  },
  'GET /api/v1/prompts/{name}/suite-results': {
    summary: "Each version's latest run on the prompt's default suite, newest version first (the versions table)",
    params: Name,
    responses: { 200: ok('Per version', SuiteResultsSchema) },
  },
} satisfies Operations;

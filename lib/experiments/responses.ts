import { z } from 'zod';
import { NullableActorRefSchema } from '../auth/actor-ref';
import { ParamsSchema } from '../catalog/schemas';
import { EVALUATOR_TYPES } from './evaluators';
import { ExperimentStatusSchema } from './schemas';

/**
 * What the experiment, sweep and test-suite endpoints answer, defined once: the OpenAPI document
 * (lib/openapi/experiments.ts), the services' return types and the browser client's types.
 */
const Time = z.iso.datetime();
const Rate = z.number().min(0).max(1);

export const EvaluatorOutSchema = z
  .object({ type: z.enum(EVALUATOR_TYPES), name: z.string().optional() })
  .catchall(z.unknown())
  .meta({ id: 'Evaluator', description: 'An evaluator as given (defaults filled in); see API.md "Experiments" for the types and their fields.' });

export const EvaluatorSummarySchema = z.object({
  passRate: Rate.nullable(),
  meanScore: Rate.nullable(),
  errors: z.number().int().describe('Results this evaluator could not judge (no expected output, a judge answer that was not the JSON asked for...).'),
});

export const SummarySchema = z
  .object({
    passRate: Rate.nullable().describe('Share of results where every evaluator passed; a failed call counts as failing. null before the first result.'),
    meanScore: Rate.nullable().describe('Mean over results of the mean evaluator score.'),
    perEvaluator: z.record(z.string(), EvaluatorSummarySchema),
    latencyP50Ms: z.number().int().nullable(),
    latencyP95Ms: z.number().int().nullable(),
    inputTokens: z.number().int(),
    outputTokens: z.number().int(),
    costUsd: z.number().nullable().describe('null when no call had a price.'),
    throttled: z.number().int().describe('Throttles met and retried (calls and judge calls); never a failed result.'),
    results: z.number().int().describe('Results counted (finished calls).'),
    passed: z.number().int(),
    failedCalls: z.number().int().describe('Calls the model did not answer (errors other than throttling).'),
  })
  .meta({ id: 'ExperimentSummary' });
export type Summary = z.infer<typeof SummarySchema>;

export const ExperimentSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    prompt: z.string().describe('The prompt name.'),
    version: z.number().int(),
    modelId: z.string(),
    params: ParamsSchema,
    dataset: z.string().describe('The dataset id.'),
    datasetName: z.string().nullable(),
    datasetRevision: z.number().int().describe('The dataset revision the run copied its examples from.'),
    evaluators: z.array(EvaluatorOutSchema),
    repetitions: z.number().int(),
    concurrency: z.number().int(),
    status: ExperimentStatusSchema,
    progress: z.object({ total: z.number().int(), done: z.number().int(), errors: z.number().int() }).describe('done counts finished calls, errors the ones the model did not answer.'),
    summary: SummarySchema.describe('Final once the run succeeded; live (over the results so far) while it runs.'),
    error: z.string().nullable().describe('Why the run failed (status failed).'),
    suite: z.string().nullable().describe('The test suite it ran, if any.'),
    sweepId: z.string().nullable(),
    createdBy: z.string(),
    createdByRef: NullableActorRefSchema,
    createdAt: Time,
    startedAt: Time.nullable(),
    finishedAt: Time.nullable(),
    cancelledAt: Time.nullable(),
  })
  .meta({ id: 'Experiment' });
export type ExperimentDto = z.infer<typeof ExperimentSchema>;

export const ScoreSchema = z
  .object({
    evaluator: z.string(),
    type: z.enum(EVALUATOR_TYPES),
    pass: z.boolean(),
    score: Rate,
    reason: z.string(),
    error: z.boolean().optional().describe('The evaluator could not judge this result (counts as a failure).'),
    invocationId: z.string().nullable().optional().describe('llm_judge: the logged judge call.'),
  })
  .meta({ id: 'EvaluatorVerdict' });

export const RESULT_STATUSES = ['pending', 'running', 'ok', 'error'] as const;

export const ResultSchema = z
  .object({
    id: z.string(),
    exampleId: z.string(),
    position: z.number().int().describe("The example's place in the dataset when the run was created."),
    repetition: z.number().int(),
    invocationId: z.string().nullable(),
    status: z.enum(RESULT_STATUSES).describe('ok: the model answered; error: it did not (see error); pending/running: not finished.'),
    variables: z.record(z.string(), z.unknown()),
    output: z.string().nullable().describe("What the evaluators saw: the answer's text, or for an answer with tool calls the JSON document {text, toolCalls: [{name, input}]}. null when the call failed."),
    expectedOutput: z.string().nullable().describe('As the example was when the run was created.'),
    error: z.string().nullable(),
    scores: z.array(ScoreSchema),
    pass: z.boolean().nullable().describe('Every evaluator passed; null until finished.'),
    score: Rate.nullable(),
    latencyMs: z.number().int().nullable(),
    costUsd: z.number().nullable(),
    inputTokens: z.number().int().nullable(),
    outputTokens: z.number().int().nullable(),
    throttles: z.number().int(),
    finishedAt: Time.nullable(),
  })
  .meta({ id: 'ExperimentResult' });
export type ResultDto = z.infer<typeof ResultSchema>;

const Side = z.object({ pass: z.boolean(), score: Rate.nullable(), output: z.string().nullable(), resultId: z.string(), invocationId: z.string().nullable() });

export const ComparisonSchema = z
  .object({
    base: ExperimentSchema,
    head: ExperimentSchema,
    delta: z.object({
      passRate: z.number().nullable(),
      meanScore: z.number().nullable(),
      latencyP50Ms: z.number().nullable(),
      costUsd: z.number().nullable(),
    }).describe('head minus base.'),
    regressed: z.array(z.string()).describe('Example ids that passed in base and fail in head.'),
    improved: z.array(z.string()).describe('Example ids that failed in base and pass in head.'),
    unchanged: z.number().int(),
    pValue: z.number().min(0).max(1).describe('Exact McNemar test on the paired pass/fail results.'),
    significant: z.boolean().describe('pValue < 0.05.'),
    verdict: z.enum(['real_difference', 'could_be_chance', 'no_change']),
    verdictText: z.string().describe('The verdict in plain words, with the counts.'),
    examples: z
      .array(z.object({ exampleId: z.string(), change: z.enum(['regressed', 'improved']), variables: z.record(z.string(), z.unknown()), expectedOutput: z.string().nullable(), base: Side, head: Side }))
      .describe('The regressed and improved examples side by side (first repetition of each; at most 200).'),
  })
  .meta({ id: 'ExperimentComparison' });
export type ComparisonDto = z.infer<typeof ComparisonSchema>;

export const SweepCellSchema = z.object({
  cell: z.number().int(),
  modelId: z.string(),
  params: ParamsSchema,
  experimentId: z.string(),
  status: ExperimentStatusSchema,
  progress: z.object({ total: z.number().int(), done: z.number().int(), errors: z.number().int() }),
  summary: SummarySchema,
});

export const SweepSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    prompt: z.string(),
    version: z.number().int(),
    dataset: z.string(),
    datasetName: z.string().nullable(),
    evaluators: z.array(EvaluatorOutSchema),
    grid: z.object({ modelId: z.array(z.string()).optional(), temperature: z.array(z.number()).optional(), topP: z.array(z.number()).optional(), maxTokens: z.array(z.number().int()).optional() }),
    repetitions: z.number().int(),
    status: ExperimentStatusSchema.describe('queued until a cell runs; running while any cell is unfinished; then succeeded (all cells), cancelled (any cancelled) or failed.'),
    cells: z.array(SweepCellSchema),
    pareto: z.array(z.string()).describe('Experiment ids of the cells no other cell beats on both pass rate and cost (finished cells only).'),
    createdBy: z.string(),
    createdByRef: NullableActorRefSchema,
    createdAt: Time,
  })
  .meta({ id: 'Sweep' });
export type SweepDto = z.infer<typeof SweepSchema>;

export const SweepListItemSchema = SweepSchema.omit({ cells: true, pareto: true, evaluators: true }).extend({ cells: z.number().int() }).meta({ id: 'SweepListItem' });
export type SweepListItem = z.infer<typeof SweepListItemSchema>;

export const LatestRunSchema = z
  .object({
    experimentId: z.string(),
    status: ExperimentStatusSchema,
    passRate: Rate.nullable(),
    meanScore: Rate.nullable(),
    passed: z.boolean().nullable().describe("Met the suite's thresholds (minPassRate, per-evaluator); null when the suite has none or the run has not succeeded."),
    finishedAt: Time.nullable(),
    createdAt: Time,
  })
  .meta({ id: 'SuiteRunBrief' });
export type LatestRunDto = z.infer<typeof LatestRunSchema>;

export const TestSuiteSchema = z
  .object({
    id: z.string(),
    prompt: z.string(),
    name: z.string(),
    description: z.string(),
    dataset: z.string(),
    datasetName: z.string().nullable(),
    evaluators: z.array(EvaluatorOutSchema),
    minPassRate: Rate.nullable(),
    thresholds: z.record(z.string(), Rate),
    repetitions: z.number().int(),
    concurrency: z.number().int(),
    isDefault: z.boolean(),
    lastRun: LatestRunSchema.nullable().describe('The newest run of this suite (any version).'),
    createdAt: Time,
    createdBy: z.string(),
    createdByRef: NullableActorRefSchema,
    updatedAt: Time,
    updatedBy: z.string(),
    updatedByRef: NullableActorRefSchema,
  })
  .meta({ id: 'TestSuite' });
export type TestSuiteDto = z.infer<typeof TestSuiteSchema>;

export const SuiteResultsSchema = z
  .object({
    suite: z.string().nullable().describe("The prompt's default suite (null: the prompt has none)."),
    versions: z.array(z.object({ version: z.number().int(), latest: LatestRunSchema.nullable() })).describe('Every version, newest first, with its latest run on the default suite (null: never run).'),
  })
  .meta({ id: 'SuiteResults' });
export type SuiteResultsDto = z.infer<typeof SuiteResultsSchema>;

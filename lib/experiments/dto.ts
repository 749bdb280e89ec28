import { actorRefOf } from '../auth/actor-ref';
import type { Params } from '../catalog/schemas';
import type { Db } from '../db/client';
import type { Experiment, ExperimentResult } from '../db/generated/client';
import { EvaluatorsSchema, type Evaluator } from './evaluators';
import type { ExperimentDto, ResultDto, Summary } from './responses';
import { summarize, SUMMARY_SELECT } from './summary';

/** Rows to API objects. */
export type ExperimentRow = Experiment & { dataset?: { name: string } | null };

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function storedEvaluators(json: unknown): Evaluator[] {
  const r = EvaluatorsSchema.safeParse(json);
  return r.success ? r.data : [];
}

/** The stored summary once finished; else computed from the results so far. */
export async function liveSummary(db: Db, e: Experiment): Promise<Summary> {
  if (e.summary && e.status === 'succeeded') return e.summary as unknown as Summary;
  const rows = e.done > 0 || e.throttled > 0 ? await db.experimentResult.findMany({ where: { experimentId: e.id }, select: SUMMARY_SELECT }) : [];
  return summarize(rows, storedEvaluators(e.evaluators));
}

export function toExperimentDto(e: ExperimentRow, summary: Summary): ExperimentDto {
  return {
    id: e.id,
    name: e.name,
    prompt: e.promptName,
    version: e.version,
    modelId: e.modelId,
    params: (e.params ?? {}) as Params,
    dataset: e.datasetId,
    datasetName: e.dataset?.name ?? null,
    datasetRevision: e.datasetRevision,
    evaluators: e.evaluators as ExperimentDto['evaluators'],
    repetitions: e.repetitions,
    concurrency: e.concurrency,
    status: e.status,
    progress: { total: e.total, done: e.done, errors: e.errors },
    summary,
    error: e.error,
    suite: e.suiteName,
    sweepId: e.sweepId,
    createdBy: e.createdBy,
    createdByRef: actorRefOf(e, 'createdBy'),
    createdAt: e.createdAt.toISOString(),
    startedAt: iso(e.startedAt),
    finishedAt: iso(e.finishedAt),
    cancelledAt: iso(e.cancelledAt),
  };
}

export async function experimentDto(db: Db, e: ExperimentRow): Promise<ExperimentDto> {
  return toExperimentDto(e, await liveSummary(db, e));
}

export function toResultDto(r: ExperimentResult): ResultDto {
  return {
    id: r.id,
    exampleId: r.exampleId,
    position: r.position,
    repetition: r.repetition,
    invocationId: r.invocationId,
    status: r.status,
    variables: (r.variables ?? {}) as Record<string, unknown>,
    output: r.output,
    expectedOutput: r.expectedOutput,
    error: r.error,
    scores: Array.isArray(r.scores) ? (r.scores as ResultDto['scores']) : [],
    pass: r.pass,
    score: r.score,
    latencyMs: r.latencyMs,
    costUsd: r.costUsd,
    inputTokens: r.inputTokens,
    outputTokens: r.outputTokens,
    throttles: r.throttles,
    finishedAt: iso(r.finishedAt),
  };
}

import type { ServiceContext } from '../context';
import { audit } from '../auth/audit';
import { requirePermission } from '../auth/roles';
import type { Db, Prisma } from '../db/client';
import { AppError, notFound } from '../errors';
import { decodeCursor, toPage, type Page } from '../pagination';
import { checkJudges, createRun, findDatasetRef } from './create';
import { experimentDto, liveSummary, toExperimentDto, toResultDto } from './dto';
import type { ExperimentDto, ResultDto } from './responses';
import { emitExperimentFinished } from './runner/hooks';
import { CreateExperimentSchema, ExperimentListQuerySchema, ResultsQuerySchema } from './schemas';

/** Experiments: start, read, list, results, cancel (API.md "Experiments"). */
const withDataset = { dataset: { select: { name: true } } } as const;

async function findExperiment(db: Db, id: string) {
  const e = await db.experiment.findUnique({ where: { id }, include: withDataset });
  if (!e) throw notFound(`Experiment ${id}`);
  return e;
}

/** POST /api/v1/experiments: editors and up. 202 with the queued experiment. */
export async function createExperiment(ctx: ServiceContext, raw: unknown): Promise<ExperimentDto> {
  requirePermission(ctx.actor, 'catalog:write');
  const input = CreateExperimentSchema.parse(raw ?? {});
  await checkJudges(ctx, input.evaluators);
  const id = await createRun(ctx, {
    prompt: input.prompt,
    selector: { label: input.label, version: input.version },
    dataset: input.dataset,
    evaluators: input.evaluators,
    modelId: input.modelId,
    params: input.params,
    repetitions: input.repetitions,
    concurrency: input.concurrency,
    name: input.name,
  });
  return getExperiment(ctx, id);
}

export async function getExperiment(ctx: ServiceContext, id: string): Promise<ExperimentDto> {
  requirePermission(ctx.actor, 'catalog:read');
  return experimentDto(ctx.db, await findExperiment(ctx.db, id));
}

type ListCursor = [string, string];
const isListCursor = (v: unknown): v is ListCursor => Array.isArray(v) && v.length === 2 && typeof v[0] === 'string' && !Number.isNaN(Date.parse(v[0])) && typeof v[1] === 'string';

/** GET /api/v1/experiments?prompt=&dataset=&status=&suite=&version=: newest first. */
export async function listExperiments(ctx: ServiceContext, raw: unknown): Promise<Page<ExperimentDto>> {
  requirePermission(ctx.actor, 'catalog:read');
  const q = ExperimentListQuerySchema.parse(raw ?? {});
  const after = decodeCursor(q.cursor, isListCursor);
  const where: Prisma.ExperimentWhereInput = {
    ...(q.prompt !== undefined ? { promptName: q.prompt } : {}),
    ...(q.dataset !== undefined ? { dataset: { OR: [{ id: q.dataset }, { name: q.dataset }] } } : {}),
    ...(q.status !== undefined ? { status: q.status } : {}),
    ...(q.suite !== undefined ? { suiteName: q.suite } : {}),
    ...(q.version !== undefined ? { version: q.version } : {}),
    ...(after ? { OR: [{ createdAt: { lt: new Date(after[0]) } }, { createdAt: new Date(after[0]), id: { lt: after[1] } }] } : {}),
  };
  const rows = await ctx.db.experiment.findMany({ where, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }], take: q.limit + 1, include: withDataset });
  const page = toPage(rows, q.limit, (r) => r, (r) => [r.createdAt.toISOString(), r.id]);
  return { items: await Promise.all(page.items.map((r) => experimentDto(ctx.db, r))), nextCursor: page.nextCursor };
}

type ResultCursor = [number, number];
const isResultCursor = (v: unknown): v is ResultCursor => Array.isArray(v) && v.length === 2 && v.every((n) => Number.isInteger(n) && n >= 0 && n < 2 ** 31);

/** GET /api/v1/experiments/{id}/results?failed=true: in dataset order, then repetition. */
export async function listResults(ctx: ServiceContext, id: string, raw: unknown): Promise<Page<ResultDto>> {
  requirePermission(ctx.actor, 'catalog:read');
  const q = ResultsQuerySchema.parse(raw ?? {});
  const after = decodeCursor(q.cursor, isResultCursor);
  await findExperiment(ctx.db, id);
  const rows = await ctx.db.experimentResult.findMany({
    where: {
      experimentId: id,
      ...(q.failed === 'true' ? { pass: false } : {}),
      ...(after ? { OR: [{ position: { gt: after[0] } }, { position: after[0], repetition: { gt: after[1] } }] } : {}),
    },
    orderBy: [{ position: 'asc' }, { repetition: 'asc' }],
    take: q.limit + 1,
  });
  return toPage(rows, q.limit, toResultDto, (r) => [r.position, r.repetition]);
}

/** POST /api/v1/experiments/{id}/cancel: editors and up; workers stop within a poll interval. */
export async function cancelExperiment(ctx: ServiceContext, id: string): Promise<ExperimentDto> {
  requirePermission(ctx.actor, 'catalog:write');
  const e = await findExperiment(ctx.db, id);
  const now = new Date();
  const done = await ctx.db.$transaction(async (tx) => {
    const { count } = await tx.experiment.updateMany({ where: { id, status: { in: ['queued', 'running'] } }, data: { status: 'cancelled', cancelledAt: now, finishedAt: now } });
    if (count === 1) await audit(tx, ctx.actor, 'experiment.cancel', id, { prompt: e.promptName, version: e.version });
    return count === 1;
  });
  if (!done) throw new AppError('conflict', `Experiment ${id} has already finished (${e.status}).`, { status: e.status });
  const after = await findExperiment(ctx.db, id);
  const summary = await liveSummary(ctx.db, after);
  await emitExperimentFinished({ experimentId: id, name: after.name, prompt: after.promptName, version: after.version, datasetId: after.datasetId, status: 'cancelled', summary, suite: after.suiteName, sweepId: after.sweepId, finishedAt: now.toISOString() });
  return toExperimentDto(after, summary);
}

/**
 * For the release gate: the newest succeeded run of a prompt version on a dataset (prompt by id
 * or name, dataset by id or name), optionally of one suite. null when there is none.
 */
export async function latestSucceededRun(db: Db, q: { promptId?: string; prompt?: string; version: number; datasetId?: string; dataset?: string; suite?: string }): Promise<ExperimentDto | null> {
  const datasetId = q.datasetId ?? (q.dataset !== undefined ? (await findDatasetRef(db, q.dataset).catch(() => null))?.id : undefined);
  if ((q.datasetId === undefined && q.dataset !== undefined && !datasetId) || (q.promptId === undefined && q.prompt === undefined)) return null;
  const e = await db.experiment.findFirst({
    where: {
      ...(q.promptId !== undefined ? { promptId: q.promptId } : { promptName: q.prompt }),
      version: q.version,
      ...(datasetId !== undefined ? { datasetId } : {}),
      ...(q.suite !== undefined ? { suiteName: q.suite } : {}),
      status: 'succeeded',
    },
    orderBy: [{ finishedAt: 'desc' }, { id: 'desc' }],
    include: withDataset,
  });
  return e ? experimentDto(db, e) : null;
}

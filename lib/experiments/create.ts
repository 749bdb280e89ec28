import type { ServiceContext } from '../context';
import { actorColumns } from '../auth/actor-ref';
import { audit } from '../auth/audit';
import type { Params } from '../catalog/schemas';
import { resolveVersion } from '../catalog/versions';
import type { Prisma } from '../db/client';
import { AppError, notFound, validationError } from '../errors';
import type { Evaluator } from './evaluators';
import { enqueueExperiment } from './runner/job';

/**
 * Creating runs (ad hoc, a suite's, a sweep's cells): the version is resolved, the dataset's
 * examples are copied into pending result rows (one per example x repetition) together with the
 * dataset's revision, and the run's jobs are queued, all in one transaction.
 */
export const MAX_RESULTS_PER_RUN = 10_000;

export interface RunSpec {
  prompt: string;
  selector: { label?: string; version?: number };
  dataset: string;
  evaluators: Evaluator[];
  modelId?: string;
  params?: Params;
  repetitions: number;
  concurrency: number;
  name?: string;
  suite?: { id: string; name: string };
  sweep?: { id: string; cell: number };
}

export async function findDatasetRef(db: Pick<Prisma.TransactionClient, 'dataset'>, idOrName: string): Promise<{ id: string; name: string }> {
  const d = await db.dataset.findFirst({ where: { OR: [{ id: idOrName }, { name: idOrName }] }, select: { id: true, name: true } });
  if (!d) throw notFound(`Dataset "${idOrName}"`);
  return d;
}

/**
 * The version an experiment or sweep tests: a given version or label; with neither, the
 * production label, else (a prompt never deployed) its newest version, as the console says.
 */
export async function resolveTested(ctx: ServiceContext, prompt: string, sel: { version?: number; label?: string }) {
  if (sel.version !== undefined) return resolveVersion(ctx, prompt, { version: sel.version });
  if (sel.label !== undefined) return resolveVersion(ctx, prompt, { label: sel.label });
  try {
    return await resolveVersion(ctx, prompt, { label: 'production' });
  } catch (err) {
    if (!(err instanceof AppError) || err.code !== 'not_found') throw err;
    return resolveVersion(ctx, prompt, { label: 'latest' });
  }
}

/** Judge prompts must exist before a run is stored (a 400 naming the evaluator, not a failed run). */
export async function checkJudges(ctx: ServiceContext, evaluators: readonly Evaluator[], field = 'evaluators'): Promise<void> {
  const issues: { path: string; message: string }[] = [];
  for (const [i, e] of evaluators.entries()) {
    if (e.type !== 'llm_judge') continue;
    try {
      await resolveVersion(ctx, e.prompt, e.version !== undefined ? { version: e.version } : { label: e.label ?? 'production' });
    } catch (err) {
      if (!(err instanceof AppError) || err.code !== 'not_found') throw err;
      issues.push({ path: `${field}.${i}.prompt`, message: `The judge prompt: ${err.message}` });
    }
  }
  if (issues.length) throw validationError(issues);
}

/**
 * The dataset's revision, with the row locked (FOR SHARE) while the examples are copied: every
 * change to the examples raises the revision with an UPDATE of that row in its own transaction
 * (lib/datasets/revision.ts), so it waits, and the revision recorded names exactly the examples
 * copied.
 */
async function lockedRevision(tx: Prisma.TransactionClient, datasetId: string): Promise<number> {
  const rows = await tx.$queryRaw<{ revision: number }[]>`SELECT revision FROM "Dataset" WHERE id = ${datasetId} FOR SHARE`;
  return rows[0]?.revision ?? 0;
}

/** Creates one run (caller checked the permission and parsed the input). */
export async function createRun(ctx: ServiceContext, spec: RunSpec, txIn?: Prisma.TransactionClient): Promise<string> {
  const v = await resolveTested(ctx, spec.prompt, spec.selector);
  const dataset = await findDatasetRef(ctx.db, spec.dataset);
  const prompt = await ctx.db.prompt.findUnique({ where: { name: spec.prompt }, select: { id: true } });
  if (!prompt) throw notFound(`Prompt "${spec.prompt}"`);
  const modelId = spec.modelId ?? v.modelId;
  const params: Params = { ...v.params, ...spec.params };
  const work = async (tx: Prisma.TransactionClient): Promise<string> => {
    const revision = await lockedRevision(tx, dataset.id);
    const examples = await tx.datasetExample.findMany({ where: { datasetId: dataset.id }, orderBy: { seq: 'asc' }, select: { id: true, variables: true, expectedOutput: true } });
    if (examples.length === 0) throw validationError([{ path: 'dataset', message: `Dataset "${dataset.name}" has no examples to run.` }]);
    const total = examples.length * spec.repetitions;
    if (total > MAX_RESULTS_PER_RUN) throw validationError([{ path: 'repetitions', message: `${examples.length} examples x ${spec.repetitions} repetitions is ${total} calls; at most ${MAX_RESULTS_PER_RUN} per run.` }]);
    const e = await tx.experiment.create({
      data: {
        name: spec.name ?? `${spec.prompt} v${v.version} on ${dataset.name}`,
        promptId: prompt.id,
        promptName: spec.prompt,
        version: v.version,
        modelId,
        params: params as Prisma.InputJsonValue,
        datasetId: dataset.id,
        datasetRevision: revision,
        evaluators: spec.evaluators as unknown as Prisma.InputJsonValue,
        repetitions: spec.repetitions,
        concurrency: spec.concurrency,
        total,
        suiteId: spec.suite?.id ?? null,
        suiteName: spec.suite?.name ?? null,
        sweepId: spec.sweep?.id ?? null,
        sweepCell: spec.sweep?.cell ?? null,
        ...actorColumns('createdBy', ctx.actor),
      },
      select: { id: true },
    });
    const rows: Prisma.ExperimentResultCreateManyInput[] = [];
    examples.forEach((x, position) => {
      for (let repetition = 1; repetition <= spec.repetitions; repetition++) {
        const expected: string | null = x.expectedOutput ?? null;
        rows.push({ experimentId: e.id, exampleId: x.id, position, repetition, variables: (x.variables ?? {}) as Prisma.InputJsonValue, expectedOutput: expected === '' ? null : expected });
      }
    });
    for (let i = 0; i < rows.length; i += 1000) await tx.experimentResult.createMany({ data: rows.slice(i, i + 1000) });
    await audit(tx, ctx.actor, 'experiment.create', e.id, { prompt: spec.prompt, version: v.version, dataset: dataset.name, datasetRevision: revision, total, ...(spec.suite ? { suite: spec.suite.name } : {}), ...(spec.sweep ? { sweep: spec.sweep.id } : {}) });
    await enqueueExperiment(e.id, spec.concurrency, { tx });
    return e.id;
  };
  return txIn ? work(txIn) : ctx.db.$transaction(work, { timeout: 60_000 });
}

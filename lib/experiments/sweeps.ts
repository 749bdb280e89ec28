import type { ServiceContext } from '../context';
import { actorColumns, actorRefOf } from '../auth/actor-ref';
import { audit } from '../auth/audit';
import { requirePermission } from '../auth/roles';
import type { Params } from '../catalog/schemas';
import type { Prisma } from '../db/client';
import { notFound } from '../errors';
import { decodeCursor, toPage, type Page } from '../pagination';
import { checkJudges, createRun, findDatasetRef, resolveTested } from './create';
import { liveSummary } from './dto';
import type { SweepDto, SweepListItem } from './responses';
import { CreateSweepSchema, SweepListQuerySchema, type ExperimentStatus, type Grid } from './schemas';
import { paretoFront } from './stats';

/**
 * Sweeps: one experiment per cell of a grid over models and parameters (the product of the
 * lists; a parameter without a list keeps the version's value), created together (at most 32).
 * The Pareto cells are the finished ones no other cell beats on both pass rate and cost.
 */
export interface Cell {
  modelId: string;
  params: Params;
}

export function gridCells(grid: Grid, base: { modelId: string; params: Params }): Cell[] {
  const uniq = <T>(l: T[] | undefined): (T | undefined)[] => (l ? [...new Set(l)] : [undefined]);
  const cells: Cell[] = [];
  for (const modelId of uniq(grid.modelId))
    for (const temperature of uniq(grid.temperature))
      for (const topP of uniq(grid.topP))
        for (const maxTokens of uniq(grid.maxTokens)) {
          cells.push({
            modelId: modelId ?? base.modelId,
            params: { ...base.params, ...(temperature !== undefined ? { temperature } : {}), ...(topP !== undefined ? { topP } : {}), ...(maxTokens !== undefined ? { maxTokens } : {}) },
          });
        }
  return cells;
}

export async function createSweep(ctx: ServiceContext, raw: unknown): Promise<SweepDto> {
  requirePermission(ctx.actor, 'catalog:write');
  const input = CreateSweepSchema.parse(raw ?? {});
  await checkJudges(ctx, input.evaluators);
  const v = await resolveTested(ctx, input.prompt, input);
  const dataset = await findDatasetRef(ctx.db, input.dataset);
  const prompt = await ctx.db.prompt.findUnique({ where: { name: input.prompt }, select: { id: true } });
  if (!prompt) throw notFound(`Prompt "${input.prompt}"`);
  const cells = gridCells(input.grid, { modelId: v.modelId, params: v.params });
  const id = await ctx.db.$transaction(
    async (tx) => {
      const s = await tx.sweep.create({
        data: {
          name: input.name ?? `${input.prompt} v${v.version} sweep on ${dataset.name}`,
          promptId: prompt.id,
          promptName: input.prompt,
          version: v.version,
          datasetId: dataset.id,
          evaluators: input.evaluators as unknown as Prisma.InputJsonValue,
          grid: input.grid as Prisma.InputJsonValue,
          repetitions: input.repetitions,
          ...actorColumns('createdBy', ctx.actor),
        },
        select: { id: true },
      });
      for (const [cell, c] of cells.entries()) {
        await createRun(
          ctx,
          {
            prompt: input.prompt,
            selector: { version: v.version },
            dataset: dataset.id,
            evaluators: input.evaluators,
            modelId: c.modelId,
            params: c.params,
            repetitions: input.repetitions,
            concurrency: input.concurrency,
            name: `${input.prompt} v${v.version} · ${cellLabel(c)}`,
            sweep: { id: s.id, cell },
          },
          tx,
        );
      }
      await audit(tx, ctx.actor, 'sweep.create', s.id, { prompt: input.prompt, version: v.version, dataset: dataset.name, cells: cells.length });
      return s.id;
    },
    { timeout: 120_000 },
  );
  return getSweep(ctx, id);
}

const shortModel = (id: string) => (id.split('/').pop() ?? id).replace(/^(us|eu|apac|global)\./, '');
export function cellLabel(c: Cell): string {
  const p = c.params;
  return [shortModel(c.modelId), p.temperature !== undefined ? `t=${p.temperature}` : null, p.topP !== undefined ? `topP=${p.topP}` : null, p.maxTokens !== undefined ? `max=${p.maxTokens}` : null].filter(Boolean).join(' ');
}

function sweepStatus(statuses: ExperimentStatus[]): ExperimentStatus {
  if (statuses.some((s) => s === 'running') || (statuses.some((s) => s === 'queued') && statuses.some((s) => s !== 'queued'))) return 'running';
  if (statuses.every((s) => s === 'queued')) return 'queued';
  if (statuses.some((s) => s === 'cancelled')) return 'cancelled';
  if (statuses.some((s) => s === 'failed')) return 'failed';
  return 'succeeded';
}

export async function getSweep(ctx: ServiceContext, id: string): Promise<SweepDto> {
  requirePermission(ctx.actor, 'catalog:read');
  const s = await ctx.db.sweep.findUnique({ where: { id }, include: { dataset: { select: { name: true } }, experiments: { orderBy: { sweepCell: 'asc' } } } });
  if (!s) throw notFound(`Sweep ${id}`);
  const cells = await Promise.all(
    s.experiments.map(async (e) => ({
      cell: e.sweepCell ?? 0,
      modelId: e.modelId,
      params: (e.params ?? {}) as Params,
      experimentId: e.id,
      status: e.status,
      progress: { total: e.total, done: e.done, errors: e.errors },
      summary: await liveSummary(ctx.db, e),
    })),
  );
  const finished = cells.filter((c) => c.status === 'succeeded' && c.summary.passRate !== null);
  return {
    id: s.id,
    name: s.name,
    prompt: s.promptName,
    version: s.version,
    dataset: s.datasetId,
    datasetName: s.dataset.name,
    evaluators: s.evaluators as SweepDto['evaluators'],
    grid: s.grid as SweepDto['grid'],
    repetitions: s.repetitions,
    status: cells.length ? sweepStatus(cells.map((c) => c.status)) : 'succeeded',
    cells,
    pareto: paretoFront(finished.map((c) => ({ id: c.experimentId, passRate: c.summary.passRate ?? 0, costUsd: c.summary.costUsd }))),
    createdBy: s.createdBy,
    createdByRef: actorRefOf(s, 'createdBy'),
    createdAt: s.createdAt.toISOString(),
  };
}

type Cursor = [string, string];
const isCursor = (v: unknown): v is Cursor => Array.isArray(v) && v.length === 2 && typeof v[0] === 'string' && !Number.isNaN(Date.parse(v[0])) && typeof v[1] === 'string';

/** GET /api/v1/sweeps?prompt=: newest first, without cells (GET one for them). */
export async function listSweeps(ctx: ServiceContext, raw: unknown): Promise<Page<SweepListItem>> {
  requirePermission(ctx.actor, 'catalog:read');
  const q = SweepListQuerySchema.parse(raw ?? {});
  const after = decodeCursor(q.cursor, isCursor);
  const rows = await ctx.db.sweep.findMany({
    where: {
      ...(q.prompt !== undefined ? { promptName: q.prompt } : {}),
      ...(after ? { OR: [{ createdAt: { lt: new Date(after[0]) } }, { createdAt: new Date(after[0]), id: { lt: after[1] } }] } : {}),
    },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: q.limit + 1,
    include: { dataset: { select: { name: true } }, experiments: { select: { status: true } } },
  });
  return toPage(
    rows,
    q.limit,
    (s) => ({
      id: s.id,
      name: s.name,
      prompt: s.promptName,
      version: s.version,
      dataset: s.datasetId,
      datasetName: s.dataset.name,
      grid: s.grid as SweepDto['grid'],
      repetitions: s.repetitions,
      status: s.experiments.length ? sweepStatus(s.experiments.map((e) => e.status)) : 'succeeded',
      cells: s.experiments.length,
      createdBy: s.createdBy,
      createdByRef: actorRefOf(s, 'createdBy'),
      createdAt: s.createdAt.toISOString(),
    }),
    (s) => [s.createdAt.toISOString(), s.id],
  );
}

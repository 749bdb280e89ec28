import type { ServiceContext } from '../context';
import { actorColumns, actorRefOf, type StoredActorColumns } from '../auth/actor-ref';
import { requirePermission } from '../auth/roles';
import { AppError, notFound } from '../errors';
import { isUniqueViolation } from '../catalog/prompts';
import type { Prisma } from '../db/client';
import { decodeCursor, PageQuerySchema, toPage, type Page } from '../pagination';
import type { DatasetDetail, DatasetDto, ExampleDto } from './responses';
import { bumpRevision } from '../datasets/revision';
import { AddExampleSchema, CreateDatasetSchema } from './schemas';

/** Ground-truth datasets: named sets of {variables, expected output} examples. */
export type { DatasetDto, ExampleDto };

type DatasetRow = StoredActorColumns<'createdBy'> & {
  id: string;
  name: string;
  description: string;
  revision: number;
  createdAt: Date;
  updatedAt: Date;
  createdBy: string;
  _count: { examples: number };
};
const toDatasetDto = (d: DatasetRow): DatasetDto => ({
  id: d.id,
  name: d.name,
  description: d.description,
  examples: d._count.examples,
  revision: d.revision,
  createdAt: d.createdAt.toISOString(),
  updatedAt: d.updatedAt.toISOString(),
  createdBy: d.createdBy,
  createdByRef: actorRefOf(d, 'createdBy'),
});

export async function listDatasets(ctx: ServiceContext): Promise<DatasetDto[]> {
  requirePermission(ctx.actor, 'catalog:read');
  const rows = await ctx.db.dataset.findMany({ orderBy: { name: 'asc' }, include: { _count: { select: { examples: true } } } });
  return rows.map(toDatasetDto);
}

const isNameCursor = (v: unknown): v is string => typeof v === 'string';

/** GET /api/v1/datasets: by name, `limit` and `cursor` like every list. */
export async function pageDatasets(ctx: ServiceContext, rawQuery: unknown): Promise<Page<DatasetDto>> {
  requirePermission(ctx.actor, 'catalog:read');
  const q = PageQuerySchema.parse(rawQuery ?? {});
  const after = decodeCursor(q.cursor, isNameCursor);
  const rows = await ctx.db.dataset.findMany({
    where: after !== undefined ? { name: { gt: after } } : {},
    orderBy: { name: 'asc' },
    take: q.limit + 1,
    include: { _count: { select: { examples: true } } },
  });
  return toPage(rows, q.limit, toDatasetDto, (d) => d.name);
}

export async function createDataset(ctx: ServiceContext, raw: unknown): Promise<DatasetDto> {
  requirePermission(ctx.actor, 'feedback:review');
  const input = CreateDatasetSchema.parse(raw);
  try {
    const d = await ctx.db.dataset.create({ data: { name: input.name, description: input.description ?? '', ...actorColumns('createdBy', ctx.actor) }, include: { _count: { select: { examples: true } } } });
    return toDatasetDto(d);
  } catch (err) {
    if (isUniqueViolation(err)) throw new AppError('conflict', `A dataset named "${input.name}" already exists.`, [{ path: 'name', message: 'Already in use.' }]);
    throw err;
  }
}

async function findDataset(ctx: ServiceContext, idOrName: string) {
  const d = await ctx.db.dataset.findFirst({ where: { OR: [{ id: idOrName }, { name: idOrName }] }, include: { _count: { select: { examples: true } } } });
  if (!d) throw notFound(`Dataset "${idOrName}"`);
  return d;
}

export async function getDataset(ctx: ServiceContext, idOrName: string): Promise<DatasetDetail> {
  requirePermission(ctx.actor, 'catalog:read');
  const d = await findDataset(ctx, idOrName);
  const examples = await ctx.db.datasetExample.findMany({ where: { datasetId: d.id }, orderBy: { createdAt: 'desc' }, take: 500 });
  return { ...toDatasetDto(d), items: examples.map(toExampleDto) };
}

type ExampleRow = StoredActorColumns<'createdBy'> & {
  id: string;
  promptName: string | null;
  promptVersion: number | null;
  invocationId: string | null;
  variables: unknown;
  expectedOutput: string;
  tags: string[] | null;
  createdAt: Date;
  updatedAt: Date;
  createdBy: string;
};
const toExampleDto = (e: ExampleRow): ExampleDto => ({
  id: e.id,
  promptName: e.promptName,
  promptVersion: e.promptVersion,
  invocationId: e.invocationId,
  variables: (e.variables ?? {}) as Record<string, unknown>,
  expectedOutput: e.expectedOutput,
  tags: e.tags ?? [],
  createdAt: e.createdAt.toISOString(),
  updatedAt: e.updatedAt.toISOString(),
  createdBy: e.createdBy,
  createdByRef: actorRefOf(e, 'createdBy'),
});

/** Adds an example; with an invocationId, the prompt and version come from that invocation. */
export async function addExample(ctx: ServiceContext, idOrName: string, raw: unknown): Promise<ExampleDto> {
  requirePermission(ctx.actor, 'feedback:review');
  const input = AddExampleSchema.parse(raw);
  const d = await findDataset(ctx, idOrName);
  let promptName = input.promptName ?? null;
  let promptVersion = input.promptVersion ?? null;
  if (input.invocationId) {
    const inv = await ctx.db.invocation.findUnique({ where: { id: input.invocationId }, select: { promptName: true, promptVersion: true } });
    if (!inv) throw notFound(`Invocation ${input.invocationId}`);
    promptName ??= inv.promptName;
    promptVersion ??= inv.promptVersion;
  }
  const e = await ctx.db.$transaction(async (tx) => {
    const created = await tx.datasetExample.create({
    data: {
      datasetId: d.id,
      promptName,
      promptVersion,
      invocationId: input.invocationId ?? null,
      variables: input.variables as Prisma.InputJsonValue,
      expectedOutput: input.expectedOutput,
      ...actorColumns('createdBy', ctx.actor),
    },
    });
    await bumpRevision(tx, d.id);
    return created;
  });
  return toExampleDto(e);
}

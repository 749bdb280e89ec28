import type { ServiceContext } from '../context';
import { actorColumns, actorRefOf, type StoredActorColumns } from '../auth/actor-ref';
import { audit } from '../auth/audit';
import { requirePermission } from '../auth/roles';
import { AppError, notFound } from '../errors';
import { isUniqueViolation } from '../catalog/prompts';
import { decodeCursor, PageQuerySchema, toPage, type Page } from '../pagination';
import type { DatasetDetail, DatasetDto } from './responses';
import { CreateDatasetSchema, UpdateDatasetSchema } from './schemas';
import { toExampleDto } from './example-dto';

/** Ground-truth datasets: named sets of {variables, expected output, tags} examples. */

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

export const toDatasetDto = (d: DatasetRow): DatasetDto => ({
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

const withCount = { _count: { select: { examples: true } } } as const;

export async function listDatasets(ctx: ServiceContext): Promise<DatasetDto[]> {
  requirePermission(ctx.actor, 'catalog:read');
  const rows = await ctx.db.dataset.findMany({ orderBy: { name: 'asc' }, include: withCount });
  return rows.map(toDatasetDto);
}

const isNameCursor = (v: unknown): v is string => typeof v === 'string';

/** GET /api/v1/datasets: by name, `limit` and `cursor` like every list. */
export async function pageDatasets(ctx: ServiceContext, rawQuery: unknown): Promise<Page<DatasetDto>> {
  requirePermission(ctx.actor, 'catalog:read');
  const q = PageQuerySchema.parse(rawQuery ?? {});
  const after = decodeCursor(q.cursor, isNameCursor);
  const rows = await ctx.db.dataset.findMany({ where: after !== undefined ? { name: { gt: after } } : {}, orderBy: { name: 'asc' }, take: q.limit + 1, include: withCount });
  return toPage(rows, q.limit, toDatasetDto, (d) => d.name);
}

export async function createDataset(ctx: ServiceContext, raw: unknown): Promise<DatasetDto> {
  requirePermission(ctx.actor, 'feedback:review');
  const input = CreateDatasetSchema.parse(raw);
  try {
    return await ctx.db.$transaction(async (tx) => {
      const d = await tx.dataset.create({ data: { name: input.name, description: input.description ?? '', ...actorColumns('createdBy', ctx.actor) }, include: withCount });
      await audit(tx, ctx.actor, 'dataset.create', d.name, { id: d.id });
      return toDatasetDto(d);
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw new AppError('conflict', `A dataset named "${input.name}" already exists.`, [{ path: 'name', message: 'Already in use.' }]);
    throw err;
  }
}

/** A dataset by id or name, with its example count; 404 when there is none. */
export async function findDataset(ctx: Pick<ServiceContext, 'db'>, idOrName: string) {
  const d = await ctx.db.dataset.findFirst({ where: { OR: [{ id: idOrName }, { name: idOrName }] }, include: withCount });
  if (!d) throw notFound(`Dataset "${idOrName}"`);
  return d;
}

export async function getDataset(ctx: ServiceContext, idOrName: string): Promise<DatasetDetail> {
  requirePermission(ctx.actor, 'catalog:read');
  const d = await findDataset(ctx, idOrName);
  const examples = await ctx.db.datasetExample.findMany({ where: { datasetId: d.id }, orderBy: { seq: 'asc' }, take: 500 });
  return { ...toDatasetDto(d), items: examples.map(toExampleDto) };
}

/** PATCH /api/v1/datasets/{dataset}: the description (the name is what experiments and links use). */
export async function updateDataset(ctx: ServiceContext, idOrName: string, raw: unknown): Promise<DatasetDto> {
  requirePermission(ctx.actor, 'feedback:review');
  const input = UpdateDatasetSchema.parse(raw);
  const d = await findDataset(ctx, idOrName);
  return ctx.db.$transaction(async (tx) => {
    const u = await tx.dataset.update({ where: { id: d.id }, data: { description: input.description }, include: withCount });
    await audit(tx, ctx.actor, 'dataset.update', d.name, { description: input.description });
    return toDatasetDto(u);
  });
}

/**
 * DELETE /api/v1/datasets/{dataset}: the dataset and its examples. Refused (409) while an
 * experiment, test suite or sweep refers to it (their results name its examples); those tables
 * come with the experiments feature and are looked up by name, so this works before and after.
 */
export async function deleteDataset(ctx: ServiceContext, idOrName: string): Promise<void> {
  requirePermission(ctx.actor, 'feedback:review');
  const d = await findDataset(ctx, idOrName);
  await ctx.db.$transaction(async (tx) => {
    const users = await referencesTo(tx, d.id);
    if (users.length > 0) {
      const what = users.map((u) => `${u.n} ${u.noun}${u.n === 1 ? '' : 's'}`).join(', ');
      throw new AppError('conflict', `Dataset "${d.name}" is used by ${what}; it is kept so their results stay readable.`, Object.fromEntries(users.map((u) => [u.table, u.n])));
    }
    await tx.dataset.delete({ where: { id: d.id } });
    await audit(tx, ctx.actor, 'dataset.delete', d.name, { id: d.id, examples: d._count.examples, revision: d.revision });
  });
}

type Raw = { $queryRawUnsafe<T = unknown>(query: string, ...values: unknown[]): Promise<T> };
const REFERRING = [
  { table: 'Experiment', noun: 'experiment' },
  { table: 'TestSuite', noun: 'test suite' },
  { table: 'Sweep', noun: 'sweep' },
] as const;

/** Rows of the experiment tables that name the dataset (none while those tables do not exist). */
async function referencesTo(tx: Raw, datasetId: string): Promise<{ table: string; noun: string; n: number }[]> {
  const present = await tx.$queryRawUnsafe<{ table_name: string }[]>(
    `SELECT table_name FROM information_schema.columns WHERE table_schema = 'public' AND column_name = 'datasetId' AND table_name = ANY($1::text[])`,
    REFERRING.map((r) => r.table),
  );
  const out: { table: string; noun: string; n: number }[] = [];
  for (const r of REFERRING) {
    if (!present.some((p) => p.table_name === r.table)) continue;
    // The table name comes from the constant list above, never from input.
    const [row] = await tx.$queryRawUnsafe<{ n: number }[]>(`SELECT count(*)::int AS n FROM "${r.table}" WHERE "datasetId" = $1`, datasetId);
    if (row && row.n > 0) out.push({ ...r, n: row.n });
  }
  return out;
}

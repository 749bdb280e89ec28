import type { ServiceContext } from '../context';
import { requirePermission } from '../auth/roles';
import { notFound } from '../errors';
import { decodeCursor, toPage, type Page } from '../pagination';
import { toInvocationDto, type InvocationDto } from './dto';
import { ListInvocationsQuerySchema } from './schemas';
import { invocationFilters } from './search';
import { toFeedbackDto } from '../feedback/votes';
import type { InvocationDetail } from './responses';

type Cursor = [string, string];
const isCursor = (v: unknown): v is Cursor => Array.isArray(v) && v.length === 2 && typeof v[0] === 'string' && typeof v[1] === 'string' && !Number.isNaN(Date.parse(v[0]));

/**
 * Newest first, keyset-paginated on (createdAt, id) so deep pages cost the same as the first.
 * The page's ids come from one SQL query with every filter (search included); the rows are then
 * read by id.
 */
export async function listInvocations(ctx: ServiceContext, rawQuery: unknown): Promise<Page<InvocationDto>> {
  requirePermission(ctx.actor, 'catalog:read');
  const q = ListInvocationsQuerySchema.parse(rawQuery ?? {});
  const after = decodeCursor(q.cursor, isCursor);
  const ids = await ctx.db.$queryRaw<{ id: string; createdAt: Date }[]>`SELECT id, "createdAt" FROM "Invocation" ${invocationFilters(q, after)} ORDER BY "createdAt" DESC, id DESC LIMIT ${q.limit + 1}`;
  // With the page's times too, PostgreSQL reads only the month partitions that hold the page.
  const found = ids.length
    ? await ctx.db.invocation.findMany({ where: { id: { in: ids.map((r) => r.id) }, createdAt: { in: ids.map((r) => r.createdAt) } } })
    : [];
  const byId = new Map(found.map((r) => [r.id, r]));
  const rows = ids.map((r) => byId.get(r.id)).filter((r): r is (typeof found)[number] => r !== undefined);
  return toPage(rows, q.limit, toInvocationDto, (r) => [r.createdAt.toISOString(), r.id]);
}

export async function getInvocation(ctx: ServiceContext, id: string): Promise<InvocationDetail> {
  requirePermission(ctx.actor, 'catalog:read');
  const row = /^[0-9a-f-]{36}$/i.test(id) ? await ctx.db.invocation.findUnique({ where: { id }, include: { feedback: { orderBy: { createdAt: 'asc' } } } }) : null;
  if (!row) throw notFound(`Invocation ${id}`);
  return { ...toInvocationDto(row), feedback: row.feedback.map(toFeedbackDto) };
}

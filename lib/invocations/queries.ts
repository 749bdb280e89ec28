import type { ServiceContext } from '../context';
import { requirePermission } from '../auth/roles';
import { notFound } from '../errors';
import type { Prisma } from '../db/client';
import { decodeCursor, toPage, type Page } from '../pagination';
import { toInvocationDto, type InvocationDto } from './dto';
import { ListInvocationsQuerySchema } from './schemas';
import { toFeedbackDto } from '../feedback/votes';
import type { InvocationDetail } from './responses';

type Cursor = [string, string];
const isCursor = (v: unknown): v is Cursor => Array.isArray(v) && v.length === 2 && typeof v[0] === 'string' && typeof v[1] === 'string' && !Number.isNaN(Date.parse(v[0]));

/** Newest first, keyset-paginated on (createdAt, id) so deep pages cost the same as the first. */
export async function listInvocations(ctx: ServiceContext, rawQuery: unknown): Promise<Page<InvocationDto>> {
  requirePermission(ctx.actor, 'catalog:read');
  const q = ListInvocationsQuerySchema.parse(rawQuery ?? {});
  const after = decodeCursor(q.cursor, isCursor);
  const and: Prisma.InvocationWhereInput[] = [];
  if (q.prompt) and.push({ promptName: q.prompt });
  if (q.version !== undefined) and.push({ promptVersion: q.version });
  if (q.modelId) and.push({ modelId: q.modelId });
  if (q.status) and.push({ status: q.status });
  if (q.feedback === 'up') and.push({ feedback: { some: { score: 1 } } });
  if (q.feedback === 'down') and.push({ feedback: { some: { score: -1 } } });
  if (q.feedback === 'none') and.push({ feedback: { none: {} } });
  if (q.from) and.push({ createdAt: { gte: new Date(q.from) } });
  if (q.to) and.push({ createdAt: { lt: new Date(q.to) } });
  if (after) {
    const at = new Date(after[0]);
    and.push({ OR: [{ createdAt: { lt: at } }, { createdAt: at, id: { lt: after[1] } }] });
  }
  const rows = await ctx.db.invocation.findMany({ where: { AND: and }, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }], take: q.limit + 1 });
  return toPage(rows, q.limit, toInvocationDto, (r) => [r.createdAt.toISOString(), r.id]);
}

export async function getInvocation(ctx: ServiceContext, id: string): Promise<InvocationDetail> {
  requirePermission(ctx.actor, 'catalog:read');
  const row = /^[0-9a-f-]{36}$/i.test(id) ? await ctx.db.invocation.findUnique({ where: { id }, include: { feedback: { orderBy: { createdAt: 'asc' } } } }) : null;
  if (!row) throw notFound(`Invocation ${id}`);
  return { ...toInvocationDto(row), feedback: row.feedback.map(toFeedbackDto) };
}

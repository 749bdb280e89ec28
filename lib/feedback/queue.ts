import type { ServiceContext } from '../context';
import { actorColumns, actorRefOf, actorWhere, noActorColumns } from '../auth/actor-ref';
import { requirePermission } from '../auth/roles';
import { AppError, notFound } from '../errors';
import type { Prisma } from '../db/client';
import { decodeCursor, toPage } from '../pagination';
import { toInvocationDto } from '../invocations/dto';
import { toFeedbackDto } from './votes';
import type { QueueCounts, QueuePage, ReviewItemDto } from './queue-responses';
import { AssignSchema, categoryLabel, DismissSchema, QueueQuerySchema, ReopenSchema, ResolveSchema } from './schemas';

export type { QueueCounts, ReviewItemDto };

const include = { invocation: { include: { feedback: { orderBy: { createdAt: 'asc' as const } } } } } satisfies Prisma.ReviewItemInclude;
type ItemRow = Prisma.ReviewItemGetPayload<{ include: typeof include }>;

async function labelsByVersion(ctx: ServiceContext, rows: ItemRow[]): Promise<Map<string, string[]>> {
  const names = [...new Set(rows.map((r) => r.promptName).filter((n): n is string => !!n))];
  const prompts = names.length
    ? await ctx.db.prompt.findMany({ where: { name: { in: names } }, select: { name: true, latestVersion: true, labels: { select: { name: true, version: true } } } })
    : [];
  const out = new Map<string, string[]>();
  for (const p of prompts) {
    for (const l of p.labels) out.set(`${p.name}@${l.version}`, [...(out.get(`${p.name}@${l.version}`) ?? []), l.name]);
    if (p.latestVersion > 0) out.set(`${p.name}@${p.latestVersion}`, [...(out.get(`${p.name}@${p.latestVersion}`) ?? []), 'latest']);
  }
  return out;
}

async function datasetsByInvocation(ctx: ServiceContext, rows: { invocationId: string }[]): Promise<Map<string, string[]>> {
  const ids = rows.map((r) => r.invocationId);
  const found = ids.length
    ? await ctx.db.datasetExample.findMany({ where: { invocationId: { in: ids } }, select: { invocationId: true, dataset: { select: { name: true } } }, orderBy: { createdAt: 'asc' } })
    : [];
  const out = new Map<string, string[]>();
  for (const e of found) if (e.invocationId) out.set(e.invocationId, [...new Set([...(out.get(e.invocationId) ?? []), e.dataset.name])]);
  return out;
}

function toItemDto(r: ItemRow, labels: Map<string, string[]>, datasets: Map<string, string[]>): ReviewItemDto {
  return {
    invocationId: r.invocationId,
    status: r.status,
    enteredAt: r.enteredAt.toISOString(),
    assignee: r.assignee,
    assigneeRef: actorRefOf(r, 'assignee'),
    category: r.category,
    note: r.note,
    closedBy: r.closedBy,
    closedByRef: actorRefOf(r, 'closedBy'),
    closedAt: r.closedAt?.toISOString() ?? null,
    revision: r.revision,
    invocation: toInvocationDto(r.invocation),
    feedback: r.invocation.feedback.map(toFeedbackDto),
    versionLabels: r.promptName && r.promptVersion ? (labels.get(`${r.promptName}@${r.promptVersion}`) ?? []).sort() : [],
    datasets: datasets.get(r.invocationId) ?? [],
  };
}

type Cursor = [string, string];
const isCursor = (v: unknown): v is Cursor => Array.isArray(v) && v.length === 2 && typeof v[0] === 'string' && typeof v[1] === 'string' && !Number.isNaN(Date.parse(v[0]));

export async function listQueue(ctx: ServiceContext, rawQuery: unknown): Promise<QueuePage> {
  requirePermission(ctx.actor, 'feedback:review');
  const q = QueueQuerySchema.parse(rawQuery ?? {});
  const after = decodeCursor(q.cursor, isCursor);
  const asc = q.order === 'oldest';
  const and: Prisma.ReviewItemWhereInput[] = [{ status: q.status }];
  if (q.prompt) and.push({ promptName: q.prompt });
  if (q.version !== undefined) and.push({ promptVersion: q.version });
  if (q.modelId) and.push({ modelId: q.modelId });
  const now = Date.now();
  if (q.minAgeHours !== undefined) and.push({ enteredAt: { lte: new Date(now - q.minAgeHours * 3600_000) } });
  if (q.maxAgeHours !== undefined) and.push({ enteredAt: { gte: new Date(now - q.maxAgeHours * 3600_000) } });
  if (q.assignee === 'me') and.push(actorWhere('assignee', ctx.actor));
  if (q.assignee === 'unassigned') and.push({ assignee: null });
  if (after) {
    const at = new Date(after[0]);
    and.push({ OR: [{ enteredAt: asc ? { gt: at } : { lt: at } }, { enteredAt: at, invocationId: asc ? { gt: after[1] } : { lt: after[1] } }] });
  }
  const dir = asc ? 'asc' : 'desc';
  const rows = await ctx.db.reviewItem.findMany({ where: { AND: and }, orderBy: [{ enteredAt: dir }, { invocationId: dir }], take: q.limit + 1, include });
  const [labels, datasets] = await Promise.all([labelsByVersion(ctx, rows), datasetsByInvocation(ctx, rows)]);
  const page = toPage(rows, q.limit, (r) => toItemDto(r, labels, datasets), (r) => [r.enteredAt.toISOString(), r.invocationId]);
  return { ...page, counts: await queueCounts(ctx) };
}

export async function queueCounts(ctx: ServiceContext): Promise<QueueCounts> {
  requirePermission(ctx.actor, 'feedback:review');
  const startOfDay = new Date();
  startOfDay.setUTCHours(0, 0, 0, 0);
  const [open, resolvedToday, mine] = await Promise.all([
    ctx.db.reviewItem.count({ where: { status: 'open' } }),
    ctx.db.reviewItem.count({ where: { status: 'resolved', closedAt: { gte: startOfDay } } }),
    ctx.db.reviewItem.count({ where: { status: 'open', ...actorWhere('assignee', ctx.actor) } }),
  ]);
  return { open, resolvedToday, mine };
}

export async function getReviewItem(ctx: ServiceContext, invocationId: string): Promise<ReviewItemDto> {
  requirePermission(ctx.actor, 'feedback:review');
  const row = await ctx.db.reviewItem.findUnique({ where: { invocationId }, include });
  if (!row) throw notFound(`Review item for invocation ${invocationId}`);
  const [labels, datasets] = await Promise.all([labelsByVersion(ctx, [row]), datasetsByInvocation(ctx, [row])]);
  return toItemDto(row, labels, datasets);
}

/**
 * Applies a change only if the item is still open (and at the expected revision, when given):
 * of two reviewers acting at once, one wins and the other is told who did what.
 */
async function change(
  ctx: ServiceContext,
  invocationId: string,
  expectedRevision: number | undefined,
  data: Prisma.ReviewItemUpdateManyMutationInput,
  extra: Prisma.ReviewItemWhereInput = {},
): Promise<ReviewItemDto> {
  const where: Prisma.ReviewItemWhereInput = { invocationId, status: 'open', ...(expectedRevision !== undefined ? { revision: expectedRevision } : {}), ...extra };
  const { count } = await ctx.db.reviewItem.updateMany({ where, data: { ...data, revision: { increment: 1 } } });
  if (count === 0) {
    const current = await ctx.db.reviewItem.findUnique({ where: { invocationId } });
    if (!current) throw notFound(`Review item for invocation ${invocationId}`);
    const what =
      current.status === 'open'
        ? `was changed meanwhile${current.assignee ? ` (assigned to ${current.assignee})` : ''}`
        : `was already ${current.status} by ${current.closedBy ?? 'someone'}${current.category ? ` as ${categoryLabel(current.category)}` : ''}`;
    throw new AppError('conflict', `This item ${what}. Reload to see its current state.`, {
      status: current.status,
      closedBy: current.closedBy,
      closedByRef: actorRefOf(current, 'closedBy'),
      assignee: current.assignee,
      assigneeRef: actorRefOf(current, 'assignee'),
      revision: current.revision,
    });
  }
  return getReviewItem(ctx, invocationId);
}

export async function resolveItem(ctx: ServiceContext, invocationId: string, raw: unknown): Promise<ReviewItemDto> {
  requirePermission(ctx.actor, 'feedback:review');
  const input = ResolveSchema.parse(raw);
  return change(ctx, invocationId, input.expectedRevision, { status: 'resolved', category: input.category, note: input.note ?? null, ...actorColumns('closedBy', ctx.actor), closedAt: new Date() });
}

export async function dismissItem(ctx: ServiceContext, invocationId: string, raw: unknown): Promise<ReviewItemDto> {
  requirePermission(ctx.actor, 'feedback:review');
  const input = DismissSchema.parse(raw ?? {});
  return change(ctx, invocationId, input.expectedRevision, { status: 'dismissed', note: input.note ?? null, ...actorColumns('closedBy', ctx.actor), closedAt: new Date() });
}

export async function assignItem(ctx: ServiceContext, invocationId: string, raw: unknown): Promise<ReviewItemDto> {
  requirePermission(ctx.actor, 'feedback:review');
  const input = AssignSchema.parse(raw);
  // Taking an item someone else holds needs the revision you saw (you saw them holding it).
  const notTakenFromOthers: Prisma.ReviewItemWhereInput =
    input.assignee === 'me' && input.expectedRevision === undefined ? { OR: [{ assignee: null }, actorWhere('assignee', ctx.actor)] } : {};
  const assignee = input.assignee === 'me' ? actorColumns('assignee', ctx.actor) : noActorColumns('assignee');
  return change(ctx, invocationId, input.expectedRevision, assignee, notTakenFromOthers);
}

/**
 * Undo of a resolve or dismiss: the item is open again (category, note and who closed it are
 * cleared), unless someone changed it since (expectedRevision) or it is open already (409).
 */
export async function reopenItem(ctx: ServiceContext, invocationId: string, raw: unknown): Promise<ReviewItemDto> {
  requirePermission(ctx.actor, 'feedback:review');
  const input = ReopenSchema.parse(raw ?? {});
  const where: Prisma.ReviewItemWhereInput = { invocationId, status: { in: ['resolved', 'dismissed'] }, ...(input.expectedRevision !== undefined ? { revision: input.expectedRevision } : {}) };
  const { count } = await ctx.db.reviewItem.updateMany({ where, data: { status: 'open', category: null, note: null, ...noActorColumns('closedBy'), closedAt: null, revision: { increment: 1 } } });
  if (count === 0) {
    const current = await ctx.db.reviewItem.findUnique({ where: { invocationId } });
    if (!current) throw notFound(`Review item for invocation ${invocationId}`);
    const what = current.status === 'open' ? 'is open already' : 'was changed meanwhile';
    throw new AppError('conflict', `This item ${what}. Reload to see its current state.`, {
      status: current.status,
      closedBy: current.closedBy,
      closedByRef: actorRefOf(current, 'closedBy'),
      assignee: current.assignee,
      assigneeRef: actorRefOf(current, 'assignee'),
      revision: current.revision,
    });
  }
  return getReviewItem(ctx, invocationId);
}

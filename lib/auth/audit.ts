import { z } from 'zod';
import type { ServiceContext } from '../context';
import type { Prisma } from '../db/client';
import { decodeCursor, isInt4, PageQuerySchema, toPage, type Page } from '../pagination';
import { actorColumns, actorRefOf, ActorTypeSchema, NullableActorRefSchema, type ActingParty, type ActorType } from './actor-ref';
import { requirePermission } from './roles';

type Writer = Pick<Prisma.TransactionClient, 'auditEvent'>;

/** Records a change (users, keys, prices, prompt settings) for the audit trail, with its typed actor. */
export async function audit(db: Writer, actor: ActingParty, action: string, target: string, details?: Prisma.InputJsonValue): Promise<void> {
  await db.auditEvent.create({ data: { ...actorColumns('actor', actor), action, target, ...(details !== undefined ? { details } : {}) } });
}

/**
 * One audit entry as API.md's `GET /api/v1/audit` shows it: `actor` is `{type, id, display}`
 * (null when the instance itself did it, or for an entry from before typed actors that could
 * not be resolved); `actorDisplay` always names who it was.
 */
export const AuditEntrySchema = z
  .object({
    id: z.number().int(),
    at: z.iso.datetime(),
    actor: NullableActorRefSchema,
    actorDisplay: z.string(),
    action: z.string(),
    target: z.string(),
    details: z.unknown().nullable(),
  })
  .meta({ id: 'AuditEntry' });
export type AuditEntry = z.infer<typeof AuditEntrySchema>;

export const AuditQuerySchema = PageQuerySchema.extend({
  actor: z.string().max(120).optional().describe('A user or API key id, optionally typed: `user:<id>` or `api_key:<id>`.'),
  actorType: ActorTypeSchema.optional(),
  actorId: z.string().max(100).optional(),
  action: z.string().max(100).optional(),
  from: z.iso.datetime({ offset: true, message: 'from must be an ISO 8601 date-time.' }).optional(),
  to: z.iso.datetime({ offset: true, message: 'to must be an ISO 8601 date-time.' }).optional(),
});

type Row = { id: number; at: Date; actor: string; actorType: ActorType | null; actorId: string | null; action: string; target: string; details: Prisma.JsonValue | null };

export const toAuditEntry = (r: Row): AuditEntry => ({
  id: r.id,
  at: r.at.toISOString(),
  actor: actorRefOf(r, 'actor'),
  actorDisplay: r.actor,
  action: r.action,
  target: r.target,
  details: r.details ?? null,
});

/** The audit trail, newest first (admin): filter by typed actor, action and time; keyset pages. */
export async function auditEntries(ctx: ServiceContext, rawQuery: unknown): Promise<Page<AuditEntry>> {
  requirePermission(ctx.actor, 'admin');
  const q = AuditQuerySchema.parse(rawQuery ?? {});
  const before = decodeCursor(q.cursor, isInt4);
  const where: Prisma.AuditEventWhereInput = {};
  if (q.actorId !== undefined) where.actorId = q.actorId;
  if (q.actor) {
    const m = /^(user|api_key):(.+)$/.exec(q.actor);
    if (m) {
      where.actorType = m[1] as ActorType;
      where.actorId = m[2];
    } else where.actorId = q.actor;
  }
  if (q.actorType !== undefined) where.actorType = q.actorType;
  if (q.action !== undefined) where.action = q.action.endsWith('*') ? { startsWith: q.action.slice(0, -1) } : q.action;
  if (q.from || q.to) where.at = { ...(q.from ? { gte: new Date(q.from) } : {}), ...(q.to ? { lt: new Date(q.to) } : {}) };
  if (before !== undefined) where.id = { lt: before };
  const rows = await ctx.db.auditEvent.findMany({ where, orderBy: { id: 'desc' }, take: q.limit + 1 });
  return toPage(rows, q.limit, toAuditEntry, (r) => r.id);
}

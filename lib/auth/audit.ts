import type { Prisma } from '../db/client';
import type { Actor } from './roles';

type Writer = Pick<Prisma.TransactionClient, 'auditEvent'>;

/** Records an administrative change (users, keys) for the audit trail. */
export async function audit(db: Writer, actor: Pick<Actor, 'display'>, action: string, target: string, details?: Prisma.InputJsonValue): Promise<void> {
  await db.auditEvent.create({ data: { actor: actor.display, action, target, ...(details !== undefined ? { details } : {}) } });
}

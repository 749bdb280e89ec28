import type { ServiceContext } from '../context';
import { requirePermission } from '../auth/roles';
import { FIT_LOOKBACK_MS } from './fit-window';

export { fitWindow } from './fit-window';

/** When the first call or label move of the last 7 days happened (local log), or null. */
export async function firstActivity(ctx: ServiceContext, now = Date.now()): Promise<Date | null> {
  requirePermission(ctx.actor, 'catalog:read');
  const since = new Date(now - FIT_LOOKBACK_MS);
  const [call, move] = await Promise.all([
    ctx.db.invocation.findFirst({ where: { createdAt: { gte: since } }, orderBy: { createdAt: 'asc' }, select: { createdAt: true } }),
    ctx.db.labelEvent.findFirst({ where: { at: { gte: since } }, orderBy: { at: 'asc' }, select: { at: true } }),
  ]);
  const times = [call?.createdAt, move?.at].filter((d): d is Date => d instanceof Date).map((d) => d.getTime());
  return times.length ? new Date(Math.min(...times)) : null;
}

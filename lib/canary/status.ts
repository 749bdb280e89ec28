import type { ServiceContext } from '../context';
import { requirePermission } from '../auth/roles';
import { notFound } from '../errors';
import { LabelNameSchema } from '../catalog/schemas';
import { judge, sideFigures } from './figures';
import { CANARY_COLUMNS, canaryOf } from './lifecycle';
import type { CanaryDto, CanaryStatus } from './responses';

/** The guard window of a canary: its last windowSeconds, never before it started. */
export function guardWindow(c: CanaryDto, now: number): { from: Date; to: Date } {
  return { from: new Date(Math.max(new Date(c.startedAt).getTime(), now - c.guard.windowSeconds * 1000)), to: new Date(now) };
}

/** GET .../labels/{label}/canary: the canary, both sides' figures over the window, the guard's state. */
export async function canaryStatus(ctx: ServiceContext, name: string, label: string, now = Date.now()): Promise<CanaryStatus> {
  requirePermission(ctx.actor, 'catalog:read');
  if (!LabelNameSchema.safeParse(label).success) throw notFound(`Label "${label}"`);
  const row = await ctx.db.label.findFirst({ where: { name: label, prompt: { name } }, select: CANARY_COLUMNS });
  if (!row) throw notFound(`Label "${label}" of "${name}"`);
  const canary = canaryOf(row);
  if (!canary) return { canary: null, window: null, baseline: null, canarySide: null, guard: null };
  const window = guardWindow(canary, now);
  const f = await sideFigures(ctx.db, name, canary.baselineVersion, canary.version, window.from, window.to);
  return { canary, window: { from: window.from.toISOString(), to: window.to.toISOString() }, baseline: f.baseline, canarySide: f.canary, guard: judge(canary.guard, f.baseline, f.canary) };
}

import type { ServiceContext } from '../context';
import { requirePermission } from '../auth/roles';
import { notFound } from '../errors';
import { rollbackTarget } from './labels';
import type { LabelEventDto } from './dto';

/**
 * Read-only: for every label that has history, the version a rollback would move it to now
 * (null when there is nothing to roll back to). Uses the same rule as rollbackLabel, so the UI
 * can show "production: v3 → v2" before asking for confirmation.
 */
export async function rollbackPreview(ctx: ServiceContext, name: string): Promise<Record<string, number | null>> {
  requirePermission(ctx.actor, 'catalog:read');
  const p = await ctx.db.prompt.findUnique({ where: { name }, select: { id: true } });
  if (!p) throw notFound(`Prompt "${name}"`);
  const events = await ctx.db.labelEvent.findMany({
    where: { promptId: p.id },
    orderBy: { id: 'asc' },
    select: { label: true, action: true, toVersion: true },
  });
  const byLabel = new Map<string, { action: LabelEventDto['action']; toVersion: number | null }[]>();
  for (const e of events) {
    const list = byLabel.get(e.label) ?? [];
    list.push(e);
    byLabel.set(e.label, list);
  }
  const out: Record<string, number | null> = {};
  for (const [label, list] of [...byLabel].sort(([a], [b]) => a.localeCompare(b))) out[label] = rollbackTarget(list);
  return out;
}

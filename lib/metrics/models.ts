import type { ServiceContext } from '../context';
import { requirePermission } from '../auth/roles';

/** Distinct model IDs used by any prompt version (for the metrics model picker), sorted. */
export async function listVersionModelIds(ctx: ServiceContext): Promise<string[]> {
  requirePermission(ctx.actor, 'catalog:read');
  const rows = await ctx.db.promptVersion.findMany({ distinct: ['modelId'], select: { modelId: true }, orderBy: { modelId: 'asc' } });
  return rows.map((r) => r.modelId);
}

import type { ServiceContext } from '../context';
import { requirePermission } from '../auth/roles';
import { toCsv, toJsonl } from './formats';
import { ExportQuerySchema } from './schemas';
import { findDataset } from './service';

export const CONTENT_TYPES = { jsonl: 'application/x-ndjson; charset=utf-8', csv: 'text/csv; charset=utf-8' } as const;

export interface ExportFile {
  filename: string;
  contentType: string;
  body: string;
  revision: number;
}

/**
 * GET .../export?format=jsonl|csv: every example in the order added, as a file that import
 * reads back (CSV carries variables as text; JSON Lines keeps their JSON types). The file name
 * carries the revision it was taken at.
 */
export async function exportExamples(ctx: ServiceContext, idOrName: string, rawQuery: unknown): Promise<ExportFile> {
  requirePermission(ctx.actor, 'catalog:read');
  const { format } = ExportQuerySchema.parse(rawQuery ?? {});
  const d = await findDataset(ctx, idOrName);
  // One snapshot: the examples and the revision they make up are read in one transaction.
  const { rows, revision } = await ctx.db.$transaction(async (tx) => {
    const r = await tx.dataset.findUniqueOrThrow({ where: { id: d.id }, select: { revision: true } });
    const examples = await tx.datasetExample.findMany({ where: { datasetId: d.id }, orderBy: { seq: 'asc' }, select: { variables: true, expectedOutput: true, tags: true } });
    return { rows: examples, revision: r.revision };
  }, { isolationLevel: 'RepeatableRead' });
  const data = rows.map((r) => ({ variables: (r.variables ?? {}) as Record<string, unknown>, expectedOutput: r.expectedOutput, tags: r.tags ?? [] }));
  return {
    filename: `${d.name}-r${revision}.${format}`,
    contentType: CONTENT_TYPES[format],
    body: format === 'csv' ? toCsv(data) : toJsonl(data),
    revision,
  };
}

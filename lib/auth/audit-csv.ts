import type { ServiceContext } from '../context';
import { auditEntries, type AuditEntry } from './audit';

/** At most this many entries per export (newest first); narrow the filters for older ones. */
export const AUDIT_CSV_MAX_ROWS = 10_000;

const COLUMNS = ['at', 'actor_type', 'actor_id', 'actor', 'action', 'target', 'details'] as const;

/** One CSV field (RFC 4180), with formula-looking text neutralised for spreadsheets. */
export function csvField(v: string): string {
  const safe = /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

const row = (e: AuditEntry): string =>
  [e.at, e.actor?.type ?? '', e.actor?.id ?? '', e.actorDisplay, e.action, e.target, e.details === null ? '' : JSON.stringify(e.details)].map(csvField).join(',');

/** GET /api/v1/audit?format=csv: the same filters as the JSON list, every page up to the cap. */
export async function auditCsv(ctx: ServiceContext, rawQuery: Record<string, string>): Promise<string> {
  const lines: string[] = [COLUMNS.join(',')];
  let cursor: string | undefined;
  const { format: _format, limit: _limit, cursor: _cursor, ...filters } = rawQuery;
  void _format;
  void _limit;
  void _cursor;
  while (lines.length <= AUDIT_CSV_MAX_ROWS) {
    const page = await auditEntries(ctx, { ...filters, limit: '200', ...(cursor ? { cursor } : {}) });
    for (const e of page.items) lines.push(row(e));
    if (!page.nextCursor) break;
    cursor = page.nextCursor;
  }
  return `${lines.slice(0, AUDIT_CSV_MAX_ROWS + 1).join('\r\n')}\r\n`;
}

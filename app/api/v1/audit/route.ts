import { auditEntries } from '@/lib/auth/audit';
import { auditCsv } from '@/lib/auth/audit-csv';
import { handler } from '@/lib/http/handler';
import { json } from '@/lib/http/respond';

/** The audit trail (admin), newest first; `?format=csv` downloads it. */
export const GET = handler(async ({ ctx, query }) => {
  if (query.format === 'csv') {
    const body = await auditCsv(ctx, query);
    return new Response(body, {
      status: 200,
      headers: { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="promptdeck-audit-${new Date().toISOString().slice(0, 10)}.csv"`, 'cache-control': 'no-store' },
    });
  }
  const { format: _f, ...rest } = query;
  void _f;
  return json(await auditEntries(ctx, rest));
});

import { db } from '@/lib/db/client';
import { publicHandler } from '@/lib/http/handler';
import { json } from '@/lib/http/respond';
import { readiness } from '@/lib/ops/readiness';

/** Readiness: 200 when every check passes, 503 naming the failed ones. */
export const GET = publicHandler(async () => {
  const r = await readiness(db());
  return json(r, r.ready ? 200 : 503, { 'cache-control': 'no-store' });
});

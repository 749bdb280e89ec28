import { publicHandler } from '@/lib/http/handler';
import { json } from '@/lib/http/respond';
import { uptimeSeconds } from '@/lib/ops/lifecycle';

/** Liveness: answers while the process runs; touches nothing else. */
export const GET = publicHandler(async () => json({ status: 'ok', uptimeSeconds: uptimeSeconds() }, 200, { 'cache-control': 'no-store' }));

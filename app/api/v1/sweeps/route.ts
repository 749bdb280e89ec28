import { handler } from '@/lib/http/handler';
import { json } from '@/lib/http/respond';
import { createSweep, listSweeps } from '@/lib/experiments/sweeps';

export const GET = handler(async ({ ctx, query }) => json(await listSweeps(ctx, query)));

export const POST = handler(async ({ ctx, body }) => json(await createSweep(ctx, await body()), 202));

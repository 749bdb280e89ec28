import { handler } from '@/lib/http/handler';
import { json } from '@/lib/http/respond';
import { createExperiment, listExperiments } from '@/lib/experiments/service';

export const GET = handler(async ({ ctx, query }) => json(await listExperiments(ctx, query)));

export const POST = handler(async ({ ctx, body }) => json(await createExperiment(ctx, await body()), 202));

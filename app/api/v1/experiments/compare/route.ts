import { handler } from '@/lib/http/handler';
import { json } from '@/lib/http/respond';
import { compareExperiments } from '@/lib/experiments/compare';

export const GET = handler(async ({ ctx, query }) => json(await compareExperiments(ctx, query)));

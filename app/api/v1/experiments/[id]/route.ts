import { handler } from '@/lib/http/handler';
import { json } from '@/lib/http/respond';
import { getExperiment } from '@/lib/experiments/service';

export const GET = handler<{ id: string }>(async ({ ctx, params }) => json(await getExperiment(ctx, params.id)));

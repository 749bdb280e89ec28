import { handler } from '@/lib/http/handler';
import { json } from '@/lib/http/respond';
import { cancelExperiment } from '@/lib/experiments/service';

export const POST = handler<{ id: string }>(async ({ ctx, params }) => json(await cancelExperiment(ctx, params.id)));

import { handler } from '@/lib/http/handler';
import { json } from '@/lib/http/respond';
import { listResults } from '@/lib/experiments/service';

export const GET = handler<{ id: string }>(async ({ ctx, params, query }) => json(await listResults(ctx, params.id, query)));

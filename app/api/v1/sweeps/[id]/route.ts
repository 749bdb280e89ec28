import { handler } from '@/lib/http/handler';
import { json } from '@/lib/http/respond';
import { getSweep } from '@/lib/experiments/sweeps';

export const GET = handler<{ id: string }>(async ({ ctx, params }) => json(await getSweep(ctx, params.id)));

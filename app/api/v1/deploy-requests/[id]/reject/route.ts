import { handler } from '@/lib/http/handler';
import { json } from '@/lib/http/respond';
import { rejectDeployRequest } from '@/lib/releases/deploy-requests';

export const POST = handler<{ id: string }>(async ({ ctx, params, body }) => json(await rejectDeployRequest(ctx, params.id, await body())));

import { handler } from '@/lib/http/handler';
import { json } from '@/lib/http/respond';
import { approveDeployRequest } from '@/lib/releases/deploy-requests';

export const POST = handler<{ id: string }>(async ({ ctx, params, body }) => json(await approveDeployRequest(ctx, params.id, await body())));

import { handler } from '@/lib/http/handler';
import { json } from '@/lib/http/respond';
import { createDeployRequest } from '@/lib/releases/deploy-requests';

export const POST = handler<{ name: string }>(async ({ ctx, params, body }) => json(await createDeployRequest(ctx, params.name, await body()), 201));

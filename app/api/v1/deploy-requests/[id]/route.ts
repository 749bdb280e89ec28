import { handler } from '@/lib/http/handler';
import { json } from '@/lib/http/respond';
import { getDeployRequest } from '@/lib/releases/deploy-requests';

export const GET = handler<{ id: string }>(async ({ ctx, params }) => json(await getDeployRequest(ctx, params.id)));

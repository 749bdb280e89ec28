import { handler } from '@/lib/http/handler';
import { json } from '@/lib/http/respond';
import { listDeployRequests } from '@/lib/releases/deploy-requests';

export const GET = handler(async ({ ctx, query }) => json(await listDeployRequests(ctx, query)));

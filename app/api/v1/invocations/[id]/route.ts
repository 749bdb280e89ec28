import { handler } from '@/lib/http/handler';
import { json } from '@/lib/http/respond';
import { getInvocation } from '@/lib/invocations/queries';

export const GET = handler<{ id: string }>(async ({ ctx, params }) => json(await getInvocation(ctx, params.id)));

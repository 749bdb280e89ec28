import { handler } from '@/lib/http/handler';
import { json } from '@/lib/http/respond';
import { listLabelPolicies } from '@/lib/releases/policies';

export const GET = handler<{ name: string }>(async ({ ctx, params }) => json({ items: await listLabelPolicies(ctx, params.name), nextCursor: null }));

import { getReviewItem } from '@/lib/feedback/queue';
import { handler } from '@/lib/http/handler';
import { json } from '@/lib/http/respond';

export const GET = handler<{ id: string }>(async ({ ctx, params }) => json(await getReviewItem(ctx, params.id)));

import { listQueue } from '@/lib/feedback/queue';
import { handler } from '@/lib/http/handler';
import { json } from '@/lib/http/respond';

/** Review queue items (open by default, oldest first) with counts: open, resolved today, mine. */
export const GET = handler(async ({ ctx, query }) => json(await listQueue(ctx, query)));

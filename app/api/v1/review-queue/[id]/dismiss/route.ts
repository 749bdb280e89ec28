import { dismissItem } from '@/lib/feedback/queue';
import { handler } from '@/lib/http/handler';
import { json } from '@/lib/http/respond';

/** 409 when another reviewer acted on the item first. */
export const POST = handler<{ id: string }>(async ({ ctx, params, body }) => json(await dismissItem(ctx, params.id, await body())));

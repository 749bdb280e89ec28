import { handler } from '@/lib/http/handler';
import { json } from '@/lib/http/respond';
import { createWebhook, listWebhooks } from '@/lib/webhooks/service';

export const GET = handler(async ({ ctx, query }) => json(await listWebhooks(ctx, query)));

/** The signing secret is in this response only. */
export const POST = handler(async ({ ctx, body }) => json(await createWebhook(ctx, await body()), 201));

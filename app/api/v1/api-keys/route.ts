import { createApiKey, pageApiKeys } from '@/lib/auth/api-keys';
import { handler } from '@/lib/http/handler';
import { json } from '@/lib/http/respond';

export const GET = handler(async ({ ctx, query }) => json(await pageApiKeys(ctx, query)));

/** The key itself is in this response only. */
export const POST = handler(async ({ ctx, body }) => json(await createApiKey(ctx, await body()), 201));

import { quotaHeadroom } from '@/lib/bedrock-catalog/headroom';
import { handler } from '@/lib/http/handler';
import { json } from '@/lib/http/respond';

/** Per model: the busiest minute against the account's quotas. */
export const GET = handler(async ({ ctx, query }) => json(await quotaHeadroom(ctx, query)));

import { legacyUsage } from '@/lib/bedrock-catalog/models';
import { handler } from '@/lib/http/handler';
import { json } from '@/lib/http/respond';

/** Labels that serve a LEGACY model, soonest end of life first. */
export const GET = handler(async ({ ctx, query }) => json(await legacyUsage(ctx, query)));

import { listModels } from '@/lib/bedrock-catalog/models';
import { handler } from '@/lib/http/handler';
import { json } from '@/lib/http/respond';

/** The model catalog from Bedrock (foundation models, inference profiles), cached. */
export const GET = handler(async ({ ctx, query }) => json(await listModels(ctx, query)));

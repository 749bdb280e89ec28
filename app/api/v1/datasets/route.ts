import { createDataset, pageDatasets } from '@/lib/datasets/service';
import { handler } from '@/lib/http/handler';
import { json } from '@/lib/http/respond';

export const GET = handler(async ({ ctx, query }) => json(await pageDatasets(ctx, query)));

export const POST = handler(async ({ ctx, body }) => json(await createDataset(ctx, await body()), 201));

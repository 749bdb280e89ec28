import { createDataset, listDatasets } from '@/lib/feedback/datasets';
import { handler } from '@/lib/http/handler';
import { json } from '@/lib/http/respond';

export const GET = handler(async ({ ctx }) => json({ items: await listDatasets(ctx), nextCursor: null }));

export const POST = handler(async ({ ctx, body }) => json(await createDataset(ctx, await body()), 201));

import { getDataset } from '@/lib/feedback/datasets';
import { handler } from '@/lib/http/handler';
import { json } from '@/lib/http/respond';

/** A dataset (by id or name) with its newest examples. */
export const GET = handler<{ dataset: string }>(async ({ ctx, params }) => json(await getDataset(ctx, params.dataset)));

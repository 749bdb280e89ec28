import { deleteDataset, getDataset, updateDataset } from '@/lib/datasets/service';
import { handler } from '@/lib/http/handler';
import { json } from '@/lib/http/respond';

/** A dataset (by id or name) with its first examples. */
export const GET = handler<{ dataset: string }>(async ({ ctx, params }) => json(await getDataset(ctx, params.dataset)));

export const PATCH = handler<{ dataset: string }>(async ({ ctx, params, body }) => json(await updateDataset(ctx, params.dataset, await body())));

export const DELETE = handler<{ dataset: string }>(async ({ ctx, params }) => {
  await deleteDataset(ctx, params.dataset);
  return new Response(null, { status: 204 });
});

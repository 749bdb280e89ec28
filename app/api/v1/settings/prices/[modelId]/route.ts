import { resetPrice, setPrice } from '@/lib/aws/pricing';
import { handler } from '@/lib/http/handler';
import { json } from '@/lib/http/respond';
import { segment } from '@/lib/http/pages';

/** Admin: set the price of a model (`modelId` URL-encoded in the path). */
export const PUT = handler<{ modelId: string }>(async ({ ctx, params, body }) => json(await setPrice(ctx, segment(params.modelId), await body())));

/** Admin: drop the custom price (back to the built-in one, or none). */
export const DELETE = handler<{ modelId: string }>(async ({ ctx, params }) => {
  await resetPrice(ctx, segment(params.modelId));
  return new Response(null, { status: 204 });
});

import { resetPrice, setPrice } from '@/lib/aws/pricing';
import { handler } from '@/lib/http/handler';
import { json } from '@/lib/http/respond';

/** Admin: set the price of a model (`modelId` URL-encoded in the path; Next decodes it). */
export const PUT = handler<{ modelId: string }>(async ({ ctx, params, body }) => json(await setPrice(ctx, params.modelId, await body())));

/** Admin: drop the custom price (back to the built-in one, or none). */
export const DELETE = handler<{ modelId: string }>(async ({ ctx, params }) => {
  await resetPrice(ctx, params.modelId);
  return new Response(null, { status: 204 });
});

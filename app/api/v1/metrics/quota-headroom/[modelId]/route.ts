import { setQuotaOverride } from '@/lib/bedrock-catalog/overrides';
import { handler } from '@/lib/http/handler';
import { json } from '@/lib/http/respond';
import { segment } from '@/lib/http/pages';

/** Admin: set a model's quotas by hand (`modelId` URL-encoded); both null removes the override (204). */
export const PUT = handler<{ modelId: string }>(async ({ ctx, params, body }) => {
  const set = await setQuotaOverride(ctx, segment(params.modelId), await body());
  return set ? json(set) : new Response(null, { status: 204 });
});

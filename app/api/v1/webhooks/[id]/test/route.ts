import { handler } from '@/lib/http/handler';
import { NoBodySchema } from '@/lib/http/no-body';
import { json } from '@/lib/http/respond';
import { sendTestEvent } from '@/lib/webhooks/service';

/** Queues a `webhook.test` delivery; it arrives (and shows in the deliveries log) moments later. */
export const POST = handler<{ id: string }>(async ({ ctx, params, body }) => {
  NoBodySchema.parse(await body());
  return json(await sendTestEvent(ctx, params.id), 202);
});

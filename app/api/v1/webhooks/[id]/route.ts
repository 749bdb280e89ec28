import { handler } from '@/lib/http/handler';
import { deleteWebhook } from '@/lib/webhooks/service';

export const DELETE = handler<{ id: string }>(async ({ ctx, params }) => {
  await deleteWebhook(ctx, params.id);
  return new Response(null, { status: 204 });
});

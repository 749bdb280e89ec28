import { handler } from '@/lib/http/handler';
import { json } from '@/lib/http/respond';
import { webhookDeliveries } from '@/lib/webhooks/service';

export const GET = handler<{ id: string }>(async ({ ctx, params, query }) => json(await webhookDeliveries(ctx, params.id, query)));

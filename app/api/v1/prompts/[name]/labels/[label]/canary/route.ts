import { startCanary, stopCanary } from '@/lib/canary/service';
import { canaryStatus } from '@/lib/canary/status';
import { handler } from '@/lib/http/handler';
import { json } from '@/lib/http/respond';

export const GET = handler<{ name: string; label: string }>(async ({ ctx, params }) => json(await canaryStatus(ctx, params.name, params.label)));

export const PUT = handler<{ name: string; label: string }>(async ({ ctx, params, body }) => json(await startCanary(ctx, params.name, params.label, await body())));

/** `?reason=` is optional. */
export const DELETE = handler<{ name: string; label: string }>(async ({ ctx, params, query }) => json(await stopCanary(ctx, params.name, params.label, query)));

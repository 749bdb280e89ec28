import { promoteCanary } from '@/lib/canary/service';
import { handler } from '@/lib/http/handler';
import { json } from '@/lib/http/respond';

export const POST = handler<{ name: string; label: string }>(async ({ ctx, params, body }) => json(await promoteCanary(ctx, params.name, params.label, await body())));

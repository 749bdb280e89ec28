import { renderVersion } from '@/lib/catalog/versions';
import { handler } from '@/lib/http/handler';
import { json } from '@/lib/http/respond';

export const POST = handler<{ name: string }>(async ({ ctx, params, body }) => json(await renderVersion(ctx, params.name, await body())));

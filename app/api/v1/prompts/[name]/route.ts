import { updatePrompt } from '@/lib/catalog/prompts';
import { handler } from '@/lib/http/handler';
import { json } from '@/lib/http/respond';
import { servePrompt } from '@/lib/serving/serve';

/** The serving path: the version `production` (or ?label= / ?version=) points at. */
export const GET = handler<{ name: string }>(async ({ req, ctx, params, query }) => {
  const served = await servePrompt(ctx, params.name, query, req.headers.get('if-none-match'));
  const headers = { etag: served.etag, 'cache-control': 'private, no-cache' };
  if (served.status === 304) return new Response(null, { status: 304, headers });
  return new Response(served.body, { status: 200, headers: { ...headers, 'content-type': 'application/json; charset=utf-8' } });
});

/** Extension: change a prompt's description or tags. */
export const PATCH = handler<{ name: string }>(async ({ ctx, params, body }) => json(await updatePrompt(ctx, params.name, await body())));

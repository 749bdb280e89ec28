import { deletePrompt, updatePrompt } from '@/lib/catalog/prompts';
import { handler } from '@/lib/http/handler';
import { json } from '@/lib/http/respond';
import { handleServeRequest } from '@/lib/serving/serve';
import { observeServe } from '@/lib/ops/metrics';

/**
 * The serving path: the version `production` (or ?label= / ?version=) points at. In production
 * the server's fast path (lib/server/fast-path.ts) answers this route with the same function
 * before Next's router; this handler serves it in every other setting.
 */
export async function GET(req: Request, route: { params: Promise<{ name: string }> }): Promise<Response> {
  const t0 = performance.now();
  const { name } = await route.params;
  const r = await handleServeRequest(req, name, Object.fromEntries(new URL(req.url).searchParams));
  observeServe(req.method, r.status, (performance.now() - t0) / 1000);
  return new Response(r.body, { status: r.status, headers: r.headers });
}

/** Extension: change a prompt's description or tags, archive or restore it. */
export const PATCH = handler<{ name: string }>(async ({ ctx, params, body }) => json(await updatePrompt(ctx, params.name, await body())));

/** Extension: delete a prompt no label points into (409 prompt_in_use otherwise). */
export const DELETE = handler<{ name: string }>(async ({ ctx, params }) => {
  await deletePrompt(ctx, params.name);
  return new Response(null, { status: 204 });
});

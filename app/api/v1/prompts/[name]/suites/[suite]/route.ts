import { handler } from '@/lib/http/handler';
import { json } from '@/lib/http/respond';
import { deleteSuite, getSuite, putSuite } from '@/lib/experiments/suites';

type P = { name: string; suite: string };

export const GET = handler<P>(async ({ ctx, params }) => json(await getSuite(ctx, params.name, params.suite)));

export const PUT = handler<P>(async ({ ctx, params, body }) => {
  const r = await putSuite(ctx, params.name, params.suite, await body());
  return json(r.suite, r.created ? 201 : 200);
});

export const DELETE = handler<P>(async ({ ctx, params }) => {
  await deleteSuite(ctx, params.name, params.suite);
  return new Response(null, { status: 204 });
});

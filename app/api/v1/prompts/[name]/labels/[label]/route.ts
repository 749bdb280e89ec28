import { moveLabel, removeLabel } from '@/lib/catalog/labels';
import { RemoveLabelQuerySchema } from '@/lib/catalog/schemas';
import { handler } from '@/lib/http/handler';
import { json } from '@/lib/http/respond';

export const PUT = handler<{ name: string; label: string }>(async ({ ctx, params, body }) =>
  json(await moveLabel(ctx, params.name, params.label, await body())),
);

/** `?reason=` and `?expectedVersion=` are optional extensions. */
export const DELETE = handler<{ name: string; label: string }>(async ({ ctx, params, query }) => {
  await removeLabel(ctx, params.name, params.label, RemoveLabelQuerySchema.parse(query));
  return new Response(null, { status: 204 });
});

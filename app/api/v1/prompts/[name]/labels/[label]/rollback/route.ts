import { rollbackLabel } from '@/lib/catalog/labels';
import { handler } from '@/lib/http/handler';
import { json } from '@/lib/http/respond';

export const POST = handler<{ name: string; label: string }>(async ({ ctx, params, body }) =>
  json(await rollbackLabel(ctx, params.name, params.label, await body())),
);

import { labelHistory } from '@/lib/catalog/labels';
import { handler } from '@/lib/http/handler';
import { json } from '@/lib/http/respond';

export const GET = handler<{ name: string; label: string }>(async ({ ctx, params, query }) =>
  json(await labelHistory(ctx, params.name, params.label, query)),
);

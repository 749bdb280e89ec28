import { getVersion } from '@/lib/catalog/versions';
import { handler } from '@/lib/http/handler';
import { json } from '@/lib/http/respond';

export const GET = handler<{ name: string; version: string }>(async ({ ctx, params }) =>
  json(await getVersion(ctx, params.name, /^\d{1,10}$/.test(params.version) ? Number(params.version) : NaN)),
);

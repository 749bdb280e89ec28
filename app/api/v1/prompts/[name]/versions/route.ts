import { createVersion, listVersions } from '@/lib/catalog/versions';
import { handler } from '@/lib/http/handler';
import { json } from '@/lib/http/respond';

export const GET = handler<{ name: string }>(async ({ ctx, params, query }) => json(await listVersions(ctx, params.name, query)));

/** 201 with the new version; 200 with the parent (`created: false`) when nothing changed. */
export const POST = handler<{ name: string }>(async ({ ctx, params, body }) => {
  const v = await createVersion(ctx, params.name, await body());
  return json(v, v.created ? 201 : 200);
});

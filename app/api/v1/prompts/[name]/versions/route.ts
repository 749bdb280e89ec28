import { createVersion, listVersions } from '@/lib/catalog/versions';
import { handler } from '@/lib/http/handler';
import { json } from '@/lib/http/respond';

export const GET = handler<{ name: string }>(async ({ ctx, params, query }) => json(await listVersions(ctx, params.name, query)));

export const POST = handler<{ name: string }>(async ({ ctx, params, body }) => json(await createVersion(ctx, params.name, await body()), 201));

import { handler } from '@/lib/http/handler';
import { json } from '@/lib/http/respond';
import { ingestInvocations } from '@/lib/invocations/ingest';
import { listInvocations } from '@/lib/invocations/queries';

export const GET = handler(async ({ ctx, query }) => json(await listInvocations(ctx, query)));

/** One record or {items: [...]} (at most 1000), all-or-nothing. */
export const POST = handler(async ({ ctx, body }) => json(await ingestInvocations(ctx, await body()), 202));

import { listLabels } from '@/lib/catalog/labels';
import { handler } from '@/lib/http/handler';
import { json } from '@/lib/http/respond';

/** Extension: every label of the prompt, including the automatic `latest` (one page: a prompt has few labels). */
export const GET = handler<{ name: string }>(async ({ ctx, params }) => json({ items: await listLabels(ctx, params.name), nextCursor: null }));

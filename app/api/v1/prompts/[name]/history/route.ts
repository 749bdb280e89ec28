import { labelHistory } from '@/lib/catalog/labels';
import { handler } from '@/lib/http/handler';
import { json } from '@/lib/http/respond';

/** Extension: the label history of every label of the prompt, newest first. */
export const GET = handler<{ name: string }>(async ({ ctx, params, query }) => json(await labelHistory(ctx, params.name, undefined, query)));

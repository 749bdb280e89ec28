import { addExample } from '@/lib/feedback/datasets';
import { handler } from '@/lib/http/handler';
import { json } from '@/lib/http/respond';

/** Adds a ground-truth example: variables and the expected output. */
export const POST = handler<{ dataset: string }>(async ({ ctx, params, body }) => json(await addExample(ctx, params.dataset, await body()), 201));

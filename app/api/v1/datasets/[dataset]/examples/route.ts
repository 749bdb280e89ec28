import { addExamples, pageExamples } from '@/lib/datasets/examples';
import { handler } from '@/lib/http/handler';
import { json } from '@/lib/http/respond';

export const GET = handler<{ dataset: string }>(async ({ ctx, params, query }) => json(await pageExamples(ctx, params.dataset, query)));

/** One example or {items: [...]} (at most 1000), all or nothing. */
export const POST = handler<{ dataset: string }>(async ({ ctx, params, body }) => json(await addExamples(ctx, params.dataset, await body()), 201));

import { addFromInvocations } from '@/lib/datasets/from-invocations';
import { handler } from '@/lib/http/handler';
import { json } from '@/lib/http/respond';

/** Logged invocations as examples (the Logs page's "Add to dataset"). */
export const POST = handler<{ dataset: string }>(async ({ ctx, params, body }) => json(await addFromInvocations(ctx, params.dataset, await body()), 201));

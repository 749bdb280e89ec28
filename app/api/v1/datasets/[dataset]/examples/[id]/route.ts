import { deleteExample, updateExample } from '@/lib/datasets/examples';
import { handler } from '@/lib/http/handler';
import { json } from '@/lib/http/respond';

type P = { dataset: string; id: string };

export const PATCH = handler<P>(async ({ ctx, params, body }) => json(await updateExample(ctx, params.dataset, params.id, await body())));

export const DELETE = handler<P>(async ({ ctx, params }) => json(await deleteExample(ctx, params.dataset, params.id)));

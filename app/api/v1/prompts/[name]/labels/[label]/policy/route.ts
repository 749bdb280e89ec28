import { handler } from '@/lib/http/handler';
import { json } from '@/lib/http/respond';
import { getLabelPolicy, putLabelPolicy } from '@/lib/releases/policies';

export const GET = handler<{ name: string; label: string }>(async ({ ctx, params }) => json(await getLabelPolicy(ctx, params.name, params.label)));

export const PUT = handler<{ name: string; label: string }>(async ({ ctx, params, body }) => json(await putLabelPolicy(ctx, params.name, params.label, await body())));

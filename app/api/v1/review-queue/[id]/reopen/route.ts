import { reopenItem } from '@/lib/feedback/queue';
import { handler } from '@/lib/http/handler';
import { json } from '@/lib/http/respond';

/** Undo a resolve or dismiss; 409 when the item changed since or is open already. */
export const POST = handler<{ id: string }>(async ({ ctx, params, body }) => json(await reopenItem(ctx, params.id, await body())));

import { submitFeedback } from '@/lib/feedback/votes';
import { handler } from '@/lib/http/handler';
import { json } from '@/lib/http/respond';

/** Thumbs up (1) or down (-1), optional comment and userRef; the same userRef voting again replaces its vote. */
export const POST = handler<{ id: string }>(async ({ ctx, params, body }) => json(await submitFeedback(ctx, params.id, await body()), 201));

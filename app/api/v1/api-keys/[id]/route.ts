import { revokeApiKey } from '@/lib/auth/api-keys';
import { handler } from '@/lib/http/handler';
import { json } from '@/lib/http/respond';

/** Revokes the key (it stays listed, marked revoked). */
export const DELETE = handler<{ id: string }>(async ({ ctx, params }) => json(await revokeApiKey(ctx, params.id)));

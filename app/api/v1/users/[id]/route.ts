import { updateUser } from '@/lib/auth/users';
import { handler } from '@/lib/http/handler';
import { json } from '@/lib/http/respond';

/** Change a user's role, disable or re-enable them, or set a new password. */
export const PATCH = handler<{ id: string }>(async ({ ctx, params, body }) => json(await updateUser(ctx, params.id, await body())));

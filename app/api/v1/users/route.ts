import { createUser, listUsers } from '@/lib/auth/users';
import { handler } from '@/lib/http/handler';
import { json } from '@/lib/http/respond';

export const GET = handler(async ({ ctx }) => json({ items: await listUsers(ctx), nextCursor: null }));

export const POST = handler(async ({ ctx, body }) => json(await createUser(ctx, await body()), 201));

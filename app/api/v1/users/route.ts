import { createUser, pageUsers } from '@/lib/auth/users';
import { handler } from '@/lib/http/handler';
import { json } from '@/lib/http/respond';

export const GET = handler(async ({ ctx, query }) => json(await pageUsers(ctx, query)));

export const POST = handler(async ({ ctx, body }) => json(await createUser(ctx, await body()), 201));

import { sessionCookieHeader } from '@/lib/auth/cookies';
import { createSession } from '@/lib/auth/sessions';
import { createFirstAdmin } from '@/lib/auth/users';
import { db } from '@/lib/db/client';
import { publicHandler, readJson } from '@/lib/http/handler';
import { json } from '@/lib/http/respond';

/** First run: creates the first admin (only while there is no user) and signs them in. */
export const POST = publicHandler(async ({ req }) => {
  const user = await createFirstAdmin(db(), await readJson(req));
  const { cookieValue, maxAge } = await createSession(db(), user.id);
  return json({ user }, 201, { 'set-cookie': sessionCookieHeader(req, cookieValue, maxAge) });
});

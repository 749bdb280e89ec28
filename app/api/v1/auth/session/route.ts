import { clearSessionCookieHeader, sessionCookieHeader } from '@/lib/auth/cookies';
import { actorRefFor } from '@/lib/auth/actor-ref';
import { sessionCookieFrom } from '@/lib/auth/request';
import { createSession, destroySession } from '@/lib/auth/sessions';
import { verifyLogin } from '@/lib/auth/users';
import { db } from '@/lib/db/client';
import { clientAddressOf } from '@/lib/http/client-address';
import { handler, publicHandler, readJson } from '@/lib/http/handler';
import { json } from '@/lib/http/respond';

/** Sign in with email and password: sets the session cookie. */
export const POST = publicHandler(async ({ req }) => {
  const user = await verifyLogin(db(), await readJson(req), clientAddressOf(req));
  const { cookieValue, maxAge } = await createSession(db(), user.id);
  return json({ user }, 200, { 'set-cookie': sessionCookieHeader(req, cookieValue, maxAge) });
});

/** Who am I (session or API key). */
export const GET = handler(async ({ ctx }) => json({ actor: ctx.actor, actorRef: actorRefFor(ctx.actor) }));

/** Sign out: ends the session everywhere and clears the cookie. */
export const DELETE = publicHandler(async ({ req }) => {
  await destroySession(db(), sessionCookieFrom(req));
  return new Response(null, { status: 204, headers: { 'set-cookie': clearSessionCookieHeader(req) } });
});

import 'server-only';
import { cookies, headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { safeNext } from '../client/safe-next';
import { db } from '../db/client';
import { env } from '../env';
import type { ServiceContext } from '../context';
import { SESSION_COOKIE, userFromSessionCookie, type SessionUser } from './sessions';
import { can } from './roles';
import { PATH_HEADER, routeRule, type RouteRule } from './route-access';
import { needsSetup } from './users';

/** For server components: the signed-in user, or null. */
export async function getSessionUser(): Promise<SessionUser | null> {
  const value = (await cookies()).get(SESSION_COOKIE)?.value;
  return userFromSessionCookie(db(), value);
}

/** The page this request asked for (path and query), as the proxy recorded it. */
export async function requestedPath(): Promise<string | null> {
  return (await headers()).get(PATH_HEADER);
}

/**
 * For console pages: the user, or a redirect to sign-in that comes back to the page asked for
 * (or to first-run setup when nobody exists).
 */
export async function requireUser(): Promise<SessionUser> {
  const user = await getSessionUser();
  if (user) return user;
  if (await needsSetup(db())) redirect('/setup');
  const path = await requestedPath();
  const back = path ? safeNext(path) : '/prompts';
  redirect(back === '/prompts' ? '/login' : `/login?next=${encodeURIComponent(back)}`);
}

/** The rule that keeps this user off the requested page, if one does. */
export async function deniedRule(user: SessionUser): Promise<RouteRule | null> {
  const rule = routeRule(await requestedPath());
  return rule && !can(user.actor, rule.need) ? rule : null;
}

/** Service context for the signed-in user (server components). */
export async function pageContext(): Promise<{ user: SessionUser; ctx: ServiceContext }> {
  const user = await requireUser();
  return { user, ctx: { db: db(), actor: user.actor } };
}

/** Whether this instance runs on the embedded database (the UI says so). */
export function isEmbeddedDatabase(): boolean {
  return env().PROMPTDECK_EMBEDDED_DB === '1';
}

/** Whether Bedrock and CloudWatch calls go to the local AWS stand-in (the UI says so). */
export function isSimulatedAws(): boolean {
  return env().PROMPTDECK_AWS_SIMULATED === '1';
}

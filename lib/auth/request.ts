import { db as defaultDb, type Db } from '../db/client';
import { AppError } from '../errors';
import { authenticateApiKey } from './api-keys';
import type { Actor } from './roles';
import { SESSION_COOKIE, userFromSessionCookie } from './sessions';

function cookieFrom(header: string | null, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const i = part.indexOf('=');
    if (i > 0 && part.slice(0, i).trim() === name) {
      try {
        return decodeURIComponent(part.slice(i + 1).trim());
      } catch {
        return undefined; // a mangled cookie is no session
      }
    }
  }
  return undefined;
}

export interface HeaderReader {
  get(name: string): string | null;
}

export const sessionCookieFrom = (req: { headers: HeaderReader }) => cookieFrom(req.headers.get('cookie'), SESSION_COOKIE);

/** Who is calling: a Bearer API key, else the browser session. Throws 401 when neither. */
export async function actorFromRequest(req: { headers: HeaderReader }, database: Db = defaultDb()): Promise<Actor> {
  const authz = req.headers.get('authorization');
  if (authz) {
    const m = /^Bearer\s+(\S+)\s*$/i.exec(authz);
    if (!m?.[1]) throw new AppError('unauthorized', 'The Authorization header must be "Bearer <api key>".');
    const actor = await authenticateApiKey(database, m[1]);
    if (!actor) throw new AppError('unauthorized', 'Unknown or revoked API key.');
    return actor;
  }
  const user = await userFromSessionCookie(database, sessionCookieFrom(req));
  if (!user) throw new AppError('unauthorized', 'Sign in, or send an API key as "Authorization: Bearer <key>".');
  return user.actor;
}

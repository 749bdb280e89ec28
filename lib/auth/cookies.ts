import { env } from '../env';
import { SESSION_COOKIE } from './sessions';

/** Secure unless configured otherwise or the request came over plain http (local use). */
function secure(req: Request): boolean {
  const mode = env().PROMPTDECK_SECURE_COOKIES;
  if (mode !== 'auto') return mode === 'true';
  const proto = req.headers.get('x-forwarded-proto') ?? new URL(req.url).protocol.replace(':', '');
  return proto === 'https';
}

export function sessionCookieHeader(req: Request, value: string, maxAge: number): string {
  const parts = [`${SESSION_COOKIE}=${encodeURIComponent(value)}`, 'Path=/', 'HttpOnly', 'SameSite=Lax', `Max-Age=${maxAge}`];
  if (secure(req)) parts.push('Secure');
  return parts.join('; ');
}

export const clearSessionCookieHeader = (req: Request) => sessionCookieHeader(req, '', 0);

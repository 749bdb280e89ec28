import { NextResponse, type NextRequest } from 'next/server';
import { PATH_HEADER } from './lib/auth/route-access';
import { env } from './lib/env';
import { contentSecurityPolicy, newNonce } from './lib/http/csp';

/**
 * Next.js Proxy (formerly middleware), for pages:
 * - a per-request CSP nonce. Next reads the policy from the request headers and puts the nonce
 *   on its scripts; the root layout passes it on to next-themes (x-nonce). API routes and static
 *   files do not run through here; their other security headers come from next.config.js.
 * - which page was asked for (Next does not tell server components): the console layout uses
 *   it to answer 403 for a page the role may not open, and to send a signed-out visitor back
 *   to it after sign-in. Always overwritten, so a client cannot choose it.
 */
export function proxy(request: NextRequest) {
  const nonce = newNonce();
  const csp = contentSecurityPolicy(nonce, env().NODE_ENV === 'development');
  const headers = new Headers(request.headers);
  headers.set('x-nonce', nonce);
  headers.set('content-security-policy', csp);
  headers.set(PATH_HEADER, `${request.nextUrl.pathname}${request.nextUrl.search}`);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set('content-security-policy', csp);
  return response;
}

export const config = {
  matcher: [
    {
      source: '/((?!api/|_next/static|_next/image|favicon.ico|icon.svg).*)',
      missing: [
        { type: 'header', key: 'next-router-prefetch' },
        { type: 'header', key: 'purpose', value: 'prefetch' },
      ],
    },
  ],
};

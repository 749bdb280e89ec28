import { NextResponse, type NextRequest } from 'next/server';
import { PATH_HEADER } from './lib/auth/route-access';

/**
 * Tells server components which page was asked for (Next does not): the console layout uses it
 * to answer 403 for a page the role may not open, and to send a signed-out visitor back to it
 * after sign-in. Always overwritten, so a client cannot choose it.
 */
export function proxy(req: NextRequest) {
  const headers = new Headers(req.headers);
  headers.set(PATH_HEADER, `${req.nextUrl.pathname}${req.nextUrl.search}`);
  return NextResponse.next({ request: { headers } });
}

export const config = {
  // Pages only: not the API (it authenticates per request), not Next's assets.
  matcher: ['/((?!api/|_next/|favicon\\.ico|icon\\.svg).*)'],
};

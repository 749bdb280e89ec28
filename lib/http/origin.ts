import { env } from '../env';
import { AppError } from '../errors';

/**
 * Cross-site request forgery defence for cookie-authenticated requests. A browser tells where a
 * request comes from with `Sec-Fetch-Site` (every current browser) and `Origin` (every browser
 * on every POST/PUT/PATCH/DELETE); a page on another site or another port cannot forge either.
 *
 * - `Sec-Fetch-Site` present: only `same-origin` passes (`same-site` is another port or
 *   subdomain, `cross-site` another site, `none` a typed URL or bookmark, which never mutates).
 * - else `Origin` present: it must be the app's own origin (scheme, host and port).
 * - neither: not a browser. Cookie-authenticated mutations are refused (use an API key);
 *   sign-in and first-run setup are allowed (scripts may sign in).
 *
 * The app's origin is PROMPTDECK_PUBLIC_URL when set, else the request's Host header with
 * http (or X-Forwarded-Proto / X-Forwarded-Host when PROMPTDECK_TRUST_PROXY > 0; the front
 * server, lib/server/http-server.ts, drops those headers from untrusted clients).
 */
export interface RequestLike {
  url: string;
  method: string;
  headers: { get(name: string): string | null };
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
export const isSafeMethod = (method: string) => SAFE_METHODS.has(method.toUpperCase());

const first = (v: string | null) => v?.split(',')[0]?.trim() || null;

/** Normalised origin (`scheme://host[:port]`, default port dropped), or null if not a URL. */
function originOf(url: string): string | null {
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.origin : null;
  } catch {
    return null;
  }
}

/** The origin this request was addressed to, as the browser saw it. */
export function appOrigin(req: RequestLike): string | null {
  const configured = env().PROMPTDECK_PUBLIC_URL;
  if (configured) return originOf(configured);
  const trustProxy = env().PROMPTDECK_TRUST_PROXY > 0;
  const url = new URL(req.url);
  const proto = (trustProxy ? first(req.headers.get('x-forwarded-proto')) : null) ?? url.protocol.replace(':', '');
  const host = (trustProxy ? first(req.headers.get('x-forwarded-host')) : null) ?? req.headers.get('host') ?? url.host;
  return originOf(`${proto}://${host}`);
}

const csrf = (message: string) => new AppError('csrf', message);

/**
 * Throws 403 `csrf` when a state-changing request did not come from the app's own pages.
 * `allowNonBrowser`: a request with neither header passes (sign-in by a script).
 */
export function assertSameOrigin(req: RequestLike, opts: { allowNonBrowser: boolean }): void {
  if (isSafeMethod(req.method)) return;
  const site = req.headers.get('sec-fetch-site');
  if (site !== null) {
    if (site.trim().toLowerCase() === 'same-origin') return;
    throw csrf(`Cross-site request refused (Sec-Fetch-Site: ${site.slice(0, 40)}): changes must come from Promptdeck's own pages, or use an API key.`);
  }
  const origin = req.headers.get('origin');
  if (origin !== null) {
    const expected = appOrigin(req);
    if (expected !== null && originOf(origin) === expected) return;
    throw csrf(`Cross-origin request refused: Origin ${origin.slice(0, 200)} is not ${expected ?? 'this server'}. Changes must come from Promptdeck's own pages, or use an API key.`);
  }
  if (opts.allowNonBrowser) return;
  throw csrf('A change made with a session cookie must carry an Origin or Sec-Fetch-Site header (browsers send them); scripts should use an API key ("Authorization: Bearer <key>").');
}

import type { IncomingMessage, ServerResponse } from 'node:http';
import { SECURITY_HEADERS } from '../http/security-headers';
import { handleServeRequest, tryServeFromCache } from '../serving/serve';
import { observeServe } from '../ops/metrics';

/**
 * Answers `GET /api/v1/prompts/{name}` (the serving hot path) straight from node:http, with
 * the same function the route handler uses, so it skips Next's per-request routing and
 * rendering machinery (about 1 ms a request on these machines; see bench/serve.ts).
 * Returns false for every other request, which then goes to Next.
 */
const SERVE_PATH = /^\/api\/v1\/prompts\/([^/?]+)\/?(?:\?(.*))?$/;

export function tryFastPath(req: IncomingMessage, res: ServerResponse): boolean {
  if ((req.method !== 'GET' && req.method !== 'HEAD') || !req.url) return false;
  const m = SERVE_PATH.exec(req.url);
  if (!m?.[1]) return false;
  let name: string;
  try {
    name = decodeURIComponent(m[1]);
  } catch {
    return false; // the front server's guard answers malformed paths before this
  }
  const t0 = performance.now();
  const query = m[2] ? Object.fromEntries(new URLSearchParams(m[2])) : {};
  const headers = {
    get: (h: string) => {
      const v = req.headers[h];
      return Array.isArray(v) ? v.join(', ') : (v ?? null);
    },
  };
  const cached = tryServeFromCache({ headers }, name, query);
  if (cached) {
    res.writeHead(cached.status, cached.headers);
    res.end(req.method === 'HEAD' ? undefined : (cached.body ?? undefined));
    observeServe(req.method, cached.status, (performance.now() - t0) / 1000);
    return true;
  }
  handleServeRequest({ headers }, name, query).then(
    (r) => {
      res.writeHead(r.status, r.headers);
      res.end(req.method === 'HEAD' ? undefined : (r.body ?? undefined));
      observeServe(req.method!, r.status, (performance.now() - t0) / 1000);
    },
    () => {
      observeServe(req.method!, 500, (performance.now() - t0) / 1000);
      res.writeHead(500, { ...SECURITY_HEADERS, 'content-type': 'application/json; charset=utf-8' });
      res.end('{"error":{"code":"internal_error","message":"Something went wrong on our side."}}');
    },
  );
  return true;
}

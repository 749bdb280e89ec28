import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';
import type { HeaderReader } from '../auth/request';
import { SECURITY_HEADERS } from '../http/security-headers';
import { hashApiKey } from '../auth/api-keys';
import { handleServeRequest, tryServeFromCache } from '../serving/serve';
import { observeServe } from '../ops/metrics';
import { REQUEST_ID_HEADER } from '../ops/log';

/**
 * Answers `GET /api/v1/prompts/{name}` (the serving hot path) straight from node:http, with
 * the same function the route handler uses, so it skips Next's per-request routing and
 * rendering machinery (about 1 ms a request on these machines; see bench/serve.ts).
 * Returns false for every other request, which then goes to Next.
 *
 * Everything here runs for every serving call, so it allocates little: no closures, a query
 * parsed by hand when it needs no decoding, and a cached answer's headers written in one
 * writeHead (the request id included) with a Content-Length, so head and body leave in one write.
 */
const SERVE_PATH = /^\/api\/v1\/prompts\/([^/?]+)\/?(?:\?(.*))?$/;

/** The Fetch-style header reader the serving functions take, over node's header object. */
class NodeHeaders implements HeaderReader {
  constructor(private readonly raw: IncomingHttpHeaders) {}
  get(name: string): string | null {
    const v = this.raw[name];
    return Array.isArray(v) ? v.join(', ') : (v ?? null);
  }
}

/**
 * The hash of the API key a connection last presented: a keep-alive client sends the same key
 * on every request, so it is hashed once per connection, not once per call. Held only as long
 * as the connection (whose parser holds the raw header anyway).
 */
const keyHashOf = new WeakMap<object, { key: string; hash: string }>();

class ServeRequest {
  readonly headers: NodeHeaders;
  constructor(private readonly req: IncomingMessage) {
    this.headers = new NodeHeaders(req.headers);
  }
  hashKey(key: string): string {
    const seen = keyHashOf.get(this.req.socket);
    if (seen?.key === key) return seen.hash;
    const hash = hashApiKey(key);
    keyHashOf.set(this.req.socket, { key, hash });
    return hash;
  }
}

/** The query string as URLSearchParams reads it (last value wins, as Object.fromEntries keeps it). */
export function parseQuery(qs: string | undefined): Record<string, string> {
  // No prototype: `__proto__=x` becomes a key, as with Object.fromEntries.
  const out = Object.create(null) as Record<string, string>;
  if (!qs) return out;
  // Percent-escapes and '+' need URLSearchParams' exact (lenient) decoding.
  if (qs.includes('%') || qs.includes('+')) return Object.fromEntries(new URLSearchParams(qs));
  for (let start = 0; start <= qs.length; ) {
    let end = qs.indexOf('&', start);
    if (end === -1) end = qs.length;
    if (end > start) {
      const eq = qs.indexOf('=', start);
      if (eq === -1 || eq > end) out[qs.slice(start, end)] = '';
      else out[qs.slice(start, eq)] = qs.slice(eq + 1, end);
    }
    start = end + 1;
  }
  return out;
}

/**
 * A cached answer's headers as node's flat [name, value, ...] list, the request id appended:
 * copying an array is cheap, while adding a key to a copy of a 12-key object takes V8's slow path.
 */
const flatHeaders = new WeakMap<Record<string, string>, string[]>();
function withRequestId(headers: Record<string, string>, requestId: string): string[] {
  let flat = flatHeaders.get(headers);
  if (!flat) flatHeaders.set(headers, (flat = Object.entries(headers).flat()));
  const out = flat.slice();
  out.push(REQUEST_ID_HEADER, requestId);
  return out;
}

export function tryFastPath(req: IncomingMessage, res: ServerResponse, requestId: string): boolean {
  if ((req.method !== 'GET' && req.method !== 'HEAD') || !req.url) return false;
  const m = SERVE_PATH.exec(req.url);
  if (!m?.[1]) return false;
  let name: string;
  try {
    name = m[1].includes('%') ? decodeURIComponent(m[1]) : m[1];
  } catch {
    return false; // the front server's guard answers malformed paths before this
  }
  const t0 = performance.now();
  const query = parseQuery(m[2]);
  const serveRequest = new ServeRequest(req);
  const cached = tryServeFromCache(serveRequest, name, query);
  if (cached) {
    res.writeHead(cached.status, withRequestId(cached.headers, requestId));
    res.end(req.method === 'HEAD' ? undefined : (cached.body ?? undefined));
    observeServe(req.method, cached.status, (performance.now() - t0) / 1000);
    return true;
  }
  res.setHeader(REQUEST_ID_HEADER, requestId);
  handleServeRequest(serveRequest, name, query).then(
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

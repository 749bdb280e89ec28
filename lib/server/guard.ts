import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { CLIENT_ADDRESS_HEADER, resolveClientAddress } from '../http/client-address';
import { SECURITY_HEADERS } from '../http/security-headers';
import { REQUEST_ID_HEADER } from '../ops/log';

/**
 * What the front server does before Next (or the fast path) sees a request: establish the
 * client's address and which X-Forwarded-* headers to believe, and answer API requests whose
 * URL cannot be decoded with a JSON 400 (Next would answer them with a text/plain 500).
 */

const FORWARDED = ['x-forwarded-for', 'x-forwarded-proto', 'x-forwarded-host', 'x-forwarded-port'];

/** The peer address of a connection, worked out once for all the requests it carries. */
const peerAddress = new WeakMap<object, string>();

/** Sets the client-address header; drops X-Forwarded-* unless proxies are trusted (Next then fills in the truth). */
export function prepareRequest(req: IncomingMessage, trustedHops: number): void {
  const headers = req.headers;
  if (trustedHops > 0) {
    headers[CLIENT_ADDRESS_HEADER] = resolveClientAddress(req.socket.remoteAddress, headers['x-forwarded-for'], trustedHops);
    return;
  }
  let address = peerAddress.get(req.socket);
  if (address === undefined) peerAddress.set(req.socket, (address = resolveClientAddress(req.socket.remoteAddress, undefined, 0)));
  headers[CLIENT_ADDRESS_HEADER] = address;
  // Only those present (most requests carry none).
  for (const h of FORWARDED) if (headers[h] !== undefined) delete headers[h];
}

export function errorBody(code: string, message: string, details?: unknown): string {
  return JSON.stringify({ error: { code, message, ...(details !== undefined ? { details } : {}) } });
}

/** Why an API path cannot be served (bad percent-encoding, NUL), or null when it is fine. */
export function apiPathProblem(url: string): string | null {
  // Both problems need a percent-escape: node's parser refuses a raw NUL in the request line
  // itself (400), so most URLs, the serving hot path's included, are done here.
  if (!url.includes('%')) return null;
  const path = url.split('?')[0] ?? '';
  let decoded: string;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    return 'The URL path is not valid percent-encoded UTF-8.';
  }
  if (decoded.includes('\u0000')) return 'The URL path cannot contain the NUL character (%00).';
  return null;
}

/** Answers the request itself (with its request id) when its URL is unusable; returns whether it did. */
export function rejectBadApiRequest(req: IncomingMessage, res: ServerResponse, requestId: string): boolean {
  const url = req.url ?? '/';
  if (!url.startsWith('/api/')) return false;
  const problem = apiPathProblem(url);
  if (!problem) return false;
  // A body (if any) is not wanted: drain it, and close the connection after this answer.
  const hasBody = req.headers['transfer-encoding'] !== undefined || Number(req.headers['content-length'] ?? 0) > 0;
  req.resume();
  res.writeHead(400, { ...SECURITY_HEADERS, 'content-type': 'application/json; charset=utf-8', [REQUEST_ID_HEADER]: requestId, ...(hasBody ? { connection: 'close' } : {}) });
  res.end(errorBody('validation_error', problem, [{ path: 'url', message: problem }]));
  return true;
}

/** Node's answer to a request it cannot parse (431 for oversized headers), in the API's error shape. */
export function answerClientError(err: NodeJS.ErrnoException, socket: Duplex): void {
  if (!socket.writable || err.code === 'ECONNRESET') {
    socket.destroy();
    return;
  }
  const tooLarge = err.code === 'HPE_HEADER_OVERFLOW';
  const status = tooLarge ? 431 : 400;
  const body = tooLarge
    ? errorBody('headers_too_large', 'The request headers (or the URL) are too large.')
    : errorBody('validation_error', 'The request is not valid HTTP.', [{ path: 'request', message: String(err.code ?? 'parse error') }]);
  const headers = Object.entries({ ...SECURITY_HEADERS, 'content-type': 'application/json; charset=utf-8', 'content-length': String(Buffer.byteLength(body)), connection: 'close' })
    .map(([k, v]) => `${k}: ${v}\r\n`)
    .join('');
  socket.end(`HTTP/1.1 ${status} ${tooLarge ? 'Request Header Fields Too Large' : 'Bad Request'}\r\n${headers}\r\n${body}`);
}

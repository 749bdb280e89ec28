import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Http2ServerRequest, Http2ServerResponse } from 'node:http2';

/**
 * One request as the stand-in sees it, the same over HTTP/1.1 and h2c. `signal` aborts when the
 * client goes away or the stand-in stops.
 */
export interface SimRequest {
  method: string;
  path: string;
  /** The query string's parameters. */
  query: URLSearchParams;
  headers: Record<string, string>;
  body: Buffer;
  requestId: string;
  /** '2.0' (h2c) or '1.1'. */
  httpVersion: string;
  signal: AbortSignal;
}

export interface SimResponse {
  /** Sends a complete response. */
  send(status: number, headers: Record<string, string>, body: string | Uint8Array): void;
  /** Starts a streamed response; then `write` chunks and `end`. */
  start(status: number, headers: Record<string, string>): void;
  /** Resolves once the chunk is handed to the socket (backpressure), or at once when closed. */
  write(chunk: Uint8Array): Promise<void>;
  end(): void;
  readonly closed: boolean;
}

export const MAX_BODY_BYTES = 20 * 1024 * 1024;

type AnyRequest = IncomingMessage | Http2ServerRequest;
type AnyResponse = ServerResponse | Http2ServerResponse;

export class BodyTooLargeError extends Error {}

function readBody(req: AnyRequest): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY_BYTES) {
        reject(new BodyTooLargeError(`Request body exceeds ${MAX_BODY_BYTES} bytes.`));
        req.destroy();
        return;
      }
      chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function flatHeaders(raw: AnyRequest['headers']): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(raw)) {
    if (v === undefined || k.startsWith(':')) continue;
    out[k.toLowerCase()] = Array.isArray(v) ? v.join(', ') : v;
  }
  return out;
}

/** Adapts a node:http or node:http2 compatibility request/response pair. */
export async function adapt(
  req: AnyRequest,
  res: AnyResponse,
  stopSignal: AbortSignal,
): Promise<{ request: SimRequest; response: SimResponse } | { tooLarge: SimResponse }> {
  const gone = new AbortController();
  const response = adaptResponse(res, gone);
  const signal = AbortSignal.any([gone.signal, stopSignal]);
  const url = new URL(req.url ?? '/', 'http://sim.local');
  const base = { method: (req.method ?? 'GET').toUpperCase(), path: url.pathname, query: url.searchParams, headers: flatHeaders(req.headers), requestId: randomUUID(), httpVersion: req.httpVersion, signal };
  try {
    return { request: { ...base, body: await readBody(req) }, response };
  } catch (err) {
    if (err instanceof BodyTooLargeError) return { tooLarge: response };
    throw err;
  }
}

function adaptResponse(res: AnyResponse, gone: AbortController): SimResponse {
  let closed = false;
  res.on('close', () => {
    closed = true;
    if (!res.writableFinished) gone.abort(new Error('client closed the connection'));
  });
  // The two compatibility APIs have the same shape for what is used here.
  const r = res as ServerResponse;
  return {
    get closed() {
      return closed || r.destroyed;
    },
    send(status, headers, body) {
      if (closed || r.headersSent) return;
      const buf = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
      r.writeHead(status, { ...headers, 'content-length': String(buf.length) });
      r.end(buf);
    },
    start(status, headers) {
      if (closed || r.headersSent) return;
      r.writeHead(status, headers);
      r.flushHeaders();
    },
    write(chunk) {
      if (closed || r.destroyed) return Promise.resolve();
      return new Promise((resolve) => {
        r.write(chunk, () => resolve());
      });
    },
    end() {
      if (!closed && !r.destroyed) r.end();
    },
  };
}

/** Sleeps, waking early (without error) when the signal aborts. */
export function sleep(ms: number, signal: AbortSignal): Promise<void> {
  if (ms <= 0 || signal.aborted) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(t);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const t = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
  });
}

/** Waits until the signal aborts (a request that is never answered). */
export function untilAborted(signal: AbortSignal): Promise<void> {
  if (signal.aborted) return Promise.resolve();
  return new Promise((resolve) => signal.addEventListener('abort', () => resolve(), { once: true }));
}

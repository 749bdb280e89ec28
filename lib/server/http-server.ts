import http from 'node:http';
import next from 'next';
import { env } from '../env';
import { tryFastPath } from './fast-path';
import { answerClientError, prepareRequest, rejectBadApiRequest } from './guard';
import { answerMetrics, isMetricsPath, wantsMetricsText } from '../ops/metrics-endpoint';
import { REQUEST_ID_HEADER, requestIdFrom } from '../ops/log';

type Listener = (req: http.IncomingMessage, res: http.ServerResponse) => void;

/**
 * The request listener in front of Next: client address and forwarded headers first, then a
 * JSON 400 for API URLs Next cannot decode, then the serving fast path (production), then Next.
 */
export function frontListener(nextHandler: Listener, opts: { fastPath: boolean; trustedHops: number }): Listener {
  return (req, res) => {
    // Before prepareRequest: whether a proxy forwarded it decides who may read local-only metrics.
    if (isMetricsPath(req.url) && wantsMetricsText(req)) return answerMetrics(req, res);
    // Every request has an id (the client's X-Request-Id when sane): logs carry it, the answer returns it.
    const id = requestIdFrom(req.headers[REQUEST_ID_HEADER]);
    req.headers[REQUEST_ID_HEADER] = id;
    prepareRequest(req, opts.trustedHops);
    if (rejectBadApiRequest(req, res, id)) return;
    // The fast path sends the id itself, with its other headers in one writeHead.
    if (opts.fastPath && tryFastPath(req, res, id)) return;
    res.setHeader(REQUEST_ID_HEADER, id);
    nextHandler(req, res);
  };
}

/** A node:http server around a listener, answering unparseable requests in the API's error shape. */
export function createFrontServer(listener: Listener): http.Server {
  const server = http.createServer(listener);
  server.on('clientError', answerClientError);
  server.keepAliveTimeout = 65_000; // longer than common load balancer idle timeouts
  return server;
}

/**
 * The web server: Next.js (App Router) behind a node:http server whose additions are the
 * request guard above, /metrics, request ids and the serving fast path. Everything else is Next's own request handler.
 */
export async function startHttpServer(opts: { dev: boolean; port: number; dir?: string }): Promise<http.Server> {
  const app = next({ dev: opts.dev, dir: opts.dir ?? process.cwd(), port: opts.port });
  const handle = app.getRequestHandler();
  await app.prepare();
  const server = createFrontServer(frontListener((req, res) => void handle(req, res), { fastPath: !opts.dev, trustedHops: env().PROMPTDECK_TRUST_PROXY }));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, () => resolve());
  });
  return server;
}

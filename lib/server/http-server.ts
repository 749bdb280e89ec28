import http from 'node:http';
import next from 'next';
import { tryFastPath } from './fast-path';

/**
 * The web server: Next.js (App Router) behind a node:http server whose only addition is the
 * serving fast path. Everything else is Next's own request handler.
 */
export async function startHttpServer(opts: { dev: boolean; port: number; dir?: string }): Promise<http.Server> {
  const app = next({ dev: opts.dev, dir: opts.dir ?? process.cwd(), port: opts.port });
  const handle = app.getRequestHandler();
  await app.prepare();
  const server = http.createServer((req, res) => {
    if (opts.dev || !tryFastPath(req, res)) void handle(req, res);
  });
  server.keepAliveTimeout = 65_000; // longer than common load balancer idle timeouts
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, () => resolve());
  });
  return server;
}

/** The web server process the launcher (scripts/run.ts) spawns: `server.ts dev|start`. */
import { startHttpServer } from '../lib/server/http-server';
import { startBackgroundWork, stopBackgroundWork } from '../lib/jobs/boot';
import { closeDb } from '../lib/db/client';
import { env } from '../lib/env';
import { markStopping } from '../lib/ops/lifecycle';
import { logger } from '../lib/ops/log';

const dev = process.argv[2] === 'dev';
const log = logger();
const launcher = process.ppid;

async function main() {
  // The job queue first: it creates its schema, and a route may enqueue as soon as we listen.
  await startBackgroundWork((line) => log.info({ component: 'jobs' }, line));
  const server = await startHttpServer({ dev, port: env().PORT });
  log.info({ port: env().PORT, mode: dev ? 'development' : 'production' }, `ready on http://localhost:${env().PORT} (${dev ? 'development' : 'production'})`);
  let closing = false;
  // Once stopping, every response closes its connection, so keep-alive clients move on
  // instead of holding the old server open.
  server.on('request', (_req, res) => {
    if (closing && !res.headersSent) res.setHeader('connection', 'close');
  });
  /**
   * Graceful shutdown: /api/v1/ready turns 503, the listener closes (no new connections), idle
   * keep-alive connections go, running requests (SSE streams included) may finish within
   * PROMPTDECK_SHUTDOWN_GRACE_MS (then they are cut), the job queue stops taking jobs and hands
   * back what still runs after the grace period, the database pool closes, exit 0.
   */
  const stop = async (why: string) => {
    if (closing) return;
    closing = true;
    markStopping();
    const graceMs = env().PROMPTDECK_SHUTDOWN_GRACE_MS;
    log.info({ why, graceMs }, 'shutting down: finishing running requests and jobs');
    // A last resort if closing itself hangs.
    setTimeout(() => {
      log.error('shutdown did not finish in time; exiting');
      process.exit(1);
    }, graceMs + 15_000).unref();
    setInterval(() => server.closeIdleConnections(), 50).unref();
    server.closeIdleConnections();
    const cut = setTimeout(() => {
      log.warn({ graceMs }, 'grace period over: closing the connections still open');
      server.closeAllConnections();
    }, graceMs);
    cut.unref();
    await Promise.all([
      new Promise<void>((resolve) => server.close(() => resolve())).then(() => clearTimeout(cut)),
      stopBackgroundWork(graceMs).catch((err: unknown) => log.error({ err }, 'the job queue did not stop cleanly')),
    ]);
    await closeDb().catch((err: unknown) => log.error({ err }, 'closing the database pool failed'));
    log.info('stopped');
    process.exit(0);
  };
  for (const sig of ['SIGTERM', 'SIGINT', 'SIGHUP'] as const) process.on(sig, () => void stop(sig));
  // The launcher owns the database: if it was killed (kill -9), stop serving rather than
  // linger on the port without it.
  setInterval(() => {
    if (process.ppid !== launcher) void stop('the launcher is gone');
  }, 250).unref();
}

main().catch((err: unknown) => {
  log.fatal({ err }, `web server failed: ${(err as Error).message}`);
  process.exit(1);
});

/** The web server process the launcher (scripts/run.ts) spawns: `server.ts dev|start`. */
import { startHttpServer } from '../lib/server/http-server';
import { startBackgroundWork, stopBackgroundWork } from '../lib/jobs/boot';
import { env } from '../lib/env';

const dev = process.argv[2] === 'dev';
const log = (line: string) => console.log(`[promptdeck] ${line}`);
const launcher = process.ppid;

async function main() {
  // The job queue first: it creates its schema, and a route may enqueue as soon as we listen.
  await startBackgroundWork(log);
  const server = await startHttpServer({ dev, port: env().PORT });
  log(`ready on http://localhost:${env().PORT} (${dev ? 'development' : 'production'})`);
  let closing = false;
  // Once stopping, every response closes its connection, so keep-alive clients move on
  // instead of holding the old server open.
  server.on('request', (_req, res) => {
    if (closing && !res.headersSent) res.setHeader('connection', 'close');
  });
  const stop = async () => {
    if (closing) return;
    closing = true;
    // Requests still running after 10 s are cut; running jobs get 8 s, then are handed back.
    setTimeout(() => process.exit(0), 10_000).unref();
    // Keep-alive connections go the moment they are idle (a request in flight finishes first).
    setInterval(() => server.closeIdleConnections(), 50).unref();
    server.closeIdleConnections();
    // Stop taking requests and let running jobs finish (or hand them back) before exiting.
    await Promise.all([
      new Promise<void>((resolve) => server.close(() => resolve())),
      stopBackgroundWork(8_000).catch((err: unknown) => log(`job queue did not stop cleanly: ${(err as Error).message}`)),
    ]);
    process.exit(0);
  };
  for (const sig of ['SIGTERM', 'SIGINT', 'SIGHUP'] as const) process.on(sig, () => void stop());
  // The launcher owns the database: if it was killed (kill -9), stop serving rather than
  // linger on the port without it.
  setInterval(() => {
    if (process.ppid !== launcher) void stop();
  }, 250).unref();
}

main().catch((err: unknown) => {
  console.error(`[promptdeck] web server failed: ${(err as Error).message}`);
  process.exit(1);
});

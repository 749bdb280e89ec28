/** The web server process the launcher (scripts/run.ts) spawns: `server.ts dev|start`. */
import { startHttpServer } from '../lib/server/http-server';
import { env } from '../lib/env';

const dev = process.argv[2] === 'dev';
const launcher = process.ppid;

startHttpServer({ dev, port: env().PORT })
  .then((server) => {
    console.log(`[promptdeck] ready on http://localhost:${env().PORT} (${dev ? 'development' : 'production'})`);
    let closing = false;
    // Once stopping, every response closes its connection, so keep-alive clients move on
    // instead of holding the old server open.
    server.on('request', (_req, res) => {
      if (closing && !res.headersSent) res.setHeader('connection', 'close');
    });
    const stop = () => {
      if (closing) return;
      closing = true;
      server.close(() => process.exit(0));
      // Keep-alive connections go the moment they are idle (a request in flight when stopping
      // began finishes first); requests still running after 10 s are cut.
      server.closeIdleConnections();
      setInterval(() => server.closeIdleConnections(), 50).unref();
      setTimeout(() => process.exit(0), 10_000).unref();
    };
    process.on('SIGTERM', stop);
    process.on('SIGINT', stop);
    process.on('SIGHUP', stop);
    // The launcher owns the database: if it was killed (kill -9), stop serving rather than
    // linger on the port without it.
    setInterval(() => {
      if (process.ppid !== launcher) stop();
    }, 250).unref();
  })
  .catch((err: unknown) => {
    console.error(`[promptdeck] web server failed: ${(err as Error).message}`);
    process.exit(1);
  });

/** The web server process the launcher (scripts/run.ts) spawns: `server.ts dev|start`. */
import { startHttpServer } from '../lib/server/http-server';
import { env } from '../lib/env';

const dev = process.argv[2] === 'dev';

startHttpServer({ dev, port: env().PORT })
  .then((server) => {
    console.log(`[promptdeck] ready on http://localhost:${env().PORT} (${dev ? 'development' : 'production'})`);
    const stop = () => server.close(() => process.exit(0));
    process.on('SIGTERM', stop);
    process.on('SIGINT', stop);
  })
  .catch((err: unknown) => {
    console.error(`[promptdeck] web server failed: ${(err as Error).message}`);
    process.exit(1);
  });

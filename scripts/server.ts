/** The web server process the launcher (scripts/run.ts) spawns: `server.ts dev|start`. */
import { startHttpServer } from '../lib/server/http-server';
import { startBackgroundWork, stopBackgroundWork } from '../lib/jobs/boot';
import { env } from '../lib/env';

const dev = process.argv[2] === 'dev';
const log = (line: string) => console.log(`[promptdeck] ${line}`);

async function main() {
  // The job queue first: it creates its schema, and a route may enqueue as soon as we listen.
  await startBackgroundWork(log);
  const server = await startHttpServer({ dev, port: env().PORT });
  log(`ready on http://localhost:${env().PORT} (${dev ? 'development' : 'production'})`);
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    // Stop taking requests and let running jobs finish (or hand them back) before exiting.
    await Promise.all([
      new Promise<void>((resolve) => server.close(() => resolve())),
      stopBackgroundWork().catch((err: unknown) => log(`job queue did not stop cleanly: ${(err as Error).message}`)),
    ]);
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop());
  process.on('SIGINT', () => void stop());
}

main().catch((err: unknown) => {
  console.error(`[promptdeck] web server failed: ${(err as Error).message}`);
  process.exit(1);
});

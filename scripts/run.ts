/**
 * `npm start` / `npm run dev`: prepares the database (embedded PostgreSQL unless DATABASE_URL is
 * set) and AWS (the local Bedrock/CloudWatch stand-in unless AWS is configured), then runs the
 * web server with the resulting environment. Owning the embedded database here keeps it in
 * exactly one process, whatever Next does with workers.
 */
import { spawn } from 'node:child_process';
import { prepareAws } from '../lib/aws-sim/launch';
import { prepareDatabase } from '../lib/db/startup';
import { childProcessEnv, env } from '../lib/env';

const mode = process.argv[2] === 'dev' ? 'dev' : 'start';

async function main() {
  const db = await prepareDatabase();
  const aws = await prepareAws();
  const { PORT } = env();
  for (const line of [...db.log, aws.log]) console.log(`[promptdeck] ${line}`);
  console.log(`[promptdeck] mode: ${db.embedded ? 'local (embedded database)' : 'team (PostgreSQL)'}; starting Next.js (${mode}) on http://localhost:${PORT}`);

  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/server.ts', mode], {
    stdio: 'inherit',
    env: childProcessEnv({ ...aws.env, NEXT_TELEMETRY_DISABLED: '1' }),
  });
  let stopping = false;
  const shutdown = async (code: number) => {
    if (stopping) return;
    stopping = true;
    await aws.stop();
    await db.stop();
    process.exit(code);
  };
  for (const sig of ['SIGINT', 'SIGTERM'] as const) {
    process.on(sig, () => {
      child.kill(sig);
    });
  }
  child.on('exit', (code) => void shutdown(code ?? 0));
}

main().catch((err: unknown) => {
  console.error(`[promptdeck] could not start: ${(err as Error).message}`);
  process.exit(1);
});

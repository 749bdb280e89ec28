/**
 * `npm start` / `npm run dev`: prepares the database (embedded PostgreSQL unless DATABASE_URL is
 * set) and AWS (the local Bedrock/CloudWatch stand-in unless AWS is configured), then runs the
 * web server with the resulting environment. The launcher owns the embedded server: it stops
 * the web server first and the database last (on SIGINT/SIGTERM, or when either ends), and the
 * web server exits by itself if the launcher is killed (scripts/server.ts). A server left
 * running by a killed launcher is stopped cleanly by the next start (lib/db/embedded).
 */
import { spawn } from 'node:child_process';
import { prepareAws, type AwsSetup } from '../lib/aws-sim/launch';
import { prepareDatabase } from '../lib/db/startup';
import { childProcessEnv, env } from '../lib/env';
import { logger } from '../lib/ops/log';

const log = logger().child({ component: 'launcher' });

const mode = process.argv[2] === 'dev' ? 'dev' : 'start';

async function main() {
  const db = await prepareDatabase();
  let aws: AwsSetup;
  try {
    aws = await prepareAws();
  } catch (err) {
    await db.stop();
    throw err;
  }
  const { PORT, PROMPTDECK_DATA_DIR } = env();
  for (const line of [...db.log, aws.log]) log.info(line);
  log.info(`mode: ${db.embedded ? 'local (embedded database)' : 'team (PostgreSQL)'}; starting Next.js (${mode}) on http://localhost:${PORT}`);

  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/server.ts', mode], {
    stdio: 'inherit',
    env: childProcessEnv({ ...aws.env, NEXT_TELEMETRY_DISABLED: '1' }),
  });
  const childExited = new Promise<number>((resolve) => child.once('exit', (code) => resolve(code ?? 1)));
  let stopping = false;
  const shutdown = async (code: number, why?: string) => {
    if (stopping) return;
    stopping = true;
    if (why) log.error(why);
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await childExited;
    await aws.stop();
    await db.stop();
    process.exit(code);
  };
  for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.on(sig, () => {
      if (!stopping) child.kill(sig);
    });
  }
  void childExited.then((code) => shutdown(code));
  void db.exited.then(() => shutdown(1, `the embedded PostgreSQL server stopped unexpectedly; see ${PROMPTDECK_DATA_DIR}/postgres.log`));
}

main().catch((err: unknown) => {
  log.fatal(`could not start: ${(err as Error).message}`);
  process.exit(1);
});

import { applyInitCredentials } from '../auth/bootstrap';
import { env, setEnv } from '../env';
import { seedDemoData } from '../seed/demo';
import { createDb } from './client';
import { startEmbeddedPostgres } from './embedded';
import { migrate } from './migrate';

export interface PreparedDatabase {
  url: string;
  embedded: boolean;
  log: string[];
  /** Settles if the embedded server ends on its own (never for an external DATABASE_URL). */
  exited: Promise<void>;
  stop(): Promise<void>;
}

/**
 * What the launcher does before the web server starts: open the embedded database when no
 * DATABASE_URL is set (and export its URL), apply migrations, apply the start-up credentials,
 * and seed demo data into an empty embedded database.
 */
export async function prepareDatabase(opts: { seedDemo?: boolean } = {}): Promise<PreparedDatabase> {
  const e = env();
  const log: string[] = [];
  let url = e.DATABASE_URL;
  let stop = async () => {};
  let exited = new Promise<void>(() => {});
  const embedded = !url;
  if (!url) {
    const started = performance.now();
    const pg = await startEmbeddedPostgres({ dataDir: e.PROMPTDECK_DATA_DIR, log: (line) => log.push(line) });
    url = pg.url;
    stop = pg.stop;
    exited = pg.exited;
    setEnv('DATABASE_URL', url);
    setEnv('PROMPTDECK_EMBEDDED_DB', '1');
    log.push(`database: embedded PostgreSQL in ${e.PROMPTDECK_DATA_DIR}/ on 127.0.0.1:${pg.port} (ready in ${Math.round(performance.now() - started)} ms; log in ${e.PROMPTDECK_DATA_DIR}/postgres.log)`);
  } else {
    log.push(`database: ${url.replace(/\/\/[^@/]*@/, '//***@')}`);
  }
  try {
    const m = await migrate(url);
    log.push(m.applied.length ? `migrations applied: ${m.applied.join(', ')}` : `migrations: up to date (${m.alreadyApplied})`);
    const db = createDb(url, 2);
    try {
      for (const what of await applyInitCredentials(db)) log.push(`ensured ${what}`);
      if (embedded && opts.seedDemo !== false && (await seedDemoData(db))) log.push('seeded demo prompts (empty database)');
    } finally {
      await db.$disconnect();
    }
  } catch (err) {
    await stop();
    throw err;
  }
  return { url, embedded, log, exited, stop };
}

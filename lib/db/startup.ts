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
  const embedded = !url;
  if (!url) {
    const pg = await startEmbeddedPostgres({ dataDir: e.PROMPTDECK_DATA_DIR });
    url = pg.url;
    stop = pg.stop;
    setEnv('DATABASE_URL', url);
    setEnv('PROMPTDECK_EMBEDDED_DB', '1');
    log.push(`database: embedded PostgreSQL (PGlite) in ${e.PROMPTDECK_DATA_DIR}/, served on 127.0.0.1:${pg.port}`);
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
  return { url, embedded, log, stop };
}

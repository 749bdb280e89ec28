import { applyInitCredentials } from '../auth/bootstrap';
import { env, setEnv } from '../env';
import { seedDemoData } from '../seed/demo';
import { createDb } from './client';
import { startEmbeddedPostgres } from './embedded';
import { listMigrations, migrate } from './migrate';
import pg from 'pg';

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
export async function prepareDatabase(opts: { seedDemo?: boolean; migrate?: boolean } = {}): Promise<PreparedDatabase> {
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
    const setting = e.PROMPTDECK_MIGRATE_ON_START;
    if (opts.migrate ?? (setting === 'true' || (setting === 'auto' && embedded))) {
      const m = await migrate(url);
      log.push(m.applied.length ? `migrations applied: ${m.applied.join(', ')}` : `migrations: up to date (${m.alreadyApplied})`);
    } else {
      const pending = await pendingMigrations(url);
      if (pending.length) {
        throw new Error(
          `${pending.length} migration(s) not applied: ${pending.join(', ')}. Run \`npm run db:migrate\` once (a release step) before starting instances, or set PROMPTDECK_MIGRATE_ON_START=true.`,
        );
      }
      log.push('migrations: up to date (applied by `npm run db:migrate`; PROMPTDECK_MIGRATE_ON_START is off for DATABASE_URL)');
    }
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

/** Migration folders in the code that the database has not applied (finished). */
export async function pendingMigrations(url: string): Promise<string[]> {
  const files = (await listMigrations()).map((m) => m.name);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const exists = await client.query<{ t: string | null }>(`SELECT to_regclass('"_prisma_migrations"')::text AS t`);
    if (!exists.rows[0]?.t) return files;
    const { rows } = await client.query<{ name: string }>('SELECT migration_name AS name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL');
    const applied = new Set(rows.map((r) => r.name));
    return files.filter((f) => !applied.has(f));
  } finally {
    await client.end();
  }
}

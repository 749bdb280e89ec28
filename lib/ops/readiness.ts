import { readdir } from 'node:fs/promises';
import type { Db } from '../db/client';
import { MIGRATIONS_DIR } from '../db/migrate';
import { isStopping } from './lifecycle';

/**
 * GET /api/v1/ready: whether this instance should get traffic. Every check runs (in parallel,
 * each bounded by a timeout) and is named in the answer, so a failing probe says why.
 */
export interface Check {
  ok: boolean;
  detail: string;
}
export interface Readiness {
  ready: boolean;
  checks: { database: Check; migrations: Check; jobs: Check; shutdown: Check };
}

const TIMEOUT_MS = 2_000;

function withTimeout<T>(p: Promise<T>, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not answer within ${TIMEOUT_MS} ms`)), TIMEOUT_MS);
  });
  return Promise.race([p, timeout]).finally(() => clearTimeout(timer));
}

async function checkDatabase(database: Db): Promise<Check> {
  const t0 = performance.now();
  try {
    await withTimeout(database.$queryRaw`SELECT 1`, 'the database');
    return { ok: true, detail: `answered in ${Math.round(performance.now() - t0)} ms` };
  } catch (err) {
    return { ok: false, detail: `unreachable: ${(err as Error).message.split('\n')[0]}` };
  }
}

/** Migration folders in the code (names only: what the migration runner applies, in this order). */
export async function migrationNames(dir = MIGRATIONS_DIR): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  return entries.filter((e) => e.isDirectory()).map((e) => e.name).sort();
}

async function checkMigrations(database: Db, dir?: string): Promise<Check> {
  try {
    const [files, rows] = await withTimeout(
      Promise.all([
        migrationNames(dir),
        database.$queryRaw<{ name: string }[]>`SELECT migration_name AS name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
      ]),
      'the migration table',
    );
    const applied = new Set(rows.map((r) => r.name));
    const pending = files.filter((f) => !applied.has(f));
    if (pending.length) return { ok: false, detail: `${pending.length} not applied: ${pending.join(', ')} (run \`npm run db:migrate\`)` };
    return { ok: true, detail: `all ${files.length} applied` };
  } catch (err) {
    return { ok: false, detail: `could not compare: ${(err as Error).message.split('\n')[0]}` };
  }
}

async function checkJobs(): Promise<Check> {
  try {
    const q = await (await import('../jobs')).jobQueue();
    if (!q.isRunning) return { ok: false, detail: 'stopping' };
    return { ok: true, detail: q.works ? `running (working ${q.queueCount} job type(s))` : 'running (enqueue only, PROMPTDECK_JOBS=off)' };
  } catch (err) {
    return { ok: false, detail: (err as Error).message };
  }
}

export async function readiness(database: Db, opts: { migrationsDir?: string } = {}): Promise<Readiness> {
  const [db, migrations, jobs] = await Promise.all([checkDatabase(database), checkMigrations(database, opts.migrationsDir), checkJobs()]);
  const stopping = isStopping();
  const shutdown = { ok: !stopping, detail: stopping ? 'shutting down: finishing running requests' : 'serving' };
  const checks = { database: db, migrations: db.ok ? migrations : { ok: false, detail: 'not checked: the database is unreachable' }, jobs, shutdown };
  return { ready: Object.values(checks).every((c) => c.ok), checks };
}

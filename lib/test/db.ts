import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { createDb, type Db } from '../db/client';
import { startEmbeddedPostgres } from '../db/embedded';
import { migrate } from '../db/migrate';
import type { Actor, Role } from '../auth/roles';
import type { ServiceContext } from '../context';

/**
 * A fresh, migrated database for one test file: an in-memory PGlite served over the wire
 * protocol by default, or a new database on the server in TEST_DATABASE_URL (CI sets it).
 */
export interface TestDb {
  url: string;
  db: Db;
  kind: 'pglite' | 'postgres';
  close(): Promise<void>;
}

/** `migrationsDir`: migrate with these migrations instead of prisma/migrations (to test one migration on older data). */
export async function createTestDb(opts: { migrationsDir?: string } = {}): Promise<TestDb> {
  const server = process.env.TEST_DATABASE_URL;
  if (server) {
    const name = `promptdeck_test_${randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: server });
    await admin.connect();
    await admin.query(`CREATE DATABASE "${name}"`);
    await admin.end();
    const u = new URL(server);
    u.pathname = `/${name}`;
    const url = u.toString();
    await migrate(url, opts.migrationsDir);
    const db = createDb(url, 10);
    return {
      url,
      db,
      kind: 'postgres',
      async close() {
        await db.$disconnect();
        const a = new pg.Client({ connectionString: server });
        await a.connect();
        await a.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
        await a.end();
      },
    };
  }
  const embedded = await startEmbeddedPostgres();
  await migrate(embedded.url, opts.migrationsDir);
  const db = createDb(embedded.url, 5);
  return {
    url: embedded.url,
    db,
    kind: 'pglite',
    async close() {
      await db.$disconnect();
      await embedded.stop();
    },
  };
}

let counter = 0;
/** A name no other test uses. */
export function uniqueName(prefix = 'p'): string {
  counter += 1;
  return `${prefix}-${Date.now().toString(36)}-${counter}-${randomBytes(3).toString('hex')}`;
}

export function actor(role: Role, display = `${role}@test.local`): Actor {
  return { kind: 'user', id: `test-${role}`, display, role };
}

export function ctxFor(db: Db, role: Role): ServiceContext {
  return { db, actor: actor(role) };
}

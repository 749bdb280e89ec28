import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import { createDb, type Db } from '../db/client';
import { migrate } from '../db/migrate';
import type { Actor, Role } from '../auth/roles';
import type { ServiceContext } from '../context';

/**
 * A fresh, migrated database for one test file, created on a PostgreSQL server and dropped at
 * close: the server in TEST_DATABASE_URL when set (CI sets it), else the run's embedded
 * PostgreSQL server (lib/test/global-setup.ts). `{ server: 'embedded' }` always uses the latter,
 * for tests about the embedded database itself.
 */
export interface TestDb {
  url: string;
  db: Db;
  kind: 'embedded' | 'postgres';
  close(): Promise<void>;
}

export interface TestDbOptions {
  server?: 'default' | 'embedded';
  /** Migrate with these migrations instead of prisma/migrations (to test one migration on older data). */
  migrationsDir?: string;
}

export async function createTestDb(opts: TestDbOptions = {}): Promise<TestDb> {
  const external = opts.server === 'embedded' ? undefined : process.env.TEST_DATABASE_URL;
  const server = external ?? inject('embeddedDatabaseUrl');
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
    kind: external ? 'postgres' : 'embedded',
    async close() {
      await db.$disconnect();
      const a = new pg.Client({ connectionString: server });
      await a.connect();
      await a.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await a.end();
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

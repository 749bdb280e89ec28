import { createHash } from 'node:crypto';
import { cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, uniqueName, type TestDb } from '../test/db';
import { MIGRATIONS_DIR, migrate } from './migrate';

let t: TestDb;
const tmpDirs: string[] = [];
beforeAll(async () => {
  t = await createTestDb(); // already migrated once
});
afterAll(async () => {
  await t?.close();
  for (const d of tmpDirs) await rm(d, { recursive: true, force: true });
});

interface Row {
  migration_name: string;
  checksum: string;
  finished_at: Date | null;
  rolled_back_at: Date | null;
  applied_steps_count: number;
}

async function query<T extends pg.QueryResultRow>(sql: string, params: unknown[] = []): Promise<T[]> {
  const c = new pg.Client({ connectionString: t.url });
  await c.connect();
  try {
    return (await c.query<T>(sql, params)).rows;
  } finally {
    await c.end();
  }
}

const migrationRows = () => query<Row>('SELECT migration_name, checksum, finished_at, rolled_back_at, applied_steps_count FROM "_prisma_migrations" ORDER BY migration_name');
const tableExists = async (name: string) => (await query<{ r: string | null }>('SELECT to_regclass($1) AS r', [`public."${name}"`]))[0]?.r != null;

async function repoMigrations(): Promise<string[]> {
  return (await readdir(MIGRATIONS_DIR, { withFileTypes: true })).filter((e) => e.isDirectory()).map((e) => e.name).sort();
}

/** A copy of prisma/migrations that a test may change. */
async function copyOfMigrations(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'promptdeck-migrations-'));
  tmpDirs.push(dir);
  await cp(MIGRATIONS_DIR, dir, { recursive: true });
  return dir;
}

async function addMigration(dir: string, name: string, sql: string): Promise<void> {
  await mkdir(path.join(dir, name));
  await writeFile(path.join(dir, name, 'migration.sql'), sql);
}

describe('migrate', () => {
  it('records every migration with the sha256 of its file', async () => {
    const names = await repoMigrations();
    expect(names.length).toBeGreaterThan(0);
    const rows = await migrationRows();
    expect(rows.map((r) => r.migration_name)).toEqual(names);
    for (const row of rows) {
      const sql = await readFile(path.join(MIGRATIONS_DIR, row.migration_name, 'migration.sql'));
      expect(row.checksum).toBe(createHash('sha256').update(sql).digest('hex'));
      expect(row.checksum).toMatch(/^[0-9a-f]{64}$/);
      expect(row.finished_at).toBeInstanceOf(Date);
      expect(row.rolled_back_at).toBeNull();
      expect(row.applied_steps_count).toBe(1);
    }
  });

  it('is idempotent: a second run applies nothing and adds no rows', async () => {
    const before = await migrationRows();
    const result = await migrate(t.url);
    expect(result).toEqual({ applied: [], alreadyApplied: before.length });
    expect(await migrationRows()).toEqual(before);
  });

  it('refuses an applied migration whose file changed, naming it, and changes nothing', async () => {
    const dir = await copyOfMigrations();
    const [first] = await repoMigrations();
    const file = path.join(dir, first!, 'migration.sql');
    await writeFile(file, `${await readFile(file, 'utf8')}\n-- edited after it was applied\n`);
    const extra = `29990101000000_${uniqueName('after').replace(/[^a-z0-9]/g, '_')}`;
    await addMigration(dir, extra, 'CREATE TABLE "must_not_exist" (id INT);');
    const before = await migrationRows();
    await expect(migrate(t.url, dir)).rejects.toThrow(new RegExp(`Migration ${first} was changed after it was applied \\(checksum differs\\)`));
    expect(await migrationRows()).toEqual(before);
    expect(await tableExists('must_not_exist')).toBe(false);
  });

  it('applies a new migration exactly once, then reports it as already applied', async () => {
    const dir = await copyOfMigrations();
    const table = uniqueName('t').replace(/[^a-z0-9]/g, '_');
    const name = `29990102000000_${table}`;
    await addMigration(dir, name, `CREATE TABLE "${table}" (id INT PRIMARY KEY);\nINSERT INTO "${table}" VALUES (1);`);
    const before = await migrationRows();
    expect(await migrate(t.url, dir)).toEqual({ applied: [name], alreadyApplied: before.length });
    expect(await tableExists(table)).toBe(true);
    expect(await migrate(t.url, dir)).toEqual({ applied: [], alreadyApplied: before.length + 1 });
    expect((await query<{ n: number }>(`SELECT count(*)::int AS n FROM "${table}"`))[0]?.n).toBe(1);
    const row = (await migrationRows()).find((r) => r.migration_name === name);
    expect(row?.checksum).toBe(createHash('sha256').update(await readFile(path.join(dir, name, 'migration.sql'))).digest('hex'));
  });

  it('rolls a failing migration back completely and names it', async () => {
    const dir = await copyOfMigrations();
    const table = uniqueName('half').replace(/[^a-z0-9]/g, '_');
    const name = `29990103000000_${table}`;
    await addMigration(dir, name, `CREATE TABLE "${table}" (id INT);\nSELECT * FROM "no_such_table_anywhere";`);
    const before = await migrationRows();
    await expect(migrate(t.url, dir)).rejects.toThrow(new RegExp(`Migration ${name} failed: .*no_such_table_anywhere`));
    expect(await tableExists(table)).toBe(false);
    expect(await migrationRows()).toEqual(before);
  });

  it('applies a migration once when several instances start at the same time', async () => {
    const dir = await copyOfMigrations();
    const table = uniqueName('race').replace(/[^a-z0-9]/g, '_');
    const name = `29990104000000_${table}`;
    await addMigration(dir, name, `CREATE TABLE "${table}" (id INT);`);
    const results = await Promise.all([migrate(t.url, dir), migrate(t.url, dir), migrate(t.url, dir)]);
    expect(results.map((r) => r.applied).flat()).toEqual([name]);
    expect((await migrationRows()).filter((r) => r.migration_name === name)).toHaveLength(1);
  });
});

import { existsSync } from 'node:fs';
import { rename } from 'node:fs/promises';
import path from 'node:path';
import type { PGlite, Transaction } from '@electric-sql/pglite';
import pg from 'pg';
import { BOOKKEEPING_DDL, listMigrations } from '../migrate';

/**
 * Versions before December 2026 kept the embedded database as PGlite files in `<data>/pgdata/`.
 * On the first start of this version that folder is imported into the new server, in one
 * transaction: the schema is rebuilt with the same migrations the old database had applied,
 * every table is copied row for row (foreign-key triggers off in replica mode, the
 * copy being of a consistent database), sequences are carried over, and the row counts are
 * compared. Only then is the old folder renamed to `pglite-backup/`, kept for the user to delete.
 * The database's comment records the import, so a crash between commit and rename is recognised.
 */
const MARKER = 'promptdeck: imported from PGlite';
const BATCH = 1000;

export function legacyPgliteDir(dataDir: string): string | undefined {
  const dir = path.join(dataDir, 'pgdata');
  return existsSync(path.join(dir, 'PG_VERSION')) ? dir : undefined;
}

const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;

async function backupName(legacyDir: string): Promise<string> {
  const base = path.join(path.dirname(legacyDir), 'pglite-backup');
  return existsSync(base) ? `${base}-${new Date().toISOString().replace(/[:.]/g, '-')}` : base;
}

async function copyTable(source: Transaction, target: pg.Client, table: string): Promise<number> {
  const cols = await target.query<{ attname: string }>(
    `SELECT attname FROM pg_attribute WHERE attrelid = $1::regclass AND attnum > 0 AND NOT attisdropped AND attgenerated = '' ORDER BY attnum`,
    [ident(table)],
  );
  const list = cols.rows.map((c) => ident(c.attname)).join(', ');
  await source.query(`DECLARE legacy_rows NO SCROLL CURSOR FOR SELECT row_to_json(t)::text AS j FROM ${ident(table)} t`);
  let copied = 0;
  for (;;) {
    const { rows } = await source.query<{ j: string }>(`FETCH ${BATCH} FROM legacy_rows`);
    if (rows.length === 0) break;
    await target.query(
      `INSERT INTO ${ident(table)} (${list}) OVERRIDING SYSTEM VALUE SELECT ${list} FROM json_populate_recordset(NULL::${ident(table)}, $1::json)`,
      [`[${rows.map((r) => r.j).join(',')}]`],
    );
    copied += rows.length;
  }
  await source.query('CLOSE legacy_rows');
  return copied;
}

async function copyAll(old: PGlite, target: pg.Client, applied: string[]): Promise<number> {
  const known = new Map((await listMigrations()).map((m) => [m.name, m]));
  const unknown = applied.filter((n) => !known.has(n));
  if (unknown.length) throw new Error(`it was migrated by a newer version of Promptdeck (${unknown.join(', ')}); start that version instead`);
  await target.query("SET LOCAL session_replication_role = 'replica'");
  await target.query(BOOKKEEPING_DDL);
  for (const name of applied) await target.query(known.get(name)!.sql);
  // Rows the migrations themselves inserted are in the old database too: copy them, not both.
  const created = await target.query<{ t: string }>(`SELECT tablename AS t FROM pg_tables WHERE schemaname = 'public'`);
  await target.query(`TRUNCATE ${created.rows.map((r) => ident(r.t)).join(', ')}`);
  let total = 0;
  await old.transaction(async (tx) => {
    const tables = await tx.query<{ name: string }>(
      `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') ORDER BY 1`,
    );
    for (const { name } of tables.rows) {
      const copied = await copyTable(tx, target, name);
      const { rows } = await target.query<{ n: string }>(`SELECT count(*) AS n FROM ${ident(name)}`);
      if (Number(rows[0]!.n) !== copied) throw new Error(`table ${name}: ${copied} rows read but ${rows[0]!.n} in the new database`);
      total += copied;
    }
    const seqs = await tx.query<{ name: string; last: string | null }>(`SELECT sequencename AS name, last_value::text AS last FROM pg_sequences WHERE schemaname = 'public'`);
    for (const s of seqs.rows) if (s.last !== null) await target.query('SELECT setval($1::regclass, $2::bigint, true)', [ident(s.name), s.last]);
  });
  return total;
}

export async function importLegacyPglite(opts: { legacyDir: string; url: string; log: (line: string) => void }): Promise<void> {
  const target = new pg.Client({ connectionString: opts.url });
  await target.connect();
  try {
    const state = await target.query<{ comment: string | null; tables: string }>(
      `SELECT shobj_description(d.oid, 'pg_database') AS comment, (SELECT count(*) FROM pg_tables WHERE schemaname = 'public') AS tables
       FROM pg_database d WHERE d.datname = current_database()`,
    );
    const { comment, tables } = state.rows[0]!;
    if (!comment?.startsWith(MARKER)) {
      if (Number(tables) > 0) {
        throw new Error(
          `${opts.legacyDir} holds a database from an earlier Promptdeck version (PGlite), but the new database next to it already has data, so it was not imported. ` +
            `Move ${opts.legacyDir} out of the data folder to keep the new database, or move the whole data folder away to import the old one into a fresh one.`,
        );
      }
      opts.log(`found a database from an earlier version (PGlite) in ${opts.legacyDir}; importing it into PostgreSQL`);
      const { PGlite } = await import('@electric-sql/pglite');
      let old: PGlite;
      try {
        old = await PGlite.create(opts.legacyDir);
      } catch (err) {
        throw new Error(`Could not open the earlier version's database in ${opts.legacyDir} (${(err as Error).message}); it was left untouched. Move it away to start afresh.`, { cause: err });
      }
      try {
        const hasBookkeeping = (await old.query<{ r: string | null }>(`SELECT to_regclass('public._prisma_migrations')::text AS r`)).rows[0]?.r;
        const migrations = hasBookkeeping
          ? await old.query<{ name: string; done: boolean }>(`SELECT migration_name AS name, finished_at IS NOT NULL AS done FROM "_prisma_migrations" WHERE rolled_back_at IS NULL ORDER BY migration_name`)
          : { rows: [] };
        if (migrations.rows.some((m) => !m.done)) throw new Error(`a migration in ${opts.legacyDir} never finished; it was left untouched`);
        const started = performance.now();
        await target.query('BEGIN');
        try {
          const rows = await copyAll(old, target, migrations.rows.map((m) => m.name));
          await target.query(`COMMENT ON DATABASE ${ident(await currentDb(target))} IS ${target.escapeLiteral(`${MARKER} ${opts.legacyDir} at ${new Date().toISOString()}`)}`);
          await target.query('COMMIT');
          opts.log(`imported ${rows} rows from ${migrations.rows.length ? 'the earlier version\'s database' : 'an empty earlier database'} in ${Math.round(performance.now() - started)} ms`);
        } catch (err) {
          await target.query('ROLLBACK').catch(() => undefined);
          throw new Error(`Importing the earlier version's database from ${opts.legacyDir} failed, nothing was changed: ${(err as Error).message}`, { cause: err });
        }
      } finally {
        await old.close().catch(() => undefined);
      }
    }
    const backup = await backupName(opts.legacyDir);
    await rename(opts.legacyDir, backup);
    opts.log(`the earlier version's PGlite folder is kept as ${backup}; delete it once you no longer need it`);
  } finally {
    await target.end();
  }
}

async function currentDb(client: pg.Client): Promise<string> {
  return (await client.query<{ d: string }>('SELECT current_database() AS d')).rows[0]!.d;
}

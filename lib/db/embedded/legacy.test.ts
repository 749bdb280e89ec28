import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { cp, mkdtemp, rename, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { BOOKKEEPING_DDL, listMigrations, migrate } from '../migrate';
import { startEmbeddedPostgres } from './index';

/**
 * A data folder from a version that kept the embedded database in PGlite (`<data>/pgdata`) is
 * imported into the PostgreSQL server on first start, and the old folder is kept as a backup.
 * The legacy database is built the way that version built it: the migrations of that time,
 * then rows of every table (and 2,500 invocations, more than one copy batch).
 */
const LEGACY_MIGRATIONS = ['20261120000000_init', '20261121000000_invocations', '20261122000000_feedback'];

const SAMPLE = `
INSERT INTO "User" VALUES ('u1', 'ada@example.com', 'Ada', '$argon2id$v=19$m=19456,t=2,p=1$abc$def', 'admin', '2026-11-01 10:00:00.123', '2026-11-02 11:00:00', NULL, NULL);
INSERT INTO "Session" VALUES ('s1', 'u1', '2026-11-01 10:00:00', '2026-12-01 10:00:00', '2026-11-03 09:30:00.5');
INSERT INTO "ApiKey" VALUES ('k1', 'ci', 'pd_abc', 'hash', 'deployer', DEFAULT, 'ada@example.com', NULL, NULL, NULL);
INSERT INTO "Prompt" VALUES ('p1', 'support-reply', 'Replies to tickets: "quoted", ünïcödé, 🎉', '{support,"with space"}', 2, 3, DEFAULT, 'ada@example.com', '2026-11-05 12:00:00');
INSERT INTO "PromptVersion" VALUES ('v1', 'p1', 1, '{"system": "You are {{persona}}.", "messages": [{"role": "user", "content": "Hi\\n{{text}}"}]}', '{persona,text}', 'anthropic.claude-3-5-haiku-20241022-v1:0', '{"temperature": 0.2, "maxTokens": 256}', 'first', DEFAULT, 'ada@example.com', NULL);
INSERT INTO "PromptVersion" VALUES ('v2', 'p1', 2, '{"messages": [{"role": "user", "content": "{{text}}"}]}', '{text}', 'us.anthropic.claude-3-7-sonnet-20250219-v1:0', '{"topP": 0.9}', '', DEFAULT, 'ada@example.com', '{"id": "gr-1", "version": "DRAFT"}');
INSERT INTO "Label" VALUES ('p1', 'production', 1, '2026-11-06 08:00:00', 'key:ci');
INSERT INTO "LabelEvent" ("promptId", label, action, "fromVersion", "toVersion", actor, reason) VALUES
  ('p1', 'production', 'deploy', NULL, 1, 'ada@example.com', 'first'), ('p1', 'production', 'deploy', 1, 2, 'key:ci', ''), ('p1', 'production', 'rollback', 2, 1, 'ada@example.com', 'bad');
UPDATE "ServingEpoch" SET value = 7 WHERE id = 1;
INSERT INTO "Setting" VALUES ('session_secret', 'x'||repeat('s', 40), '2026-11-01 00:00:00');
INSERT INTO "AuditEvent" (actor, action, target, details) VALUES ('ada@example.com', 'apiKey.create', 'k1', '{"role": "deployer", "nested": {"a": [1, 2.5, null, true]}}');
INSERT INTO "ModelPrice" VALUES ('anthropic.claude-3-5-haiku-20241022-v1:0', 0.8, 4, '2026-11-01 00:00:00', 'ada@example.com');
INSERT INTO "Invocation" ("id", "createdAt", "promptName", "promptVersion", "label", "modelId", "status", "source", "caller", "input", "output", "inputTokens", "outputTokens", "latencyMs", "costUsd", "metadata")
  SELECT 'inv-' || i, timestamp '2026-11-10 00:00:00' + i * interval '1.001 second', 'support-reply', 1 + i % 2, 'production',
         'anthropic.claude-3-5-haiku-20241022-v1:0', (ARRAY['ok', 'throttled', 'error'])[1 + i % 3]::"InvocationStatus", 'ingest', 'key:ci',
         jsonb_build_object('messages', jsonb_build_array(jsonb_build_object('role', 'user', 'content', 'call ' || i || ' – “quotes” \\ back\\slash'))),
         jsonb_build_object('text', 'answer ' || i), 100 + i, 20, 300 + i % 97, (100 + i) * 0.0000008 + 20 * 0.000004, jsonb_build_object('userRef', 'u-' || i % 10)
  FROM generate_series(1, 2500) AS i;
INSERT INTO "Feedback" VALUES ('f1', 'inv-1', 'key:ci', 'end-user-1', -1, 'wrong', 'key:ci', DEFAULT, '2026-11-11 00:00:00');
INSERT INTO "ReviewItem" VALUES ('inv-1', 'open', 'support-reply', 1, 'anthropic.claude-3-5-haiku-20241022-v1:0', DEFAULT, 'ada@example.com', NULL, NULL, NULL, NULL, 1);
INSERT INTO "Dataset" VALUES ('d1', 'golden', '', DEFAULT, 'ada@example.com');
INSERT INTO "DatasetExample" VALUES ('e1', 'd1', 'support-reply', 1, 'inv-1', '{"text": "late"}', 'Sorry it was late.', DEFAULT, 'ada@example.com');
`;

type Query = (sql: string) => Promise<{ rows: Record<string, unknown>[] }>;

/** Every public table, each row as JSON text, sorted: what must survive the import exactly. */
async function snapshot(query: Query): Promise<Record<string, string[]>> {
  const tables = (await query(`SELECT tablename AS t FROM pg_tables WHERE schemaname = 'public' ORDER BY 1`)).rows.map((r) => String(r.t));
  const out: Record<string, string[]> = {};
  for (const t of tables) out[t] = (await query(`SELECT row_to_json(x)::text AS j FROM "${t}" x ORDER BY 1`)).rows.map((r) => String(r.j));
  return out;
}

const dirs: string[] = [];
afterAll(async () => {
  for (const d of dirs) await rm(d, { recursive: true, force: true });
});

/** A data folder as the PGlite version left it (built once: PGlite's initdb is slow), copied per test. */
let template: Promise<{ dir: string; before: Record<string, string[]> }> | undefined;

async function buildTemplate(): Promise<{ dir: string; before: Record<string, string[]> }> {
  const dir = await mkdtemp(path.join(tmpdir(), 'promptdeck-legacy-template-'));
  dirs.push(dir);
  const old = await PGlite.create(path.join(dir, 'pgdata'));
  await old.exec(BOOKKEEPING_DDL);
  const migrations = (await listMigrations()).filter((m) => LEGACY_MIGRATIONS.includes(m.name));
  expect(migrations.map((m) => m.name)).toEqual(LEGACY_MIGRATIONS);
  for (const m of migrations) {
    await old.exec(m.sql);
    await old.query(`INSERT INTO "_prisma_migrations" (id, checksum, migration_name, finished_at, applied_steps_count) VALUES ($1, $2, $3, now(), 1)`, [randomUUID(), m.checksum, m.name]);
  }
  await old.exec(SAMPLE);
  const before = await snapshot((sql) => old.query(sql));
  await old.close();
  return { dir, before };
}

async function legacyFolder(): Promise<{ dataDir: string; before: Record<string, string[]> }> {
  template ??= buildTemplate();
  const { dir, before } = await template;
  const dataDir = await mkdtemp(path.join(tmpdir(), 'promptdeck-legacy-test-'));
  dirs.push(dataDir);
  await cp(path.join(dir, 'pgdata'), path.join(dataDir, 'pgdata'), { recursive: true });
  return { dataDir, before };
}

async function withClient<T>(url: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

describe('importing the database of a PGlite version', { timeout: 180_000 }, () => {
  it('copies every row of every table, continues the sequences, keeps the old folder as a backup, and upgrades with the later migrations', async () => {
    const { dataDir, before } = await legacyFolder();
    expect(before.Invocation).toHaveLength(2500);
    const lines: string[] = [];
    const s = await startEmbeddedPostgres({ dataDir, profile: 'test', log: (l) => lines.push(l) });
    try {
      expect(lines.join('\n')).toMatch(/importing it into PostgreSQL[\s\S]*imported \d+ rows[\s\S]*kept as .*pglite-backup/);
      expect(existsSync(path.join(dataDir, 'pgdata'))).toBe(false);
      expect(existsSync(path.join(dataDir, 'pglite-backup', 'PG_VERSION'))).toBe(true);
      await withClient(s.url, async (c) => {
        expect(await snapshot((sql) => c.query(sql))).toEqual(before);
        const next = await c.query(`INSERT INTO "LabelEvent" ("promptId", label, action, actor) VALUES ('p1', 'production', 'remove', 'x') RETURNING id`);
        expect(next.rows[0].id).toBe(4);
      });
      const result = await migrate(s.url);
      expect(result.alreadyApplied).toBe(LEGACY_MIGRATIONS.length);
    } finally {
      await s.stop();
    }

    // Started again: nothing is imported twice.
    const again: string[] = [];
    const s2 = await startEmbeddedPostgres({ dataDir, profile: 'test', log: (l) => again.push(l) });
    try {
      expect(again.join('\n')).not.toContain('import');
      expect(await withClient(s2.url, (c) => c.query(`SELECT count(*)::int AS n FROM "Invocation"`))).toMatchObject({ rows: [{ n: 2500 }] });
    } finally {
      await s2.stop();
    }
  });

  it('recognises an import that was committed but whose old folder was not yet renamed (a crash in between)', async () => {
    const { dataDir, before } = await legacyFolder();
    const s = await startEmbeddedPostgres({ dataDir, profile: 'test' });
    await s.stop();
    await rename(path.join(dataDir, 'pglite-backup'), path.join(dataDir, 'pgdata')); // as if the rename never happened
    const lines: string[] = [];
    const s2 = await startEmbeddedPostgres({ dataDir, profile: 'test', log: (l) => lines.push(l) });
    try {
      expect(lines.join('\n')).not.toContain('importing');
      expect(existsSync(path.join(dataDir, 'pglite-backup'))).toBe(true);
      expect(await withClient(s2.url, (c) => snapshot((sql) => c.query(sql)))).toEqual(before);
    } finally {
      await s2.stop();
    }
  });

  it('refuses, changing nothing, when the new database already has data next to an old folder', async () => {
    const { dataDir } = await legacyFolder();
    await rename(path.join(dataDir, 'pgdata'), path.join(dataDir, 'elsewhere'));
    const s = await startEmbeddedPostgres({ dataDir, profile: 'test' });
    await withClient(s.url, (c) => c.query('CREATE TABLE mine (v int)'));
    await s.stop();
    await rename(path.join(dataDir, 'elsewhere'), path.join(dataDir, 'pgdata'));
    await expect(startEmbeddedPostgres({ dataDir, profile: 'test' })).rejects.toThrow(/earlier Promptdeck version \(PGlite\), but the new database next to it already has data/);
    expect(existsSync(path.join(dataDir, 'pgdata', 'PG_VERSION'))).toBe(true);
    expect(existsSync(path.join(dataDir, 'pglite-backup'))).toBe(false);
    expect(existsSync(path.join(dataDir, 'promptdeck.pid'))).toBe(false);
  });
});

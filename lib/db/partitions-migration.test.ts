import { cp, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getInvocation } from '../invocations/queries';
import { createTestDb, ctxFor, type TestDb } from '../test/db';
import { MIGRATIONS_DIR, migrate } from './migrate';

/**
 * Migration 20261205000200_invocation_partitions on a database with logs written before it:
 * every row, its feedback and its review item survive, each row in its month's partition.
 */
const MIGRATION = '20261205000200_invocation_partitions';
let t: TestDb;
let c: pg.Client;
let dir: string;
const q = async <R extends pg.QueryResultRow = Record<string, unknown>>(sql: string, params: unknown[] = []) => (await c.query<R>(sql, params)).rows;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'promptdeck-before-partitions-'));
  for (const e of await readdir(MIGRATIONS_DIR, { withFileTypes: true })) {
    if (!e.isDirectory() || e.name < MIGRATION) await cp(path.join(MIGRATIONS_DIR, e.name), path.join(dir, e.name), { recursive: true });
  }
  t = await createTestDb({ migrationsDir: dir });
  c = new pg.Client({ connectionString: t.url });
  await c.connect();
  // 1,200 calls, one every two hours from 2025-01-01 (100 days: January to April), plus one from today.
  await q(`INSERT INTO "Invocation" ("id","createdAt","modelId","status","source","caller","input","output","promptName","promptVersion")
           SELECT md5('inv-' || i)::uuid::text, timestamp '2025-01-01' + (i * interval '2 hours'), 'm', 'ok', 'ingest', 'key:x',
                  '{"messages":[{"role":"user","content":"hello"}]}', ('{"text":"needle ' || i || '"}')::jsonb, 'p', 1
             FROM generate_series(1, 1200) i`);
  await q(`INSERT INTO "Invocation" ("id","createdAt","modelId","status","source","caller","input") VALUES (md5('inv-now')::uuid::text, now(), 'm', 'ok', 'ingest', 'key:x', '{}')`);
  await q(`INSERT INTO "Feedback" ("id","invocationId","score","caller","updatedAt") VALUES ('fb-1', md5('inv-5')::uuid::text, -1, 'key:x', now())`);
  await q(`INSERT INTO "ReviewItem" ("invocationId","modelId") VALUES (md5('inv-5')::uuid::text, 'm')`);
  await migrate(t.url);
});
afterAll(async () => {
  await c?.end();
  await t?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe(`migration ${MIGRATION}`, () => {
  it('keeps every row, each in its own month', async () => {
    const rows = await q<{ p: string; n: string }>(`SELECT tableoid::regclass::text AS p, count(*)::text AS n FROM "Invocation" GROUP BY 1 ORDER BY 1`);
    const byPart = Object.fromEntries(rows.map((r) => [r.p.replace(/"/g, ''), Number(r.n)]));
    expect(byPart['Invocation_p2025_01']).toBe(12 * 31 - 1); // from 02:00 on Jan 1st
    expect(byPart['Invocation_p2025_02']).toBe(12 * 28);
    expect(byPart['Invocation_p2025_03']).toBe(12 * 31);
    expect(byPart['Invocation_p2025_04']).toBe(1200 - (12 * 31 - 1) - 12 * 28 - 12 * 31); // 100 days in all
    expect(Object.values(byPart).reduce((a, b) => a + b, 0)).toBe(1201);
    expect(byPart['Invocation_default']).toBeUndefined();
  });

  it('keeps feedback and review items readable with their invocation, and full-text search working', async () => {
    const [{ id } = { id: '' }] = await q<{ id: string }>(`SELECT md5('inv-5')::uuid::text AS id`);
    const inv = await getInvocation(ctxFor(t.db, 'viewer'), id);
    expect(inv).toMatchObject({ id, feedback: [{ score: -1 }] });
    const [review] = await q<{ invocationId: string }>(`SELECT "invocationId" FROM "ReviewItem"`);
    expect(review?.invocationId).toBe(id);
    const hits = await q<{ id: string }>(
      `SELECT output->>'text' AS id FROM "Invocation" WHERE to_tsvector('simple'::regconfig, invocation_search_text("input", "output")) @@ plainto_tsquery('simple', 'needle 77')`,
    );
    expect(hits.map((h) => h.id)).toEqual(['needle 77']);
  });
});

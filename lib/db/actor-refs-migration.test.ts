import { cp, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiKey } from '../auth/api-keys';
import { submitFeedback } from '../feedback/votes';
import { createTestDb, type TestDb } from '../test/db';
import { expectError } from '../test/helpers';
import { MIGRATIONS_DIR, migrate } from './migrate';

/**
 * Migration 20261202000300_actor_refs on a database written before typed actors: display
 * strings (emails, `key:<name>`) become typed references where that is unambiguous, the rest
 * stays readable and untyped, and duplicate active key names are made unique.
 */
const MIGRATION = '20261202000300_actor_refs';
let t: TestDb;
let c: pg.Client;
let dir: string;
const q = async <R extends pg.QueryResultRow = Record<string, unknown>>(sql: string, params: unknown[] = []) => (await c.query<R>(sql, params)).rows;
const one = async <R extends pg.QueryResultRow = Record<string, unknown>>(sql: string, params: unknown[] = []) => (await q<R>(sql, params))[0]!;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'promptdeck-before-actor-refs-'));
  for (const e of await readdir(MIGRATIONS_DIR, { withFileTypes: true })) {
    if (!e.isDirectory() || e.name < MIGRATION) await cp(path.join(MIGRATIONS_DIR, e.name), path.join(dir, e.name), { recursive: true });
  }
  t = await createTestDb({ migrationsDir: dir });
  c = new pg.Client({ connectionString: t.url });
  await c.connect();
  const ts = (d: string) => `2026-${d}T00:00:00Z`;
  await q(`INSERT INTO "User" (id, email, name, "passwordHash", role, "updatedAt") VALUES
    ('u-alice', 'alice@x.test', 'Alice Doe', 'h', 'admin', now()), ('u-bob', 'bob@x.test', 'Bob Roe', 'h', 'reviewer', now())`);
  await q(
    `INSERT INTO "ApiKey" (id, name, prefix, "keyHash", role, "createdAt", "createdBy", "revokedAt", "revokedBy") VALUES
      ('k-ci', 'ci', 'pd_ci00000', 'h1', 'editor', $1, 'alice@x.test', NULL, NULL),
      ('k-app-a', 'app', 'pd_appAAAA', 'h2', 'viewer', $1, 'alice@x.test', NULL, NULL),
      ('k-app-b', 'app', 'pd_appBBBB', 'h3', 'viewer', $2, 'key:ci', NULL, NULL),
      ('k-app-c', 'APP', 'pd_appCCCC', 'h6', 'viewer', $3, 'key:ci', NULL, NULL),
      ('k-old-1', 'old', 'pd_old1111', 'h4', 'viewer', $1, 'system', $3, 'bob@x.test'),
      ('k-old-2', 'old', 'pd_old2222', 'h5', 'viewer', $4, 'alice@x.test', NULL, NULL)`,
    [ts('01-01'), ts('02-01'), ts('03-01'), ts('03-02')],
  );
  await q(`INSERT INTO "Prompt" (id, name, "createdBy", "updatedAt", "latestVersion") VALUES ('p1', 'legacy', 'alice@x.test', now(), 1)`);
  await q(`INSERT INTO "PromptVersion" (id, "promptId", version, template, variables, "modelId", params, "createdBy") VALUES ('v1', 'p1', 1, '{}', '{}', 'm', '{}', 'key:ci')`);
  await q(`INSERT INTO "Label" ("promptId", name, version, "updatedAt", "updatedBy") VALUES ('p1', 'production', 1, $1, 'key:app')`, [ts('02-15')]);
  await q(
    `INSERT INTO "LabelEvent" ("promptId", label, action, "fromVersion", "toVersion", actor, at) VALUES
      ('p1', 'production', 'deploy', NULL, 1, 'key:old', $1),
      ('p1', 'production', 'deploy', 1, 1, 'key:old', $2),
      ('p1', 'staging', 'deploy', NULL, 1, 'key:app', $3),
      ('p1', 'staging', 'deploy', 1, 1, 'demo-seed', $3)`,
    [ts('02-01'), ts('04-01'), ts('01-15')],
  );
  await q(`INSERT INTO "AuditEvent" (actor, action, target) VALUES ('bob@x.test', 'user.update', 'u-alice'), ('system', 'x', 'y')`);
  await q(`INSERT INTO "ModelPrice" ("modelId", "inputPerMTokUsd", "outputPerMTokUsd", "updatedAt", "updatedBy") VALUES ('m', 1, 2, now(), 'alice@x.test')`);
  await q(`INSERT INTO "Invocation" (id, "modelId", status, source, caller, input, "createdAt") VALUES
    ('00000000-0000-7000-8000-000000000001', 'm', 'ok', 'ingest', 'key:ci', '{}', $1)`, [ts('05-01')]);
  const inv = '00000000-0000-7000-8000-000000000001';
  await q(
    `INSERT INTO "Feedback" (id, "invocationId", voter, "userRef", score, caller, "updatedAt") VALUES
      ('f1', $1, 'ref:u1', 'u1', 1, 'key:ci', $2),
      ('f2', $1, 'alice@x.test', NULL, -1, 'alice@x.test', $2),
      ('f3', $1, 'key:app', NULL, 1, 'key:app', $2)`,
    [inv, ts('05-02')],
  );
  await q(`INSERT INTO "ReviewItem" ("invocationId", "modelId", assignee) VALUES ($1, 'm', 'alice@x.test')`, [inv]);
  await q(`INSERT INTO "Dataset" (id, name, "createdBy") VALUES ('d1', 'gt', 'demo-seed')`);
  await q(`INSERT INTO "DatasetExample" (id, "datasetId", variables, "expectedOutput", "createdBy") VALUES ('e1', 'd1', '{}', 'x', 'bob@x.test')`);
  // This one first; later migrations (if any) follow it.
  expect((await migrate(t.url)).applied[0]).toBe(MIGRATION);
});

afterAll(async () => {
  await c?.end();
  await t?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe(`migration ${MIGRATION}`, () => {
  it('resolves emails to users (display: their name) and unique key names to keys', async () => {
    expect(await one(`SELECT "createdBy", "createdByType", "createdById" FROM "Prompt" WHERE id = 'p1'`)).toEqual({ createdBy: 'Alice Doe', createdByType: 'user', createdById: 'u-alice' });
    expect(await one(`SELECT "createdBy", "createdByType", "createdById" FROM "PromptVersion" WHERE id = 'v1'`)).toEqual({ createdBy: 'ci', createdByType: 'api_key', createdById: 'k-ci' });
    expect(await one(`SELECT caller, "callerType", "callerId" FROM "Invocation"`)).toEqual({ caller: 'ci', callerType: 'api_key', callerId: 'k-ci' });
    expect(await one(`SELECT "updatedBy", "updatedByType", "updatedById" FROM "ModelPrice"`)).toEqual({ updatedBy: 'Alice Doe', updatedByType: 'user', updatedById: 'u-alice' });
    expect(await one(`SELECT assignee, "assigneeType", "assigneeId" FROM "ReviewItem"`)).toEqual({ assignee: 'Alice Doe', assigneeType: 'user', assigneeId: 'u-alice' });
    expect(await one(`SELECT "createdBy", "createdByType", "createdById" FROM "DatasetExample"`)).toEqual({ createdBy: 'Bob Roe', createdByType: 'user', createdById: 'u-bob' });
    expect(await one(`SELECT "revokedBy", "revokedByType", "revokedById", "createdBy", "createdByType" FROM "ApiKey" WHERE id = 'k-old-1'`)).toEqual({
      revokedBy: 'Bob Roe',
      revokedByType: 'user',
      revokedById: 'u-bob',
      createdBy: 'system',
      createdByType: null,
    });
    expect(await q(`SELECT actor, "actorType", "actorId" FROM "AuditEvent" WHERE action <> 'api_key.rename' ORDER BY id`)).toEqual([
      { actor: 'Bob Roe', actorType: 'user', actorId: 'u-bob' },
      { actor: 'system', actorType: null, actorId: null },
    ]);
  });

  it('tells keys that shared a name apart by which one existed at the time, and leaves the rest untyped', async () => {
    const events = await q(`SELECT label, at, actor, "actorType", "actorId" FROM "LabelEvent" ORDER BY id`);
    expect(events.map((e) => [e.actor, e.actorType, e.actorId])).toEqual([
      ['old', 'api_key', 'k-old-1'], // only the first "old" existed on Feb 1
      ['old', 'api_key', 'k-old-2'], // only the second on Apr 1
      ['app', 'api_key', 'k-app-a'], // only the first "app" existed on Jan 15
      ['demo-seed', null, null],
    ]);
    // Both keys named app were alive on Feb 15: no guess.
    expect(await one(`SELECT "updatedBy", "updatedByType", "updatedById" FROM "Label"`)).toEqual({ updatedBy: 'key:app', updatedByType: null, updatedById: null });
    expect(await one(`SELECT "createdBy", "createdByType" FROM "Dataset"`)).toEqual({ createdBy: 'demo-seed', createdByType: null });
  });

  it('gives votes typed voters; an unresolved caller keeps its vote without a voter', async () => {
    const rows = await q(`SELECT id, "voterType", "voterId", caller, "callerType", "callerId" FROM "Feedback" ORDER BY id`);
    expect(rows).toEqual([
      { id: 'f1', voterType: 'user_ref', voterId: 'u1', caller: 'ci', callerType: 'api_key', callerId: 'k-ci' },
      { id: 'f2', voterType: 'user', voterId: 'u-alice', caller: 'Alice Doe', callerType: 'user', callerId: 'u-alice' },
      { id: 'f3', voterType: null, voterId: null, caller: 'key:app', callerType: null, callerId: null },
    ]);
    // Alice voting again replaces her migrated vote.
    const alice = { db: t.db, actor: { kind: 'user' as const, id: 'u-alice', display: 'Alice Doe', role: 'admin' as const } };
    await submitFeedback(alice, '00000000-0000-7000-8000-000000000001', { score: 1 });
    expect(await q(`SELECT id, score FROM "Feedback" WHERE "voterId" = 'u-alice'`)).toEqual([{ id: 'f2', score: 1 }]);
  });

  it('makes active key names unique: the oldest keeps the name, the others get their prefix, in the audit trail', async () => {
    const keys = await q(`SELECT id, name FROM "ApiKey" ORDER BY id`);
    expect(keys).toEqual([
      { id: 'k-app-a', name: 'app' },
      { id: 'k-app-b', name: 'app (pd_appBBBB)' },
      { id: 'k-app-c', name: 'APP (pd_appCCCC)' },
      { id: 'k-ci', name: 'ci' },
      { id: 'k-old-1', name: 'old' }, // revoked: not renamed
      { id: 'k-old-2', name: 'old' },
    ]);
    const renames = await q(`SELECT target, details, actor, "actorType" FROM "AuditEvent" WHERE action = 'api_key.rename' ORDER BY target`);
    expect(renames).toEqual([
      { target: 'k-app-b', details: expect.objectContaining({ from: 'app', to: 'app (pd_appBBBB)' }), actor: `migration ${MIGRATION}`, actorType: null },
      { target: 'k-app-c', details: expect.objectContaining({ from: 'APP', to: 'APP (pd_appCCCC)' }), actor: `migration ${MIGRATION}`, actorType: null },
    ]);
    const admin = { db: t.db, actor: { kind: 'user' as const, id: 'u-alice', display: 'Alice Doe', role: 'admin' as const } };
    const e = await expectError(createApiKey(admin, { name: 'App', role: 'viewer' }), 'conflict');
    expect(e.message).toMatch(/already named "App"/);
  });
});

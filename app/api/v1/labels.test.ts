import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '@/lib/auth/roles';
import { call, expectApiError, expectFields, startApi, type ApiEnv, type ApiResponse } from '@/lib/test/api';
import { ctxFor, uniqueName } from '@/lib/test/db';
import { versionBody } from '@/lib/test/helpers';
import { loadRoutes, type Routes } from '@/lib/test/routes';
import { createPrompt } from '@/lib/catalog/prompts';
import { createVersion } from '@/lib/catalog/versions';

/** Labels: move, rollback, remove, history, over the HTTP route handlers. */
let api: ApiEnv;
let r: Routes;
beforeAll(async () => {
  api = await startApi();
  r = await loadRoutes();
});
afterAll(async () => {
  await api?.close();
});

/** A prompt with `n` versions (created through the services; the HTTP paths are tested elsewhere). */
async function promptWith(n: number): Promise<string> {
  const name = uniqueName('lbl');
  await createPrompt(ctxFor(api.t.db, 'editor'), { name });
  for (let i = 0; i < n; i++) await createVersion(ctxFor(api.t.db, 'editor'), name, versionBody());
  return name;
}

const put = (name: string, label: string, body: unknown, role: Role = 'deployer') =>
  call(r.label.PUT, 'PUT', `/api/v1/prompts/${name}/labels/${label}`, { token: api.tokens[role], params: { name, label }, body });
const rollback = (name: string, label: string, body?: unknown, role: Role = 'deployer') =>
  call(r.rollback.POST, 'POST', `/api/v1/prompts/${name}/labels/${label}/rollback`, { token: api.tokens[role], params: { name, label }, body });
const remove = (name: string, label: string, qs = '', role: Role = 'deployer') =>
  call(r.label.DELETE, 'DELETE', `/api/v1/prompts/${name}/labels/${label}${qs}`, { token: api.tokens[role], params: { name, label } });
const history = (name: string, label: string, qs = '', role: Role = 'viewer') =>
  call(r.labelHistory.GET, 'GET', `/api/v1/prompts/${name}/labels/${label}/history${qs}`, { token: api.tokens[role], params: { name, label } });

const ok = (res: ApiResponse) => {
  expect(res.status, res.text).toBe(200);
  return res.json;
};

describe('PUT /api/v1/prompts/{name}/labels/{label}', () => {
  it('moves the label: 200 {label, version, previousVersion}', async () => {
    const name = await promptWith(2);
    expect(ok(await put(name, 'production', { version: 1, reason: 'first' }))).toEqual({ label: 'production', version: 1, previousVersion: null, changed: true });
    expect(ok(await put(name, 'production', { version: 2 }))).toEqual({ label: 'production', version: 2, previousVersion: 1, changed: true });
  });

  it('200 changed: false and no history event when the label already points at the version', async () => {
    const name = await promptWith(2);
    ok(await put(name, 'production', { version: 2 }));
    expect(ok(await put(name, 'production', { version: 2, expectedVersion: 2 }))).toEqual({ label: 'production', version: 2, previousVersion: 2, changed: false });
    expect(ok(await history(name, 'production')).items).toHaveLength(1);
  });

  it('409 label_conflict with details.currentVersion; expectedVersion null means must not exist', async () => {
    const name = await promptWith(3);
    ok(await put(name, 'production', { version: 1, expectedVersion: null }));
    const details = expectApiError(await put(name, 'production', { version: 2, expectedVersion: null }), 409, 'label_conflict');
    expect(details).toMatchObject({ currentVersion: 1 });
    expect(expectApiError(await put(name, 'production', { version: 3, expectedVersion: 2 }), 409, 'label_conflict')).toMatchObject({ currentVersion: 1 });
    ok(await put(name, 'production', { version: 3, expectedVersion: 1 }));
  });

  it('20 concurrent moves with the same expectedVersion: one 200, nineteen 409', async () => {
    const name = await promptWith(2);
    ok(await put(name, 'production', { version: 1 }));
    const results = await Promise.all(Array.from({ length: 20 }, () => put(name, 'production', { version: 2, expectedVersion: 1 })));
    expect(results.filter((x) => x.status === 200)).toHaveLength(1);
    const conflicts = results.filter((x) => x.status === 409);
    expect(conflicts).toHaveLength(19);
    for (const c of conflicts) expect(expectApiError(c, 409, 'label_conflict')).toMatchObject({ currentVersion: 2, expectedVersion: 1 });
  });

  it('404 unknown version or prompt; 400 bad body, bad label name, or latest', async () => {
    const name = await promptWith(1);
    expectApiError(await put(name, 'production', { version: 5 }), 404, 'not_found');
    const missing = uniqueName('missing');
    expectApiError(await put(missing, 'production', { version: 1 }), 404, 'not_found');
    expectFields(await put(name, 'production', {}), 'version');
    expectFields(await put(name, 'production', { version: 'one' }), 'version');
    expectFields(await put(name, 'production', { version: 1, expectedVersion: 'x' }), 'expectedVersion');
    expectFields(await put(name, 'Bad Label', { version: 1 }), 'label');
    expectApiError(await put(name, 'latest', { version: 1 }), 400, 'label_reserved');
    const raw = await call(r.label.PUT, 'PUT', `/api/v1/prompts/${name}/labels/production`, { token: api.tokens.deployer, params: { name, label: 'production' }, rawBody: '{"version":' });
    expectApiError(raw, 400, 'invalid_json');
  });

  it('403 for viewer, reviewer and editor; deployer and admin may', async () => {
    const name = await promptWith(1);
    for (const role of ['viewer', 'reviewer', 'editor'] as const) expectApiError(await put(name, 'production', { version: 1 }, role), 403, 'forbidden');
    ok(await put(name, 'production', { version: 1 }, 'deployer'));
    ok(await put(name, 'staging', { version: 1 }, 'admin'));
    const anonymous = await call(r.label.PUT, 'PUT', `/api/v1/prompts/${name}/labels/production`, { params: { name, label: 'production' }, body: { version: 1 } });
    expectApiError(anonymous, 401, 'unauthorized');
  });
});

describe('POST .../rollback', () => {
  it('walks back through the history, then 409 nothing_to_rollback', async () => {
    const name = await promptWith(3);
    for (const v of [1, 2, 3]) ok(await put(name, 'production', { version: v }));
    expect(ok(await rollback(name, 'production', { reason: 'bad' }))).toEqual({ label: 'production', version: 2, previousVersion: 3 });
    expect(ok(await rollback(name, 'production'))).toEqual({ label: 'production', version: 1, previousVersion: 2 });
    expect(expectApiError(await rollback(name, 'production'), 409, 'nothing_to_rollback')).toMatchObject({ currentVersion: 1 });
  });

  it('400 for latest or a bad body, 404 for a label that never existed, 403 by role', async () => {
    const name = await promptWith(2);
    ok(await put(name, 'production', { version: 1 }));
    ok(await put(name, 'production', { version: 2 }));
    expectApiError(await rollback(name, 'latest'), 400, 'label_reserved');
    expectFields(await rollback(name, 'production', { reason: 5 }), 'reason');
    expectApiError(await rollback(name, 'canary'), 404, 'not_found');
    for (const role of ['viewer', 'reviewer', 'editor'] as const) expectApiError(await rollback(name, 'production', {}, role), 403, 'forbidden');
    expect(ok(await rollback(name, 'production', {}, 'admin')).version).toBe(1);
  });
});

describe('DELETE .../labels/{label}', () => {
  it('204 with no body, recorded in the history; rollback restores; 404 when absent', async () => {
    const name = await promptWith(2);
    ok(await put(name, 'production', { version: 2 }));
    const res = await remove(name, 'production', '?reason=incident');
    expect(res.status).toBe(204);
    expect(res.text).toBe('');
    const serve = await call(r.prompt.GET, 'GET', `/api/v1/prompts/${name}`, { token: api.tokens.viewer, params: { name } });
    expectApiError(serve, 404, 'not_found');
    expect(ok(await history(name, 'production')).items[0]).toMatchObject({ action: 'remove', fromVersion: 2, toVersion: null, reason: 'incident' });
    expectApiError(await remove(name, 'production'), 404, 'not_found');
    expect(ok(await rollback(name, 'production'))).toEqual({ label: 'production', version: 2, previousVersion: null });
  });

  it('400 for latest, 409 on a stale expectedVersion, 403 by role', async () => {
    const name = await promptWith(1);
    ok(await put(name, 'production', { version: 1 }));
    expectApiError(await remove(name, 'latest'), 400, 'label_reserved');
    expectApiError(await remove(name, 'production', '?expectedVersion=2'), 409, 'label_conflict');
    expectFields(await remove(name, 'production', '?expectedVersion=abc'), 'expectedVersion');
    for (const role of ['viewer', 'reviewer', 'editor'] as const) expectApiError(await remove(name, 'production', '', role), 403, 'forbidden');
    expect((await remove(name, 'production', '', 'admin')).status).toBe(204);
  });
});

describe('history and the labels list', () => {
  it('GET .../history: events newest first with action, from/to, actor, reason, at', async () => {
    const name = await promptWith(2);
    ok(await put(name, 'production', { version: 1, reason: 'launch' }));
    ok(await put(name, 'production', { version: 2 }, 'admin'));
    ok(await rollback(name, 'production', { reason: 'regression' }));
    const h = ok(await history(name, 'production'));
    expect(h.nextCursor).toBeNull();
    expect(h.items).toHaveLength(3);
    expect(h.items[0]).toMatchObject({ action: 'rollback', fromVersion: 2, toVersion: 1, reason: 'regression' });
    expect(h.items[0].actor).toMatch(/^key-deployer-/);
    expect(h.items[0].actorRef).toMatchObject({ type: 'api_key', display: h.items[0].actor });
    expect(h.items[1]).toMatchObject({ action: 'deploy', fromVersion: 1, toVersion: 2, reason: '' });
    expect(h.items[1].actor).toMatch(/^key-admin-/);
    expect(h.items[1].actorRef.id).not.toBe(h.items[0].actorRef.id);
    expect(h.items[2]).toMatchObject({ action: 'deploy', fromVersion: null, toVersion: 1, reason: 'launch' });
    for (const e of h.items) expect(new Date(e.at).toISOString()).toBe(e.at);
    const p1 = ok(await history(name, 'production', '?limit=2'));
    expect(p1.items).toHaveLength(2);
    const p2 = ok(await history(name, 'production', `?limit=2&cursor=${p1.nextCursor}`));
    expect([...p1.items, ...p2.items].map((e: { id: number }) => e.id)).toEqual(h.items.map((e: { id: number }) => e.id));
    expect(p2.nextCursor).toBeNull();
    expectFields(await history(name, 'production', '?limit=201'), 'limit');
    expectApiError(await history(name, 'canary'), 404, 'not_found');
    const missing = uniqueName('missing');
    expectApiError(await history(missing, 'production'), 404, 'not_found');
  });

  it('GET .../labels lists labels including latest; GET .../history covers every label', async () => {
    const name = await promptWith(2);
    ok(await put(name, 'production', { version: 1 }));
    ok(await put(name, 'canary', { version: 2 }));
    const labels = ok(await call(r.labels.GET, 'GET', `/api/v1/prompts/${name}/labels`, { token: api.tokens.viewer, params: { name } }));
    expect(labels.items.map((l: { name: string; version: number; automatic: boolean }) => [l.name, l.version, l.automatic])).toEqual([
      ['canary', 2, false],
      ['production', 1, false],
      ['latest', 2, true],
    ]);
    const all = ok(await call(r.promptHistory.GET, 'GET', `/api/v1/prompts/${name}/history`, { token: api.tokens.viewer, params: { name } }));
    expect(all.items.map((e: { label: string }) => e.label)).toEqual(['canary', 'production']);
    const missing = uniqueName('missing');
    expectApiError(await call(r.labels.GET, 'GET', `/api/v1/prompts/${missing}/labels`, { token: api.tokens.viewer, params: { name: missing } }), 404, 'not_found');
  });
});

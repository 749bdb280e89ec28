import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '@/lib/auth/users';
import { call, expectApiError, expectFields, startApi, type ApiEnv, type ApiResponse } from '@/lib/test/api';
import { ctxFor, uniqueName } from '@/lib/test/db';
import { loadRoutes, type Routes } from '@/lib/test/routes';

/** Sessions, users, API keys, the OpenAPI document and the /api catch-all (setup: setup.test.ts). */
let api: ApiEnv;
let r: Routes;
beforeAll(async () => {
  api = await startApi();
  r = await loadRoutes();
});
afterAll(async () => {
  await api?.close();
});

const email = () => `${uniqueName('u')}@example.com`;
const PASSWORD = 'correct horse battery';

/** The `name=value` part of a Set-Cookie header, ready for a Cookie header. */
function cookieOf(res: ApiResponse): string {
  const set = res.headers.get('set-cookie');
  expect(set).toBeTruthy();
  return set!.split(';')[0]!;
}

const login = (body: unknown, url = '/api/v1/auth/session', headers: Record<string, string> = {}) =>
  call(r.session.POST, 'POST', url, { body, headers });
const whoAmI = (cookie: string) => call(r.session.GET, 'GET', '/api/v1/auth/session', { headers: { cookie } });

async function userWithPassword(role: 'viewer' | 'editor' | 'admin' = 'viewer') {
  const address = email();
  const user = await createUser(ctxFor(api.t.db, 'admin'), { name: 'Test User', email: address, password: PASSWORD, role });
  return { ...user, address };
}

describe('/api/v1/auth/session', () => {
  it('signs in with the right password: 200, HttpOnly cookie that authenticates API calls', async () => {
    const u = await userWithPassword('viewer');
    const res = await login({ email: u.address, password: PASSWORD });
    expect(res.status, res.text).toBe(200);
    expect(res.json.user).toMatchObject({ id: u.id, email: u.address, role: 'viewer' });
    expect(res.json.user.lastLoginAt).not.toBeNull();
    const set = res.headers.get('set-cookie')!;
    expect(set).toMatch(/^promptdeck_session=[^;]+;/);
    expect(set).toMatch(/HttpOnly/);
    expect(set).toMatch(/SameSite=Lax/);
    expect(set).not.toMatch(/Secure/); // plain http
    const cookie = cookieOf(res);
    const list = await call(r.prompts.GET, 'GET', '/api/v1/prompts', { headers: { cookie } });
    expect(list.status).toBe(200);
    expect(list.json).toHaveProperty('items');
    // the session carries the user's role: a viewer cannot create
    expectApiError(await call(r.prompts.POST, 'POST', '/api/v1/prompts', { headers: { cookie, origin: 'http://localhost' }, body: { name: uniqueName() } }), 403, 'forbidden');
  });

  it('marks the cookie Secure behind https', async () => {
    const u = await userWithPassword();
    const res = await login({ email: u.address, password: PASSWORD }, '/api/v1/auth/session', { 'x-forwarded-proto': 'https' });
    expect(res.headers.get('set-cookie')).toMatch(/; Secure/);
  });

  it('401 for a wrong password or unknown email (same message), 400 for bad input', async () => {
    const u = await userWithPassword();
    const wrong = await login({ email: u.address, password: 'wrong password' });
    expectApiError(wrong, 401, 'unauthorized');
    expect(wrong.headers.get('set-cookie')).toBeNull();
    const unknown = await login({ email: email(), password: PASSWORD });
    expectApiError(unknown, 401, 'unauthorized');
    expect(unknown.json.error.message).toBe(wrong.json.error.message);
    expectFields(await login({ email: 'not-an-email', password: 'x' }), 'email');
    expectFields(await login({ email: u.address }), 'password');
    expectApiError(await call(r.session.POST, 'POST', '/api/v1/auth/session', { rawBody: 'email=x' }), 400, 'invalid_json');
  });

  it('401 for a missing or forged cookie; sign-out ends the session', async () => {
    expectApiError(await call(r.session.GET, 'GET', '/api/v1/auth/session'), 401, 'unauthorized');
    expectApiError(await whoAmI('promptdeck_session=forged'), 401, 'unauthorized');
    const u = await userWithPassword();
    const cookie = cookieOf(await login({ email: u.address, password: PASSWORD }));
    expect((await whoAmI(cookie)).status).toBe(200);
    const out = await call(r.session.DELETE, 'DELETE', '/api/v1/auth/session', { headers: { cookie, 'sec-fetch-site': 'same-origin' } });
    expect(out.status).toBe(204);
    expect(out.headers.get('set-cookie')).toMatch(/Max-Age=0/);
    expectApiError(await whoAmI(cookie), 401, 'unauthorized');
  });

  it('GET reports an API key caller too', async () => {
    const me = await call(r.session.GET, 'GET', '/api/v1/auth/session', { token: api.tokens.deployer });
    expect(me.json.actor).toMatchObject({ kind: 'apiKey', role: 'deployer' });
  });
});

describe('/api/v1/users', () => {
  const post = (body: unknown, token = api.tokens.admin) => call(r.users.POST, 'POST', '/api/v1/users', { token, body });
  const patch = (id: string, body: unknown, opts: { token?: string; cookie?: string } = { token: api.tokens.admin }) =>
    call(r.user.PATCH, 'PATCH', `/api/v1/users/${id}`, { token: opts.token, headers: opts.cookie ? { cookie: opts.cookie, origin: 'http://localhost' } : {}, params: { id }, body });

  it('admin creates (201), lists, and changes roles; duplicates 409; bad input 400', async () => {
    const address = email();
    const res = await post({ name: 'Ed', email: address, password: PASSWORD, role: 'editor' });
    expect(res.status, res.text).toBe(201);
    expect(res.json).toMatchObject({ email: address, role: 'editor', disabled: false });
    expect(res.json).not.toHaveProperty('passwordHash');
    expectApiError(await post({ name: 'Ed', email: address.toUpperCase(), password: PASSWORD, role: 'editor' }), 409, 'conflict');
    expectFields(await post({ name: '', email: 'x', password: 'short', role: 'owner' }), 'name', 'email', 'password', 'role');
    const list = await call(r.users.GET, 'GET', '/api/v1/users', { token: api.tokens.admin });
    expect(list.status).toBe(200);
    expect(list.json.nextCursor).toBeNull();
    expect(list.json.items.map((u: { email: string }) => u.email)).toContain(address);
    const changed = await patch(res.json.id, { role: 'deployer' });
    expect(changed.status).toBe(200);
    expect(changed.json.role).toBe('deployer');
    expectFields(await patch(res.json.id, { role: 'root' }), 'role');
    expectApiError(await patch('no-such-user', { role: 'viewer' }), 404, 'not_found');
  });

  it('403 for every role but admin; 401 without credentials', async () => {
    for (const role of ['viewer', 'reviewer', 'editor', 'deployer'] as const) {
      expectApiError(await call(r.users.GET, 'GET', '/api/v1/users', { token: api.tokens[role] }), 403, 'forbidden');
      expectApiError(await post({ name: 'X', email: email(), password: PASSWORD, role: 'admin' }, api.tokens[role]), 403, 'forbidden');
      expectApiError(await patch('x', { role: 'admin' }, { token: api.tokens[role] }), 403, 'forbidden');
    }
    expectApiError(await call(r.users.GET, 'GET', '/api/v1/users'), 401, 'unauthorized');
  });

  it('disabling a user ends their sessions and blocks sign-in; admins cannot demote themselves', async () => {
    const u = await userWithPassword('editor');
    const cookie = cookieOf(await login({ email: u.address, password: PASSWORD }));
    expect((await patch(u.id, { disabled: true })).json.disabled).toBe(true);
    expectApiError(await whoAmI(cookie), 401, 'unauthorized');
    expectApiError(await login({ email: u.address, password: PASSWORD }), 401, 'unauthorized');
    const admin = await userWithPassword('admin');
    const adminCookie = cookieOf(await login({ email: admin.address, password: PASSWORD }));
    expectApiError(await patch(admin.id, { role: 'viewer' }, { cookie: adminCookie }), 409, 'conflict');
  });
});

describe('/api/v1/api-keys', () => {
  const create = (body: unknown, token = api.tokens.admin) => call(r.apiKeys.POST, 'POST', '/api/v1/api-keys', { token, body });
  const revoke = (id: string, token = api.tokens.admin) => call(r.apiKey.DELETE, 'DELETE', `/api/v1/api-keys/${id}`, { token, params: { id } });

  it('creates a key (shown once), lists it without secrets, and revokes it: then 401', async () => {
    const name = uniqueName('ci');
    const res = await create({ name, role: 'editor' });
    expect(res.status, res.text).toBe(201);
    expect(res.json.key).toMatch(/^pd_[A-Za-z0-9_-]{40,}$/);
    expect(res.json).toMatchObject({ name, role: 'editor', prefix: res.json.key.slice(0, 10), revokedAt: null });
    const key: string = res.json.key;
    const usable = await call(r.prompts.POST, 'POST', '/api/v1/prompts', { token: key, body: { name: uniqueName() } });
    expect(usable.status).toBe(201);
    expect(usable.json.createdBy).toBe(name);
    expect(usable.json.createdByRef).toEqual({ type: 'api_key', id: res.json.id, display: name });
    const list = await call(r.apiKeys.GET, 'GET', '/api/v1/api-keys', { token: api.tokens.admin });
    const listed = list.json.items.find((k: { id: string }) => k.id === res.json.id);
    expect(listed).toMatchObject({ name, role: 'editor' });
    expect(listed).not.toHaveProperty('key');
    expect(listed).not.toHaveProperty('keyHash');
    expect(list.text).not.toContain(key);
    const revoked = await revoke(res.json.id);
    expect(revoked.status).toBe(200);
    expect(revoked.json.revokedAt).not.toBeNull();
    expectApiError(await call(r.prompts.GET, 'GET', '/api/v1/prompts', { token: key }), 401, 'unauthorized');
    expect((await revoke(res.json.id)).status).toBe(200); // idempotent
  });

  it('409 for a name an active key has (any case); a revoked key frees it; two keys vote twice', async () => {
    const name = uniqueName('app');
    const first = await create({ name, role: 'viewer' });
    expect(first.status).toBe(201);
    const dup = await create({ name: name.toUpperCase(), role: 'viewer' });
    expectApiError(dup, 409, 'conflict');
    expect(dup.json.error.message).toContain('already named');
    expect(dup.json.error.details).toEqual([{ path: 'name', message: 'An active key already has this name.' }]);
    // Two keys voting on one invocation are two voters, whatever their names.
    const second = await create({ name: `${name}-2`, role: 'viewer' });
    const rec = { modelId: 'amazon.nova-lite-v1:0', input: { messages: [{ role: 'user', content: 'hi' }] }, status: 'ok' };
    const [id] = (await call(r.invocations.POST, 'POST', '/api/v1/invocations', { token: first.json.key, body: rec })).json.ids as string[];
    for (const k of [first, second]) {
      expect((await call(r.feedback.POST, 'POST', `/api/v1/invocations/${id}/feedback`, { token: k.json.key, params: { id: id! }, body: { score: -1 } })).status).toBe(201);
    }
    const detail = await call(r.invocation.GET, 'GET', `/api/v1/invocations/${id}`, { token: api.tokens.viewer, params: { id: id! } });
    expect(detail.json.callerRef).toEqual({ type: 'api_key', id: first.json.id, display: name });
    expect(detail.json.feedback.map((f: { callerRef: { id: string } }) => f.callerRef.id)).toEqual([first.json.id, second.json.id]);
    expect((await revoke(first.json.id)).json.revokedByRef).toMatchObject({ type: 'api_key', display: expect.stringMatching(/^key-admin-/) });
    expect((await create({ name, role: 'viewer' })).status).toBe(201);
  });

  it('400 for bad input, 404 for an unknown key, 403 for non-admins', async () => {
    expectFields(await create({ name: ' ', role: 'superuser' }), 'name', 'role');
    expectApiError(await call(r.apiKeys.POST, 'POST', '/api/v1/api-keys', { token: api.tokens.admin, rawBody: '{"name"' }), 400, 'invalid_json');
    expectApiError(await revoke('00000000-0000-0000-0000-000000000000'), 404, 'not_found');
    for (const role of ['viewer', 'reviewer', 'editor', 'deployer'] as const) {
      expectApiError(await create({ name: 'x', role: 'admin' }, api.tokens[role]), 403, 'forbidden');
      expectApiError(await call(r.apiKeys.GET, 'GET', '/api/v1/api-keys', { token: api.tokens[role] }), 403, 'forbidden');
      expectApiError(await revoke('x', api.tokens[role]), 403, 'forbidden');
    }
  });

  it('users and keys lists take limit and cursor and walk every item once', async () => {
    for (const [route, path] of [
      [r.apiKeys.GET, '/api/v1/api-keys'],
      [r.users.GET, '/api/v1/users'],
    ] as const) {
      const all = await call(route, 'GET', `${path}?limit=200`, { token: api.tokens.admin });
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const page: Awaited<ReturnType<typeof call>> = await call(route, 'GET', `${path}?limit=2${cursor ? `&cursor=${cursor}` : ''}`, { token: api.tokens.admin });
        expect(page.json.items.length).toBeLessThanOrEqual(2);
        seen.push(...page.json.items.map((i: { id: string }) => i.id));
        cursor = page.json.nextCursor;
      } while (cursor);
      expect(seen).toEqual(all.json.items.map((i: { id: string }) => i.id));
      expectApiError(await call(route, 'GET', `${path}?limit=201`, { token: api.tokens.admin }), 400, 'validation_error');
    }
  });
});

describe('GET /api/v1/openapi.json', () => {
  it('is public, valid JSON, and describes every route in app/api/v1', async () => {
    const res = await call(r.openapi.GET, 'GET', '/api/v1/openapi.json');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    expect(res.json.openapi).toMatch(/^3\.1\./);
    const paths = Object.keys(res.json.paths as Record<string, unknown>);
    const routeFiles = (await readdir(path.join(process.cwd(), 'app/api/v1'), { recursive: true })).filter((f) => f.endsWith('route.ts'));
    expect(routeFiles.length).toBeGreaterThanOrEqual(15);
    for (const file of routeFiles) {
      const apiPath = `/api/v1/${path.dirname(file)}`.replace(/\[(\w+)\]/g, '{$1}');
      expect(paths, `${file} is not in the OpenAPI document`).toContain(apiPath);
      const mod = (await import(`@/app/api/v1/${file.replace(/\.ts$/, '')}`)) as Record<string, unknown>;
      const methods = Object.keys(mod).filter((k) => /^(GET|POST|PUT|PATCH|DELETE)$/.test(k));
      for (const m of methods) expect(Object.keys(res.json.paths[apiPath]), `${m} ${apiPath}`).toContain(m.toLowerCase());
    }
    // the public endpoints are documented as needing no credentials; the rest need a key
    expect(res.json.paths['/api/v1/openapi.json'].get.security).toEqual([]);
    expect(res.json.paths['/api/v1/auth/setup'].post.security).toEqual([]);
    expect(res.json.paths['/api/v1/auth/session'].post.security).toEqual([]);
    expect(res.json.paths['/api/v1/prompts'].get.security).toEqual([{ apiKey: [] }]);
  });
});

describe('/api/[...path] catch-all', () => {
  it('answers unknown API paths with a JSON 404 for every method', async () => {
    for (const method of ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const) {
      const res = await call(r.catchAll[method], method, '/api/v1/no-such-thing', { params: { path: ['v1', 'no-such-thing'] }, undocumented: true });
      expectApiError(res, 404, 'not_found');
      expect(res.json.error.message).toContain(`${method} /api/v1/no-such-thing`);
    }
  });
});

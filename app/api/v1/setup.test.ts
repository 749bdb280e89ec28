import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiKey } from '@/lib/auth/api-keys';
import { createFirstAdmin, needsSetup } from '@/lib/auth/users';
import { call, expectApiError, expectFields, startApi, type ApiEnv } from '@/lib/test/api';
import { createTestDb, ctxFor, uniqueName } from '@/lib/test/db';
import { expectError } from '@/lib/test/helpers';
import { loadRoutes, type Routes } from '@/lib/test/routes';

/** First-run setup: only on a brand-new instance (no user, no API key). */
let api: ApiEnv;
let r: Routes;
beforeAll(async () => {
  api = await startApi({ keys: false });
  r = await loadRoutes();
});
afterAll(async () => {
  await api?.close();
});

const PASSWORD = 'correct horse battery';
const email = () => `${uniqueName('u')}@example.com`;

describe('POST /api/v1/auth/setup', () => {
  it('creates the first admin once and signs them in; a second setup is 409', async () => {
    expectFields(await call(r.setup.POST, 'POST', '/api/v1/auth/setup', { body: { name: 'A', email: 'nope', password: 'short' } }), 'email', 'password');
    const address = email();
    const res = await call(r.setup.POST, 'POST', '/api/v1/auth/setup', { body: { name: 'First Admin', email: address.toUpperCase(), password: PASSWORD } });
    expect(res.status, res.text).toBe(201);
    expect(res.json.user).toMatchObject({ email: address, name: 'First Admin', role: 'admin', disabled: false });
    expect(res.json.user).not.toHaveProperty('passwordHash');
    const cookie = res.headers.get('set-cookie')!.split(';')[0]!;
    const me = await call(r.session.GET, 'GET', '/api/v1/auth/session', { headers: { cookie } });
    expect(me.json.actor).toMatchObject({ kind: 'user', display: 'First Admin', role: 'admin' });
    expect(me.json.actorRef).toEqual({ type: 'user', id: res.json.user.id, display: 'First Admin' });
    expectApiError(await call(r.setup.POST, 'POST', '/api/v1/auth/setup', { body: { name: 'Second', email: email(), password: PASSWORD } }), 409, 'conflict');
    expectApiError(await call(r.setup.POST, 'POST', '/api/v1/auth/setup', { rawBody: '{' }), 400, 'invalid_json');
  });
});

describe('an instance started with only an API key', () => {
  it('is not open to first-run setup', async () => {
    const t = await createTestDb();
    try {
      expect(await needsSetup(t.db)).toBe(true);
      await createApiKey(ctxFor(t.db, 'admin'), { name: 'ci', role: 'admin' });
      expect(await needsSetup(t.db)).toBe(false);
      const e = await expectError(createFirstAdmin(t.db, { name: 'Intruder', email: email(), password: PASSWORD }), 'conflict');
      expect(e.status).toBe(409);
    } finally {
      await t.close();
    }
  });
});

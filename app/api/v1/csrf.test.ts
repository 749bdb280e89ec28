import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '@/lib/auth/users';
import { resetEnvCache } from '@/lib/env';
import { call, expectApiError, startApi, type ApiEnv, type ApiResponse } from '@/lib/test/api';
import { ctxFor, uniqueName } from '@/lib/test/db';
import { loadRoutes, type Routes } from '@/lib/test/routes';

/**
 * Cross-site request forgery: a page on another site (or another port of this one) must not be
 * able to use a signed-in admin's cookie to change anything, nor sign someone in.
 */
let api: ApiEnv;
let r: Routes;
let cookie: string;
const PASSWORD = 'correct horse battery staple';
let adminEmail: string;

beforeAll(async () => {
  api = await startApi();
  r = await loadRoutes();
  adminEmail = `${uniqueName('admin')}@example.com`;
  await createUser(ctxFor(api.t.db, 'admin'), { name: 'Admin', email: adminEmail, password: PASSWORD, role: 'admin' });
  const login = await call(r.session.POST, 'POST', '/api/v1/auth/session', { body: { email: adminEmail, password: PASSWORD } });
  expect(login.status, login.text).toBe(200);
  cookie = login.headers.get('set-cookie')!.split(';')[0]!;
});
afterEach(() => {
  delete process.env.PROMPTDECK_PUBLIC_URL;
  delete process.env.PROMPTDECK_TRUST_PROXY;
  resetEnvCache();
});
afterAll(async () => {
  await api?.close();
});

const createKey = (headers: Record<string, string>, opts: { contentType?: string; token?: string } = {}) =>
  call(r.apiKeys.POST, 'POST', '/api/v1/api-keys', { headers: { ...(opts.token ? {} : { cookie }), ...headers }, token: opts.token, body: { name: uniqueName('k'), role: 'admin' }, contentType: opts.contentType });

function expectCsrf(res: ApiResponse) {
  expectApiError(res, 403, 'csrf');
}

describe('cookie-authenticated changes', () => {
  it('are refused from another site, even as text/plain (which the issue measured as 201)', async () => {
    expectCsrf(await createKey({ origin: 'http://evil.test' }, { contentType: 'text/plain' }));
    expectCsrf(await createKey({ origin: 'http://evil.test' }));
    expectCsrf(await createKey({ origin: 'http://evil.test', 'sec-fetch-site': 'cross-site' }));
    const user = { name: 'Mallory', email: `${uniqueName('m')}@example.com`, password: 'a long enough passphrase', role: 'admin' };
    expectCsrf(await call(r.users.POST, 'POST', '/api/v1/users', { headers: { cookie, origin: 'http://evil.test' }, body: user }));
    // nothing was created
    const keys = await call(r.apiKeys.GET, 'GET', '/api/v1/api-keys?limit=200', { headers: { cookie } });
    expect(keys.json.items.every((k: { name: string }) => !k.name.startsWith('k-'))).toBe(true);
  });

  it('are refused from the same host on another port (same-site is not same-origin)', async () => {
    expectCsrf(await createKey({ origin: 'http://localhost:3001' }));
    expectCsrf(await createKey({ 'sec-fetch-site': 'same-site', origin: 'http://localhost:3001' }));
    expectCsrf(await createKey({ origin: 'https://localhost' }));
    expectCsrf(await call(r.prompts.POST, 'POST', '/api/v1/prompts', { headers: { cookie, 'sec-fetch-site': 'same-site' }, body: { name: uniqueName('p') } }));
  });

  it('are refused with neither Origin nor Sec-Fetch-Site (scripts use an API key)', async () => {
    const res = await createKey({});
    expectCsrf(res);
    expect(res.json.error.message).toMatch(/API key/);
    expectCsrf(await call(r.user.PATCH, 'PATCH', '/api/v1/users/x', { headers: { cookie }, params: { id: 'x' }, body: { role: 'viewer' } }));
    expectCsrf(await call(r.apiKey.DELETE, 'DELETE', '/api/v1/api-keys/x', { headers: { cookie, 'sec-fetch-site': 'none' }, params: { id: 'x' } }));
  });

  it('pass from our own pages: Sec-Fetch-Site same-origin, or the same Origin', async () => {
    expect((await createKey({ 'sec-fetch-site': 'same-origin' })).status).toBe(201);
    expect((await createKey({ origin: 'http://localhost' })).status).toBe(201);
    expect((await createKey({ origin: 'http://localhost', host: 'localhost' })).status).toBe(201);
    // reads are not changes
    expect((await call(r.apiKeys.GET, 'GET', '/api/v1/api-keys', { headers: { cookie, origin: 'http://evil.test', 'sec-fetch-site': 'cross-site' } })).status).toBe(200);
  });

  it('compare with PROMPTDECK_PUBLIC_URL when it is set, and believe X-Forwarded-* only behind a trusted proxy', async () => {
    process.env.PROMPTDECK_PUBLIC_URL = 'https://promptdeck.example.com';
    resetEnvCache();
    expect((await createKey({ origin: 'https://promptdeck.example.com' })).status).toBe(201);
    expectCsrf(await createKey({ origin: 'http://localhost' }));
    delete process.env.PROMPTDECK_PUBLIC_URL;
    const behindTls = { origin: 'https://deck.example.com', host: 'deck.example.com', 'x-forwarded-proto': 'https' };
    resetEnvCache();
    expectCsrf(await createKey(behindTls));
    process.env.PROMPTDECK_TRUST_PROXY = '1';
    resetEnvCache();
    expect((await createKey(behindTls)).status).toBe(201);
  });

  it('API keys are unaffected: no Origin needed, and any Origin passes', async () => {
    expect((await createKey({}, { token: api.tokens.admin })).status).toBe(201);
    expect((await createKey({ origin: 'http://evil.test', 'sec-fetch-site': 'cross-site' }, { token: api.tokens.admin })).status).toBe(201);
  });
});

describe('sign-in, sign-out and first-run setup', () => {
  const login = (headers: Record<string, string>) => call(r.session.POST, 'POST', '/api/v1/auth/session', { headers, body: { email: adminEmail, password: PASSWORD } });

  it('sign-in from another site is refused (login CSRF); from our page or a script it works', async () => {
    expectCsrf(await login({ origin: 'http://evil.test' }));
    expectCsrf(await login({ 'sec-fetch-site': 'cross-site' }));
    expectCsrf(await login({ origin: 'http://localhost:4000' }));
    expect((await login({ origin: 'http://localhost', 'sec-fetch-site': 'same-origin' })).status).toBe(200);
    expect((await login({})).status).toBe(200);
  });

  it('first-run setup from another site is refused before anything else', async () => {
    const res = await call(r.setup.POST, 'POST', '/api/v1/auth/setup', { headers: { origin: 'http://evil.test' }, body: { name: 'X', email: 'x@example.com', password: 'a long enough passphrase' } });
    expectCsrf(res);
  });

  it('a cross-site sign-out is refused and the session lives on', async () => {
    expectCsrf(await call(r.session.DELETE, 'DELETE', '/api/v1/auth/session', { headers: { cookie, origin: 'http://evil.test' } }));
    expectCsrf(await call(r.session.DELETE, 'DELETE', '/api/v1/auth/session', { headers: { cookie } }));
    expect((await call(r.session.GET, 'GET', '/api/v1/auth/session', { headers: { cookie } })).status).toBe(200);
  });
});

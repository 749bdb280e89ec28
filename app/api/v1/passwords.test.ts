import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyInitCredentials } from '@/lib/auth/bootstrap';
import { createUser } from '@/lib/auth/users';
import { resetEnvCache } from '@/lib/env';
import { call, expectFields, startApi, type ApiEnv } from '@/lib/test/api';
import { ctxFor, uniqueName } from '@/lib/test/db';
import { loadRoutes, type Routes } from '@/lib/test/routes';

/** Common and trivial passwords are refused everywhere a password is set, with the reason. */
let api: ApiEnv;
let r: Routes;
beforeAll(async () => {
  api = await startApi({ keys: false });
  r = await loadRoutes();
});
afterAll(async () => {
  delete process.env.PROMPTDECK_INIT_ADMIN_EMAIL;
  delete process.env.PROMPTDECK_INIT_ADMIN_PASSWORD;
  resetEnvCache();
  await api?.close();
});

const WEAK = ['password', '12345678', 'aaaaaaaa'];
const email = () => `${uniqueName('pw')}@example.com`;

function expectWeak(res: Awaited<ReturnType<typeof call>>) {
  expectFields(res, 'password');
  expect(res.json.error.details[0].message).toMatch(/too easy to guess/);
}

describe('weak passwords', () => {
  it('are refused by first-run setup (nothing is created)', async () => {
    for (const password of WEAK) expectWeak(await call(r.setup.POST, 'POST', '/api/v1/auth/setup', { body: { name: 'First', email: email(), password } }));
    expect(await api.t.db.user.count()).toBe(0);
  });

  it('are refused when an admin creates a user or sets a password', async () => {
    const admin = ctxFor(api.t.db, 'admin');
    const { key } = await (await import('@/lib/auth/api-keys')).createApiKey(admin, { name: uniqueName('k'), role: 'admin' });
    for (const password of WEAK) expectWeak(await call(r.users.POST, 'POST', '/api/v1/users', { token: key, body: { name: 'U', email: email(), password, role: 'viewer' } }));
    const address = email();
    const user = await createUser(admin, { name: 'Patricia', email: address, password: 'correct horse battery staple', role: 'viewer' });
    for (const password of [...WEAK, address, 'patricia2024']) expectWeak(await call(r.user.PATCH, 'PATCH', `/api/v1/users/${user.id}`, { token: key, params: { id: user.id }, body: { password } }));
    expect((await call(r.user.PATCH, 'PATCH', `/api/v1/users/${user.id}`, { token: key, params: { id: user.id }, body: { password: 'violet tractor on the moon' } })).status).toBe(200);
  });

  it('PROMPTDECK_INIT_ADMIN_PASSWORD at start-up: a clear error, no user', async () => {
    process.env.PROMPTDECK_INIT_ADMIN_EMAIL = email();
    process.env.PROMPTDECK_INIT_ADMIN_PASSWORD = 'password';
    resetEnvCache();
    await expect(applyInitCredentials(api.t.db)).rejects.toThrow(/PROMPTDECK_INIT_ADMIN_PASSWORD is refused: This password is too easy to guess/);
    process.env.PROMPTDECK_INIT_ADMIN_PASSWORD = 'e2e-admin-password';
    resetEnvCache();
    await expect(applyInitCredentials(api.t.db)).resolves.toEqual([`admin user ${process.env.PROMPTDECK_INIT_ADMIN_EMAIL}`]);
  });
});

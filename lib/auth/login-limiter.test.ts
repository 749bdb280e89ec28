import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDb, type Db } from '../db/client';
import { AppError } from '../errors';
import { createTestDb, ctxFor, uniqueName, type TestDb } from '../test/db';
import { beginLoginAttempt, MAX_PER_ACCOUNT, MAX_PER_ADDRESS, WINDOW_MS } from './login-limiter';
import { createUser, verifyLogin } from './users';

/**
 * The sign-in limiter, against PostgreSQL: per account and per client address, shared by
 * instances (two database clients stand for two instances), atomic under concurrent attempts.
 */
let t: TestDb;
let other: Db;
const PASSWORD = 'correct horse battery staple';
beforeAll(async () => {
  t = await createTestDb();
  other = createDb(t.url, 10);
});
afterAll(async () => {
  await other?.$disconnect();
  await t?.close();
});

const email = () => `${uniqueName('lim')}@example.com`;
const address = () => `198.51.100.${Math.floor(Math.random() * 250)}-${uniqueName('a')}`;

async function outcome(p: Promise<unknown>): Promise<number> {
  try {
    await p;
    return 200;
  } catch (err) {
    if (err instanceof AppError) return err.status;
    throw err;
  }
}

async function userWithPassword(): Promise<string> {
  const e = email();
  await createUser(ctxFor(t.db, 'admin'), { name: 'L', email: e, password: PASSWORD, role: 'viewer' });
  return e;
}

describe('sign-in limits', () => {
  it('checks at most 10 passwords per account in a window, even when 30 attempts race on two instances', async () => {
    const e = await userWithPassword();
    const attempts = Array.from({ length: 30 }, (_, i) => outcome(verifyLogin(i % 2 ? other : t.db, { email: e, password: `wrong ${i}` }, address())));
    const statuses = await Promise.all(attempts);
    expect(statuses.filter((s) => s === 401)).toHaveLength(MAX_PER_ACCOUNT);
    expect(statuses.filter((s) => s === 429)).toHaveLength(30 - MAX_PER_ACCOUNT);
    // locked on both instances, even for the right password and a fresh address
    expect(await outcome(verifyLogin(t.db, { email: e, password: PASSWORD }, address()))).toBe(429);
    expect(await outcome(verifyLogin(other, { email: e, password: PASSWORD }, address()))).toBe(429);
    // other accounts are unaffected
    const f = await userWithPassword();
    expect(await outcome(verifyLogin(other, { email: f, password: PASSWORD }, address()))).toBe(200);
  });

  it('limits one client address across accounts, without touching other addresses', async () => {
    const from = address();
    const statuses = await Promise.all(Array.from({ length: MAX_PER_ADDRESS + 10 }, (_, i) => outcome(beginLoginAttempt(i % 2 ? other : t.db, email(), from))));
    expect(statuses.filter((s) => s === 200)).toHaveLength(MAX_PER_ADDRESS);
    expect(statuses.filter((s) => s === 429)).toHaveLength(10);
    const e = await userWithPassword();
    const refused = verifyLogin(t.db, { email: e, password: PASSWORD }, from);
    await expect(refused).rejects.toThrow(/from your network address/);
    expect(await outcome(verifyLogin(t.db, { email: e, password: PASSWORD }, address()))).toBe(200);
  });

  it('a flood of failures for other accounts does not unlock a locked one', async () => {
    const e = await userWithPassword();
    for (let i = 0; i < MAX_PER_ACCOUNT; i++) expect(await outcome(verifyLogin(t.db, { email: e, password: 'nope' }, address()))).toBe(401);
    // what a 50,000-attempt flood leaves behind, plus real attempts from many addresses
    await t.db.$executeRaw`INSERT INTO "LoginThrottle" ("key", "failures", "windowStart")
      SELECT 'account:flood-' || g || '@example.com', 1, now() FROM generate_series(1, 50000) g`;
    await Promise.all(Array.from({ length: 200 }, () => outcome(beginLoginAttempt(other, email(), address()))));
    expect(await outcome(verifyLogin(t.db, { email: e, password: PASSWORD }, address()))).toBe(429);
  });

  it('a success clears the account, keeps other failures of its address, and windows expire', async () => {
    const e = await userWithPassword();
    const from = address();
    for (let i = 0; i < MAX_PER_ACCOUNT - 1; i++) expect(await outcome(verifyLogin(t.db, { email: e, password: 'nope' }, from))).toBe(401);
    expect(await outcome(verifyLogin(t.db, { email: e, password: PASSWORD }, from))).toBe(200);
    // the account starts afresh...
    for (let i = 0; i < MAX_PER_ACCOUNT; i++) expect(await outcome(verifyLogin(t.db, { email: e, password: 'nope' }, address()))).toBe(401);
    expect(await outcome(verifyLogin(t.db, { email: e, password: PASSWORD }, address()))).toBe(429);
    // ...and after the window it may try again (a later clock on the same rows)
    const later = new Date(Date.now() + WINDOW_MS + 1000);
    await expect(beginLoginAttempt(t.db, e, address(), later)).resolves.toBeUndefined();
    const rows = await t.db.$queryRaw<{ failures: number }[]>`SELECT "failures" FROM "LoginThrottle" WHERE "key" = ${`account:${e}`}`;
    expect(rows[0]?.failures).toBe(1);
  });
});

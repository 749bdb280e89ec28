import { expect } from '@playwright/test';
import pg from 'pg';
import { JobQueue } from '../lib/jobs/queue';
import { DIAGNOSTIC_TABLE, diagnosticRecordJob } from '../lib/ops/diagnostic-job';
import { ADMIN_KEY, type Cluster, type Instance } from './instances-cluster';
import { uniquePromptName } from './helpers';

/**
 * One function per cross-instance check (e2e/instances.spec.ts calls them). Each sets up its own
 * data through one instance and observes through another. A new feature that must hold across
 * instances (canary changes, webhooks...) adds its check here and one test line in the spec.
 */
export const PROPAGATION_BUDGET_MS = 1_000;
const admin = { authorization: `Bearer ${ADMIN_KEY}`, 'content-type': 'application/json' };

export async function api(i: Instance, method: string, path: string, body?: unknown, headers: Record<string, string> = admin): Promise<{ status: number; json: any }> { // eslint-disable-line @typescript-eslint/no-explicit-any
  const res = await fetch(`${i.url}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await res.text();
  return { status: res.status, json: text ? JSON.parse(text) : null };
}

/** Polls `observe` until it returns true; resolves the milliseconds it took (or throws after budgetMs). */
export async function within(budgetMs: number, what: string, observe: () => Promise<boolean>): Promise<number> {
  const t0 = performance.now();
  for (;;) {
    if (await observe()) return performance.now() - t0;
    if (performance.now() - t0 > budgetMs) throw new Error(`${what}: not seen within ${budgetMs} ms`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** A prompt with versions 1 and 2, `production` on 1. */
export async function promptWithTwoVersions(a: Instance): Promise<string> {
  const name = uniquePromptName('instances');
  expect((await api(a, 'POST', '/api/v1/prompts', { name })).status).toBe(201);
  for (const content of ['one {{x}}', 'two {{x}}']) {
    const v = await api(a, 'POST', `/api/v1/prompts/${name}/versions`, { template: { messages: [{ role: 'user', content }] }, modelId: 'amazon.nova-lite-v1:0' });
    expect(v.status).toBe(201);
  }
  expect((await api(a, 'PUT', `/api/v1/prompts/${name}/labels/production`, { version: 1 })).status).toBe(200);
  return name;
}

/** A label moved on A is served by B within a second (B had the old version cached). */
export async function checkLabelMove(c: Cluster): Promise<number> {
  const [a, b] = c.instances as [Instance, Instance];
  const name = await promptWithTwoVersions(a);
  for (let i = 0; i < 3; i++) expect((await api(b, 'GET', `/api/v1/prompts/${name}`)).json.version).toBe(1); // cached on B
  const moved = await api(a, 'PUT', `/api/v1/prompts/${name}/labels/production`, { version: 2 });
  expect(moved.status).toBe(200);
  return within(PROPAGATION_BUDGET_MS, 'the label move on B', async () => (await api(b, 'GET', `/api/v1/prompts/${name}`)).json.version === 2);
}

/** An API key revoked on A is refused by B within a second (B had the key cached, on the serving fast path too). */
export async function checkKeyRevocation(c: Cluster): Promise<number> {
  const [a, b] = c.instances as [Instance, Instance];
  const name = await promptWithTwoVersions(a);
  const created = await api(a, 'POST', '/api/v1/api-keys', { name: uniquePromptName('key'), role: 'viewer' });
  expect(created.status).toBe(201);
  const keyHeaders = { authorization: `Bearer ${created.json.key as string}` };
  for (let i = 0; i < 3; i++) {
    expect((await api(b, 'GET', `/api/v1/prompts/${name}`, undefined, keyHeaders)).status).toBe(200);
    expect((await api(b, 'GET', '/api/v1/prompts', undefined, keyHeaders)).status).toBe(200);
  }
  expect((await api(a, 'DELETE', `/api/v1/api-keys/${created.json.id as string}`)).status).toBe(200);
  const ms = await within(PROPAGATION_BUDGET_MS, 'the revocation on B (serving path)', async () => (await api(b, 'GET', `/api/v1/prompts/${name}`, undefined, keyHeaders)).status === 401);
  expect((await api(b, 'GET', '/api/v1/prompts', undefined, keyHeaders)).status).toBe(401);
  return ms;
}

async function signIn(i: Instance, email: string, password: string): Promise<{ status: number; cookie: string | null }> {
  const res = await fetch(`${i.url}/api/v1/auth/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password }) });
  await res.text();
  return { status: res.status, cookie: res.headers.get('set-cookie')?.split(';')[0] ?? null };
}

/** A session opened on A works on B; once the user is disabled on A, B refuses the session. */
export async function checkDisabledUser(c: Cluster): Promise<number> {
  const [a, b] = c.instances as [Instance, Instance];
  const email = `${uniquePromptName('user')}@instances.test`;
  const password = 'a-long-unusual-passphrase-7391';
  const user = await api(a, 'POST', '/api/v1/users', { name: 'Instances User', email, password, role: 'editor' });
  expect(user.status).toBe(201);
  const session = await signIn(a, email, password);
  expect(session.status).toBe(200);
  const cookie = { cookie: session.cookie ?? '' };
  expect((await api(b, 'GET', '/api/v1/auth/session', undefined, cookie)).status).toBe(200);
  expect((await api(a, 'PATCH', `/api/v1/users/${user.json.id as string}`, { disabled: true })).status).toBe(200);
  const ms = await within(PROPAGATION_BUDGET_MS, 'the disabled user on B', async () => (await api(b, 'GET', '/api/v1/auth/session', undefined, cookie)).status === 401);
  expect((await api(b, 'GET', '/api/v1/prompts', undefined, cookie)).status).toBe(401);
  return ms;
}

/** Failed sign-ins alternate between A and B: the 11th attempt for the account is refused by both. */
export async function checkSignInLimiter(c: Cluster, perAccount = 10): Promise<void> {
  const [a, b] = c.instances as [Instance, Instance];
  const email = `${uniquePromptName('limited')}@instances.test`;
  for (let n = 0; n < perAccount; n++) expect((await signIn(n % 2 === 0 ? a : b, email, 'wrong-password-123456')).status).toBe(401);
  expect((await signIn(a, email, 'wrong-password-123456')).status).toBe(429);
  expect((await signIn(b, email, 'wrong-password-123456')).status).toBe(429);
}

/** Jobs sent to the shared queue run exactly once each, on either instance, both taking part. */
export async function checkJobsExactlyOnce(c: Cluster, count = 40): Promise<{ perInstance: Record<string, number> }> {
  const db = new pg.Client({ connectionString: c.databaseUrl });
  await db.connect();
  const sender = await JobQueue.start({ url: c.databaseUrl, jobs: [diagnosticRecordJob], work: false, log: () => {} });
  try {
    await db.query(`CREATE TABLE IF NOT EXISTS ${DIAGNOSTIC_TABLE} (job_id text NOT NULL, instance text NOT NULL, n int NOT NULL, at timestamptz NOT NULL DEFAULT now())`);
    const ids: string[] = [];
    for (let n = 0; n < count; n++) ids.push((await sender.send(diagnosticRecordJob, { n, holdMs: 100 })) ?? '');
    const rows = async () => (await db.query<{ job_id: string; instance: string; n: number }>(`SELECT job_id, instance, n FROM ${DIAGNOSTIC_TABLE} WHERE job_id = ANY($1::text[])`, [ids])).rows;
    await within(60_000, `all ${count} jobs ran`, async () => (await rows()).length >= count);
    // Give a duplicate run every chance to show up (several polling intervals), then count.
    await new Promise((r) => setTimeout(r, 2_000));
    const seen = await rows();
    expect(seen).toHaveLength(count);
    expect(new Set(seen.map((r) => r.job_id))).toEqual(new Set(ids));
    const perInstance: Record<string, number> = {};
    for (const r of seen) perInstance[r.instance] = (perInstance[r.instance] ?? 0) + 1;
    expect(Object.keys(perInstance)).toHaveLength(c.instances.length);
    const states = await db.query<{ state: string; n: number }>(`SELECT state::text, count(*)::int AS n FROM pgboss.job WHERE name = $1 AND id = ANY($2::uuid[]) GROUP BY 1`, [diagnosticRecordJob.name, ids]);
    expect(states.rows).toEqual([{ state: 'completed', n: count }]);
    return { perInstance };
  } finally {
    await sender.stop({ graceful: false });
    await db.end();
  }
}

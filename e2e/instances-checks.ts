import { expect } from '@playwright/test';
import { createHmac } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import pg from 'pg';
import { stickyBucket } from '../lib/canary/assign';
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

/** Serving through an instance with a sticky key: the version and which side (body and header agree). */
async function servedSide(i: Instance, name: string, stickyKey: string): Promise<{ version: number; canary: boolean }> {
  const res = await fetch(`${i.url}/api/v1/prompts/${name}?stickyKey=${encodeURIComponent(stickyKey)}`, { headers: admin });
  const body = (await res.json()) as { version: number; canary: boolean };
  expect(res.headers.get('x-promptdeck-canary')).toBe(String(body.canary));
  return { version: body.version, canary: body.canary };
}

/**
 * A canary started on A is served by B within a second to a key on the canary side (B had the
 * label cached for that key), and once stopped on A, B serves that key the label's version again.
 */
export async function checkCanaryChange(c: Cluster): Promise<{ startMs: number; stopMs: number }> {
  const [a, b] = c.instances as [Instance, Instance];
  const name = await promptWithTwoVersions(a);
  let key = 'sticky-0';
  for (let n = 1; stickyBucket('production', key) >= 50; n++) key = `sticky-${n}`;
  for (let i = 0; i < 3; i++) expect(await servedSide(b, name, key)).toEqual({ version: 1, canary: false }); // cached on B
  const started = await api(a, 'PUT', `/api/v1/prompts/${name}/labels/production/canary`, { version: 2, weight: 50 });
  expect(started.status, JSON.stringify(started.json)).toBe(200);
  const startMs = await within(PROPAGATION_BUDGET_MS, 'the canary start on B', async () => {
    const s = await servedSide(b, name, key);
    return s.version === 2 && s.canary;
  });
  // Sticky on B: the same key keeps the canary side.
  for (let i = 0; i < 3; i++) expect(await servedSide(b, name, key)).toEqual({ version: 2, canary: true });
  expect((await api(a, 'DELETE', `/api/v1/prompts/${name}/labels/production/canary`)).status).toBe(200);
  const stopMs = await within(PROPAGATION_BUDGET_MS, 'the canary stop on B', async () => {
    const s = await servedSide(b, name, key);
    return s.version === 1 && !s.canary;
  });
  return { startMs, stopMs };
}

interface Arrival {
  id: string;
  header: string | undefined;
  event: string;
  signatureOk: boolean;
  status: number;
}

/**
 * Webhooks are delivered exactly once across both instances: a receiver in this process (the
 * cluster runs with PROMPTDECK_WEBHOOK_ALLOW_PRIVATE=true, as tests do, so 127.0.0.1 is a valid
 * target), registered on A; label moves made on A and on B, and "send test" calls on both. Every
 * delivery arrives with a valid HMAC-SHA256 signature; the receiver fails the first attempt of
 * every third delivery (500), which is retried once; no delivery arrives after it succeeded.
 */
export async function checkWebhooksExactlyOnce(c: Cluster, moves = 10, tests = 6): Promise<{ deliveries: number; retried: number }> {
  const [a, b] = c.instances as [Instance, Instance];
  const arrivals: Arrival[] = [];
  let secret = '';
  let order = 0;
  const failFirst = new Set<string>();
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (d: Buffer) => chunks.push(d));
    req.on('end', () => {
      const raw = Buffer.concat(chunks).toString('utf8');
      const body = JSON.parse(raw) as { id: string; event: string };
      const want = `sha256=${createHmac('sha256', secret).update(raw, 'utf8').digest('hex')}`;
      const seenBefore = arrivals.some((x) => x.id === body.id);
      if (!seenBefore && order++ % 3 === 0) failFirst.add(body.id);
      const status = !seenBefore && failFirst.has(body.id) ? 500 : 200;
      arrivals.push({ id: body.id, header: req.headers['x-promptdeck-delivery'] as string | undefined, event: body.event, signatureOk: req.headers['x-promptdeck-signature'] === want, status });
      res.writeHead(status).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  let hookId = '';
  try {
    const hook = await api(a, 'POST', '/api/v1/webhooks', { url: `http://127.0.0.1:${port}/hooks/${uniquePromptName('wh')}`, events: ['label.moved'] });
    expect(hook.status, JSON.stringify(hook.json)).toBe(201);
    secret = hook.json.secret as string;
    hookId = hook.json.id as string;
    const name = await promptWithTwoVersions(a); // production -> 1: one label.moved
    for (let n = 0; n < moves; n++) {
      const moved = await api(n % 2 === 0 ? b : a, 'PUT', `/api/v1/prompts/${name}/labels/production`, { version: n % 2 === 0 ? 2 : 1 });
      expect(moved.status).toBe(200);
    }
    for (let n = 0; n < tests; n++) expect((await api(n % 2 === 0 ? a : b, 'POST', `/api/v1/webhooks/${hookId}/test`)).status).toBe(202);
    const expected = 1 + moves + tests;
    const logged = async () => (await api(b, 'GET', `/api/v1/webhooks/${hookId}/deliveries?limit=200`)).json.items as { id: string; status: string; attempts: number }[];
    await within(60_000, `all ${expected} deliveries succeeded`, async () => {
      const items = await logged();
      return items.length === expected && items.every((d) => d.status === 'succeeded');
    });
    // Give a duplicate delivery every chance to show up (several polling intervals), then count.
    await new Promise((r) => setTimeout(r, 2_000));
    const items = await logged();
    const ids = new Set(items.map((d) => d.id));
    expect(ids.size).toBe(expected);
    expect(arrivals.every((x) => x.signatureOk)).toBe(true);
    expect(arrivals.every((x) => x.header === x.id)).toBe(true);
    expect(new Set(arrivals.map((x) => x.id))).toEqual(ids);
    for (const id of ids) {
      const got = arrivals.filter((x) => x.id === id).map((x) => x.status);
      // Exactly one successful arrival; a delivery whose first attempt was failed got exactly one retry.
      expect(got, `delivery ${id}`).toEqual(failFirst.has(id) ? [500, 200] : [200]);
      expect(items.find((d) => d.id === id)?.attempts, `delivery ${id}`).toBe(got.length);
    }
    const delivered = arrivals.filter((x) => x.status === 200);
    expect(delivered.filter((x) => x.event === 'label.moved')).toHaveLength(1 + moves);
    expect(delivered.filter((x) => x.event !== 'label.moved')).toHaveLength(tests);
    return { deliveries: expected, retried: failFirst.size };
  } finally {
    if (hookId) await api(a, 'DELETE', `/api/v1/webhooks/${hookId}`);
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
}

/**
 * Experiments started on A and on B are worked by the instances' job workers, each example
 * exactly once: every experiment succeeds with one result per example, each result its own
 * invocation, and the invocation log holds exactly as many experiment calls as results.
 */
export async function checkExperimentsExactlyOnce(c: Cluster, examples = 12): Promise<{ experiments: number; calls: number }> {
  const [a, b] = c.instances as [Instance, Instance];
  const name = await promptWithTwoVersions(a);
  const dataset = uniquePromptName('instances-ds');
  expect((await api(a, 'POST', '/api/v1/datasets', { name: dataset })).status).toBe(201);
  const items = Array.from({ length: examples }, (_, n) => ({ variables: { x: `example ${n}` }, expectedOutput: `answer ${n}` }));
  expect((await api(a, 'POST', `/api/v1/datasets/${dataset}/examples`, { items })).status).toBe(201);
  const ids: string[] = [];
  for (const i of [a, b]) {
    const e = await api(i, 'POST', '/api/v1/experiments', { prompt: name, version: 1, dataset, evaluators: [{ type: 'max_latency_ms', value: 60_000 }], concurrency: 8 });
    expect(e.status, JSON.stringify(e.json)).toBe(202);
    ids.push(e.json.id as string);
  }
  await within(90_000, 'both experiments finished', async () => {
    for (const id of ids) if (!['succeeded', 'failed', 'cancelled'].includes((await api(b, 'GET', `/api/v1/experiments/${id}`)).json.status as string)) return false;
    return true;
  });
  await new Promise((r) => setTimeout(r, 1_000));
  for (const id of ids) {
    const e = (await api(a, 'GET', `/api/v1/experiments/${id}`)).json;
    expect(e.status, JSON.stringify(e)).toBe('succeeded');
    expect(e.progress).toMatchObject({ total: examples, done: examples });
    const results = (await api(b, 'GET', `/api/v1/experiments/${id}/results?limit=200`)).json.items as { exampleId: string; repetition: number; invocationId: string | null }[];
    expect(results).toHaveLength(examples);
    expect(new Set(results.map((r) => `${r.exampleId}:${r.repetition}`)).size).toBe(examples);
    expect(new Set(results.map((r) => r.invocationId)).size).toBe(examples);
  }
  const db = new pg.Client({ connectionString: c.databaseUrl });
  await db.connect();
  try {
    const calls = (await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM "Invocation" WHERE "promptName" = $1 AND source = 'experiment'`, [name])).rows[0]!.n;
    expect(calls).toBe(examples * ids.length);
    return { experiments: ids.length, calls };
  } finally {
    await db.end();
  }
}

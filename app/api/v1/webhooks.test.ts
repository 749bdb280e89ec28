import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createPrompt } from '@/lib/catalog/prompts';
import { createVersion } from '@/lib/catalog/versions';
import { resetEnvCache } from '@/lib/env';
import { startJobQueue, stopJobQueue } from '@/lib/jobs';
import { appJobs } from '@/lib/jobs/registry';
import { call, expectApiError, expectFields, startApi, type ApiEnv } from '@/lib/test/api';
import { ctxFor, uniqueName } from '@/lib/test/db';
import { versionBody } from '@/lib/test/helpers';
import { loadRoutes, type Routes } from '@/lib/test/routes';
import { verifySignature } from '@/lib/webhooks/secrets';

/**
 * Webhooks end to end: a real job queue and a local HTTP receiver (PROMPTDECK_WEBHOOK_ALLOW_PRIVATE
 * lets the test target 127.0.0.1). Signature, retries with backoff, the deliveries log, "send
 * test", SSRF refusals, and that a stuck receiver does not hold up the action.
 */
interface Received {
  path: string;
  headers: http.IncomingHttpHeaders;
  body: string;
}
type Behaviour = (n: number) => number | 'hang';

let api: ApiEnv;
let r: Routes;
let wr: {
  hooks: typeof import('@/app/api/v1/webhooks/route');
  hook: typeof import('@/app/api/v1/webhooks/[id]/route');
  deliveries: typeof import('@/app/api/v1/webhooks/[id]/deliveries/route');
  test: typeof import('@/app/api/v1/webhooks/[id]/test/route');
};
let server: http.Server;
let port = 0;
let received: Received[] = [];
/** What the receiver answers, per path (each webhook has its own): the n-th request -> status. */
const behaviours = new Map<string, Behaviour>();
const held: http.ServerResponse[] = [];

function setEnv(allowPrivate: boolean) {
  process.env.PROMPTDECK_WEBHOOK_ALLOW_PRIVATE = allowPrivate ? 'true' : 'false';
  process.env.PROMPTDECK_WEBHOOK_RETRY_BASE_MS = '100';
  process.env.PROMPTDECK_WEBHOOK_TIMEOUT_MS = '1500';
  process.env.PROMPTDECK_WEBHOOK_MAX_ATTEMPTS = '5';
  resetEnvCache();
}

beforeAll(async () => {
  api = await startApi();
  setEnv(true);
  r = await loadRoutes();
  wr = {
    hooks: await import('@/app/api/v1/webhooks/route'),
    hook: await import('@/app/api/v1/webhooks/[id]/route'),
    deliveries: await import('@/app/api/v1/webhooks/[id]/deliveries/route'),
    test: await import('@/app/api/v1/webhooks/[id]/test/route'),
  };
  server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString('utf8')));
    req.on('end', () => {
      received.push({ path: req.url ?? '', headers: req.headers, body });
      const what = behaviours.get(req.url ?? '')?.(received.filter((x) => x.path === req.url).length) ?? 200;
      if (what === 'hang') held.push(res);
      else res.writeHead(what).end('ok');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
  await startJobQueue({ url: api.t.url, jobs: appJobs(), pollingIntervalSeconds: 0.5, log: () => {} });
});
afterAll(async () => {
  for (const res of held) res.destroy();
  await stopJobQueue({ graceful: true, timeoutMs: 5000 });
  await new Promise((resolve) => server?.close(resolve));
  server?.closeAllConnections();
  await api?.close();
});
beforeEach(() => {
  setEnv(true);
  received = [];
});

const admin = () => api.tokens.admin;
const create = (body: unknown, token = admin()) => call(wr.hooks.POST, 'POST', '/api/v1/webhooks', { token, body });
const deliveries = (id: string) => call(wr.deliveries.GET, 'GET', `/api/v1/webhooks/${id}/deliveries`, { token: admin(), params: { id } });

async function hookFor(events: string[], behaviour?: Behaviour): Promise<{ id: string; secret: string; path: string }> {
  const path = `/h/${uniqueName('w')}`;
  if (behaviour) behaviours.set(path, behaviour);
  const res = await create({ url: `http://127.0.0.1:${port}${path}`, events });
  expect(res.status, res.text).toBe(201);
  return { id: res.json.id, secret: res.json.secret, path };
}

async function promptWith(n: number): Promise<string> {
  const name = uniqueName('wh');
  await createPrompt(ctxFor(api.t.db, 'editor'), { name });
  for (let i = 0; i < n; i++) await createVersion(ctxFor(api.t.db, 'editor'), name, versionBody());
  return name;
}

async function until<T>(what: string, fn: () => Promise<T | undefined | null | false>, timeoutMs = 20_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > end) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((res) => setTimeout(res, 100));
  }
}


describe('webhooks', () => {
  it('creates (admin only) with a secret shown once and stored encrypted', async () => {
    expectApiError(await create({ url: `http://127.0.0.1:${port}/x`, events: ['label.moved'] }, api.tokens.deployer), 403, 'forbidden');
    expectFields(await create({ url: `http://127.0.0.1:${port}/x`, events: ['nope'] }), 'events.0');
    expectFields(await create({ url: `http://127.0.0.1:${port}/x`, events: [] }), 'events');
    const h = await hookFor(['label.moved', 'label.moved']);
    expect(h.secret).toMatch(/^whsec_[A-Za-z0-9_-]{40,}$/);
    const list = await call(wr.hooks.GET, 'GET', '/api/v1/webhooks', { token: admin() });
    const listed = list.json.items.find((w: { id: string }) => w.id === h.id);
    expect(listed.events).toEqual(['label.moved']);
    expect(JSON.stringify(list.json)).not.toContain(h.secret);
    const row = await api.t.db.webhook.findUniqueOrThrow({ where: { id: h.id } });
    expect(row.secretCiphertext).not.toContain(h.secret.slice(6));
    const audited = await api.t.db.auditEvent.findFirst({ where: { action: 'webhook.create', target: h.id } });
    expect(audited?.actorType).toBe('api_key');
  });

  it('delivers label.moved signed with the secret; the deliveries log shows the attempt', async () => {
    const h = await hookFor(['label.moved']);
    const name = await promptWith(2);
    const moved = await call(r.label.PUT, 'PUT', `/api/v1/prompts/${name}/labels/production`, { token: api.tokens.deployer, params: { name, label: 'production' }, body: { version: 2, reason: 'ship' } });
    expect(moved.status).toBe(200);
    const got = await until('the delivery', async () => received.find((x) => x.path === h.path && JSON.parse(x.body).data?.prompt === name));
    expect(got.headers['x-promptdeck-event']).toBe('label.moved');
    expect(verifySignature(h.secret, got.body, got.headers['x-promptdeck-signature'] as string)).toBe(true);
    expect(verifySignature(h.secret, got.body + ' ', got.headers['x-promptdeck-signature'] as string)).toBe(false);
    expect(verifySignature('whsec_wrong', got.body, got.headers['x-promptdeck-signature'] as string)).toBe(false);
    const body = JSON.parse(got.body);
    expect(Object.keys(body).sort()).toEqual(['at', 'data', 'event', 'id']);
    expect(body.data).toMatchObject({ prompt: name, label: 'production', action: 'deploy', fromVersion: null, toVersion: 2, reason: 'ship', actor: { type: 'api_key' } });
    const log = await until('the log entry', async () => {
      const d = (await deliveries(h.id)).json.items[0];
      return d?.status === 'succeeded' ? d : null;
    });
    expect(log).toMatchObject({ id: body.id, event: 'label.moved', attempts: 1, lastStatusCode: 200 });
    expect(log.log).toEqual([expect.objectContaining({ attempt: 1, statusCode: 200, error: null })]);
    // Rollback and removal fire it too.
    await call(r.rollback.POST, 'POST', `/api/v1/prompts/${name}/labels/production/rollback`, { token: api.tokens.deployer, params: { name, label: 'production' }, body: {} }).catch(() => null);
    await call(r.label.DELETE, 'DELETE', `/api/v1/prompts/${name}/labels/production`, { token: api.tokens.deployer, params: { name, label: 'production' } });
    await until('the removal', async () => received.find((x) => x.path === h.path && JSON.parse(x.body).data?.action === 'remove'));
  });

  it('retries non-2xx answers with backoff and the same delivery id; succeeds on the third try', async () => {
    const h = await hookFor(['label.moved'], (n) => (n <= 2 ? 500 : 204));
    const name = await promptWith(1);
    await call(r.label.PUT, 'PUT', `/api/v1/prompts/${name}/labels/staging`, { token: api.tokens.deployer, params: { name, label: 'staging' }, body: { version: 1 } });
    const d = await until('success', async () => {
      const x = (await deliveries(h.id)).json.items[0];
      return x?.status === 'succeeded' ? x : null;
    });
    expect(d.log.map((a: { statusCode: number }) => a.statusCode)).toEqual([500, 500, 204]);
    expect(d.log[0].error).toBe('HTTP 500');
    const ids = new Set(received.filter((x) => x.path === h.path).map((x) => JSON.parse(x.body).id));
    expect(ids).toEqual(new Set([d.id]));
    // Backoff: each attempt waits at least base * 2^(n-2) after the previous one.
    const t = d.log.map((a: { at: string }) => Date.parse(a.at));
    expect(t[1] - t[0]).toBeGreaterThanOrEqual(100);
    expect(t[2] - t[1]).toBeGreaterThanOrEqual(200);
  });

  it('gives up after PROMPTDECK_WEBHOOK_MAX_ATTEMPTS against a dead receiver (status failed)', async () => {
    const h = await hookFor(['label.moved'], () => 503);
    const name = await promptWith(1);
    await call(r.label.PUT, 'PUT', `/api/v1/prompts/${name}/labels/dead`, { token: api.tokens.deployer, params: { name, label: 'dead' }, body: { version: 1 } });
    const d = await until('failure', async () => {
      const x = (await deliveries(h.id)).json.items[0];
      return x?.status === 'failed' ? x : null;
    }, 30_000);
    expect(d.attempts).toBe(5);
    expect(d.nextAttemptAt).toBeNull();
    expect(d.log.map((a: { attempt: number }) => a.attempt)).toEqual([1, 2, 3, 4, 5]);
  });

  it('a receiver that never answers does not hold up the action; the attempt times out and is retried', async () => {
    const h = await hookFor(['label.moved'], (n) => (n === 1 ? 'hang' : 200));
    const name = await promptWith(1);
    const moved = await call(r.label.PUT, 'PUT', `/api/v1/prompts/${name}/labels/slow`, { token: api.tokens.deployer, params: { name, label: 'slow' }, body: { version: 1 } });
    expect(moved.status).toBe(200);
    // The move has answered; its delivery has not finished a single attempt yet.
    const before = await api.t.db.webhookDelivery.findFirstOrThrow({ where: { webhookId: h.id } });
    expect(before.attempts).toBe(0);
    const d = await until('the retry', async () => {
      const x = (await deliveries(h.id)).json.items[0];
      return x?.status === 'succeeded' ? x : null;
    });
    expect(d.log[0]).toMatchObject({ attempt: 1, statusCode: null });
    expect(d.log[0].error).toMatch(/No answer within 1500 ms/);
    expect(d.log[1]).toMatchObject({ attempt: 2, statusCode: 200 });
  });

  it('send test: 202, a webhook.test delivery to that webhook only', async () => {
    const h = await hookFor(['deploy_request.created']);
    const res = await call(wr.test.POST, 'POST', `/api/v1/webhooks/${h.id}/test`, { token: admin(), params: { id: h.id } });
    expect(res.status, res.text).toBe(202);
    const got = await until('the test delivery', async () => received.find((x) => JSON.parse(x.body).id === res.json.deliveryId));
    expect(JSON.parse(got.body).event).toBe('webhook.test');
    expect(verifySignature(h.secret, got.body, got.headers['x-promptdeck-signature'] as string)).toBe(true);
    expectApiError(await call(wr.test.POST, 'POST', '/api/v1/webhooks/nope/test', { token: admin(), params: { id: 'nope' } }), 404, 'not_found');
  });

  it('does not deliver events a webhook did not subscribe to', async () => {
    const h = await hookFor(['canary.started']);
    const name = await promptWith(1);
    await call(r.label.PUT, 'PUT', `/api/v1/prompts/${name}/labels/production`, { token: api.tokens.deployer, params: { name, label: 'production' }, body: { version: 1 } });
    expect(await api.t.db.webhookDelivery.count({ where: { webhookId: h.id } })).toBe(0);
  });

  it('refuses http:, loopback, private and link-local targets (400) unless PROMPTDECK_WEBHOOK_ALLOW_PRIVATE=true', async () => {
    setEnv(false);
    for (const url of ['http://hooks.example.com/x', 'https://127.0.0.1/x', 'https://10.0.0.8/x', 'https://169.254.169.254/latest/meta-data/', 'https://[::1]/x', 'https://localhost/x', 'https://[fd00::1]/x']) {
      expectFields(await create({ url, events: ['label.moved'] }), 'url');
    }
  });

  it('checks the dialled address again on every attempt: a target that became private is refused', async () => {
    const h = await hookFor(['label.moved']);
    setEnv(false);
    await call(wr.test.POST, 'POST', `/api/v1/webhooks/${h.id}/test`, { token: admin(), params: { id: h.id } });
    const d = await until('a refused attempt', async () => {
      const x = (await deliveries(h.id)).json.items[0];
      return x?.attempts >= 1 ? x : null;
    });
    expect(d.log[0].statusCode).toBeNull();
    expect(d.log[0].error).toMatch(/https/);
    expect(received.filter((x) => x.path === h.path)).toHaveLength(0);
  });

  it('deletes (admin), with its log; 404 afterwards; audited', async () => {
    const h = await hookFor(['label.moved']);
    expect((await call(wr.hook.DELETE, 'DELETE', `/api/v1/webhooks/${h.id}`, { token: admin(), params: { id: h.id } })).status).toBe(204);
    expectApiError(await call(wr.hook.DELETE, 'DELETE', `/api/v1/webhooks/${h.id}`, { token: admin(), params: { id: h.id } }), 404, 'not_found');
    expectApiError(await deliveries(h.id), 404, 'not_found');
    expect(await api.t.db.auditEvent.count({ where: { action: 'webhook.delete', target: h.id } })).toBe(1);
  });
});

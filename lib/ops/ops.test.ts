import { mkdtemp, mkdir, rm } from 'node:fs/promises';
import type http from 'node:http';
import type net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createPrompt } from '../catalog/prompts';
import { createVersion } from '../catalog/versions';
import { createDb, db as processDb } from '../db/client';
import { resetEnvCache } from '../env';
import { startJobQueue, stopJobQueue } from '../jobs';
import { createFrontServer, frontListener } from '../server/http-server';
import { call, startApi, type ApiEnv } from '../test/api';
import { ctxFor, uniqueName } from '../test/db';
import { markStopping } from './lifecycle';
import { metricsAccess, wantsMetricsText } from './metrics-endpoint';
import { countGatewayCall, routeTemplate } from './metrics';
import { migrationNames, readiness } from './readiness';

/** Health and readiness probes, /metrics (auth and content), request ids. */
let api: ApiEnv;
let server: http.Server;
let base: string;
let name: string;

beforeAll(async () => {
  api = await startApi();
  await startJobQueue({ url: api.t.url, jobs: [], work: false, log: () => {} });
  const fakeNext = (req: http.IncomingMessage, res: http.ServerResponse) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ requestId: req.headers['x-request-id'] }));
  };
  server = createFrontServer(frontListener(fakeNext, { fastPath: true, trustedHops: 0 }));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  base = `http://127.0.0.1:${(server.address() as net.AddressInfo).port}`;
  name = uniqueName('ops');
  const ctx = ctxFor(processDb(), 'deployer');
  await createPrompt(ctx, { name });
  await createVersion(ctx, name, { template: { messages: [{ role: 'user', content: 'x' }] }, modelId: 'amazon.nova-lite-v1:0', labels: ['production'] });
});
afterAll(async () => {
  vi.unstubAllEnvs();
  resetEnvCache();
  await new Promise((r) => server?.close(r));
  await stopJobQueue({ graceful: false });
  await api?.close();
});

describe('health and readiness', () => {
  it('GET /api/v1/health answers 200 without credentials', async () => {
    const { GET } = await import('@/app/api/v1/health/route');
    const res = await call(GET, 'GET', '/api/v1/health');
    expect(res.status).toBe(200);
    expect(res.json.status).toBe('ok');
  });

  it('GET /api/v1/ready names each check: 200 when all pass', async () => {
    const { GET } = await import('@/app/api/v1/ready/route');
    const res = await call(GET, 'GET', '/api/v1/ready');
    expect(res.json.checks.migrations.detail).toMatch(/^all \d+ applied$/);
    expect(res.json).toMatchObject({ ready: true, checks: { database: { ok: true }, migrations: { ok: true }, jobs: { ok: true }, shutdown: { ok: true } } });
    expect(res.status).toBe(200);
  });

  it('is not ready when a migration in the code is not applied', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'pd-migrations-'));
    try {
      for (const m of await migrationNames()) await mkdir(path.join(dir, m));
      await mkdir(path.join(dir, '29991231000000_not_applied'));
      const r = await readiness(processDb(), { migrationsDir: dir });
      expect(r.ready).toBe(false);
      expect(r.checks.migrations).toEqual({ ok: false, detail: expect.stringContaining('29991231000000_not_applied') as string });
      expect(r.checks.database.ok).toBe(true);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('is not ready when the database is unreachable', async () => {
    const down = createDb('postgresql://postgres@127.0.0.1:1/none', 1);
    try {
      const r = await readiness(down);
      expect(r.ready).toBe(false);
      expect(r.checks.database.ok).toBe(false);
      expect(r.checks.database.detail).toMatch(/^unreachable/);
      expect(r.checks.migrations.ok).toBe(false);
    } finally {
      await down.$disconnect();
    }
  });

  it('answers 503 (same body shape) when the job queue is not running, and while shutting down', async () => {
    const { GET } = await import('@/app/api/v1/ready/route');
    await stopJobQueue({ graceful: false });
    const res = await call(GET, 'GET', '/api/v1/ready');
    expect(res.status).toBe(503);
    expect(res.json).toMatchObject({ ready: false, checks: { database: { ok: true }, jobs: { ok: false } } });
    markStopping();
    const stopping = await call(GET, 'GET', '/api/v1/ready');
    expect(stopping.json.checks.shutdown).toEqual({ ok: false, detail: expect.stringMatching(/shutting down/) as string });
  });
});

describe('request ids', () => {
  it('honours a sane X-Request-Id, replaces a hostile one, and returns it (also from the fast path)', async () => {
    const mine = await fetch(`${base}/api/v1/anything`, { headers: { 'x-request-id': 'lb-1234.abc' } });
    expect(mine.headers.get('x-request-id')).toBe('lb-1234.abc');
    expect(((await mine.json()) as { requestId: string }).requestId).toBe('lb-1234.abc');
    const hostile = await fetch(`${base}/api/v1/anything`, { headers: { 'x-request-id': 'a b"<script>' } });
    expect(hostile.headers.get('x-request-id')).toMatch(/^[0-9a-f]{24}-[0-9a-z]+$/);
    const none = await fetch(`${base}/api/v1/prompts/${name}`, { headers: { authorization: `Bearer ${api.tokens.viewer}` } });
    expect(none.status).toBe(200);
    expect(none.headers.get('x-request-id')).toMatch(/^[0-9a-f]{24}-[0-9a-z]+$/);
    expect(none.headers.get('x-request-id')).not.toBe(hostile.headers.get('x-request-id'));
  });
});

describe('/metrics', () => {
  it('shares its path with the console page: browsers and client-side navigation get the page, scrapers the figures', () => {
    const req = (headers: Record<string, string>) => ({ headers }) as unknown as http.IncomingMessage;
    expect(wantsMetricsText(req({ accept: 'application/openmetrics-text;version=1.0.0,text/plain;version=0.0.4;q=0.5,*/*;q=0.1' }))).toBe(true);
    expect(wantsMetricsText(req({}))).toBe(true);
    expect(wantsMetricsText(req({ accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8' }))).toBe(false);
    expect(wantsMetricsText(req({ accept: '*/*', rsc: '1' }))).toBe(false);
    expect(wantsMetricsText(req({ accept: '*/*', 'next-router-prefetch': '1' }))).toBe(false);
  });
  it('without PROMPTDECK_METRICS_TOKEN: local requests only (not forwarded, loopback socket)', () => {
    const req = (remoteAddress: string, headers: Record<string, string> = {}) => ({ headers, socket: { remoteAddress } }) as unknown as http.IncomingMessage;
    expect(metricsAccess(req('127.0.0.1'), undefined)).toBe('ok');
    expect(metricsAccess(req('::1'), undefined)).toBe('ok');
    expect(metricsAccess(req('10.0.0.7'), undefined)).toBe('hidden');
    expect(metricsAccess(req('127.0.0.1', { 'x-forwarded-for': '203.0.113.9' }), undefined)).toBe('hidden');
    expect(metricsAccess(req('10.0.0.7', { authorization: 'Bearer pd_metrics_token_0123456789' }), 'pd_metrics_token_0123456789')).toBe('ok');
    expect(metricsAccess(req('127.0.0.1'), 'pd_metrics_token_0123456789')).toBe('unauthorized');
  });

  it('with a token: 401 without or with a wrong one; Prometheus text with route templates, cache lookups, gateway calls, queue depth', async () => {
    vi.stubEnv('PROMPTDECK_METRICS_TOKEN', 'pd_metrics_token_0123456789');
    resetEnvCache();
    await startJobQueue({ url: api.t.url, jobs: [], work: false, log: () => {} });
    try {
      expect((await fetch(`${base}/metrics`)).status).toBe(401);
      expect((await fetch(`${base}/metrics`, { headers: { authorization: 'Bearer pd_metrics_token_0123456780' } })).status).toBe(401);
      const auth = { authorization: `Bearer ${api.tokens.viewer}` };
      for (let i = 0; i < 3; i++) expect((await fetch(`${base}/api/v1/prompts/${name}`, { headers: auth })).status).toBe(200);
      countGatewayCall('amazon.nova-lite-v1:0', 'throttled', 0.2);
      const res = await fetch(`${base}/metrics`, { headers: { authorization: 'Bearer pd_metrics_token_0123456789' } });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
      const text = await res.text();
      expect(text).toMatch(/promptdeck_http_requests_total\{method="GET",route="\/api\/v1\/prompts\/\{name\}",status="200"\} [1-9]/);
      expect(text).not.toContain(`route="/api/v1/prompts/${name}"`);
      expect(text).toMatch(/promptdeck_http_request_duration_seconds_bucket\{le="0.005",method="GET",route="\/api\/v1\/prompts\/\{name\}"\}/);
      const served = Number(/promptdeck_http_requests_total\{method="GET",route="\/api\/v1\/prompts\/\{name\}",status="200"\} (\d+)/.exec(text)?.[1]);
      expect(Number(/promptdeck_http_request_duration_seconds_count\{method="GET",route="\/api\/v1\/prompts\/\{name\}"\} (\d+)/.exec(text)?.[1])).toBe(served);
      expect(Number(/promptdeck_http_request_duration_seconds_bucket\{le="\+Inf",method="GET",route="\/api\/v1\/prompts\/\{name\}"\} (\d+)/.exec(text)?.[1])).toBe(served);
      // A second scrape adds only what happened in between.
      expect((await fetch(`${base}/api/v1/prompts/${name}`, { headers: auth })).status).toBe(200);
      const again = await (await fetch(`${base}/metrics`, { headers: { authorization: 'Bearer pd_metrics_token_0123456789' } })).text();
      expect(Number(/promptdeck_http_requests_total\{method="GET",route="\/api\/v1\/prompts\/\{name\}",status="200"\} (\d+)/.exec(again)?.[1])).toBe(served + 1);
      expect(text).toMatch(/promptdeck_serving_cache_lookups_total\{result="hit"\} [1-9]/);
      expect(text).toMatch(/promptdeck_serving_cache_lookups_total\{result="miss"\} [1-9]/);
      expect(text).toMatch(/promptdeck_gateway_calls_total\{model="amazon.nova-lite-v1:0",outcome="throttled"\} 1/);
      expect(text).toMatch(/promptdeck_throttles_total\{source="bedrock"\} 1/);
      expect(text).toContain('# TYPE promptdeck_job_queue_jobs gauge');
      expect(text).toContain('promptdeck_process_resident_memory_bytes');
    } finally {
      await stopJobQueue({ graceful: false });
    }
  });

  it('labels Next-routed requests by route template, not the raw path', () => {
    expect(routeTemplate('/api/v1/prompts/my%20prompt/labels/production', { name: 'my prompt', label: 'production' })).toBe('/api/v1/prompts/{name}/labels/{label}');
    expect(routeTemplate('/api/v1/prompts', {})).toBe('/api/v1/prompts');
    expect(routeTemplate('/api/v1/nope/a/b', { path: ['nope', 'a', 'b'] })).toBe('/api/v1/{path}/{path}/{path}');
  });
});

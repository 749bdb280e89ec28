import { mkdtemp, rm } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { E2E_PORT } from '../playwright.config';
import { uniquePromptName } from './helpers';
import { startLauncher, waitUntilServing, type Launcher } from './launcher';

/**
 * Graceful shutdown of a production instance (the launcher, as `npm start`): SIGTERM while a
 * server-sent-events stream runs. The instance stops accepting connections at once, the stream
 * runs to its `done` event, and the process exits 0. Port: E2E_OPS_PORT (default E2E_PORT + 2).
 */
const PORT = Number(process.env.E2E_OPS_PORT ?? E2E_PORT + 2);
const BASE = `http://127.0.0.1:${PORT}`;
const KEY = 'pd_e2e_ops_admin_key_0123456789abcdef';
const headers = { authorization: `Bearer ${KEY}`, 'content-type': 'application/json' };

function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = net.connect(port, '127.0.0.1');
    s.once('connect', () => (s.destroy(), resolve(true)));
    s.once('error', () => resolve(false));
  });
}

test.describe.serial('operations of a production instance', () => {
  let app: Launcher;
  let dataDir: string;

  test.beforeAll(async () => {
    test.setTimeout(150_000);
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'promptdeck-ops-'));
    // Slow stream deltas, so SIGTERM lands mid-stream.
    app = startLauncher({ port: PORT, dataDir, apiKey: KEY, env: { PROMPTDECK_SIM_STREAM_DELAY_MS: '400', PROMPTDECK_SHUTDOWN_GRACE_MS: '30000' } });
    await waitUntilServing(BASE, app);
  });
  test.afterAll(async () => {
    if (app && app.child.exitCode === null) {
      app.child.kill('SIGKILL');
      await app.exited;
    }
    await rm(dataDir, { recursive: true, force: true });
  });

  test('probes, request ids and local metrics on the running server', async () => {
    const health = await fetch(`${BASE}/api/v1/health`, { headers: { 'x-request-id': 'probe-1' } });
    expect(health.status).toBe(200);
    expect(health.headers.get('x-request-id')).toBe('probe-1');
    const ready = await fetch(`${BASE}/api/v1/ready`);
    expect(ready.status).toBe(200);
    expect(((await ready.json()) as { ready: boolean }).ready).toBe(true);
    const metrics = await fetch(`${BASE}/metrics`); // no token configured: local requests only
    expect(metrics.status).toBe(200);
    expect(await metrics.text()).toMatch(/promptdeck_http_requests_total\{method="GET",route="\/api\/v1\/ready",status="200"\} 1/);
    expect((await fetch(`${BASE}/metrics`, { headers: { 'x-forwarded-for': '203.0.113.5' } })).status).toBe(404);
  });

  test('SIGTERM mid-stream: no new connections, the stream finishes, exit 0', async () => {
    test.setTimeout(90_000);
    const name = uniquePromptName('shutdown');
    expect((await fetch(`${BASE}/api/v1/prompts`, { method: 'POST', headers, body: JSON.stringify({ name }) })).status).toBe(201);
    const version = await fetch(`${BASE}/api/v1/prompts/${name}/versions`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ template: { messages: [{ role: 'user', content: 'Write a long story about {{topic}}.' }] }, modelId: 'amazon.nova-lite-v1:0', labels: ['production'] }),
    });
    expect(version.status).toBe(201);

    const res = await fetch(`${BASE}/api/v1/prompts/${name}/invoke`, { method: 'POST', headers, body: JSON.stringify({ variables: { topic: 'lighthouses' }, stream: true }) });
    expect(res.status).toBe(200);
    const reader = res.body!.getReader();
    const decoder = new TextDecoder();
    let text = '';
    while (!text.includes('event: delta')) {
      const { value, done } = await reader.read();
      if (done) break;
      text += decoder.decode(value, { stream: true });
    }
    expect(text).toContain('event: delta');
    expect(text).not.toContain('event: done'); // still streaming

    const exited = app.exited;
    app.child.kill('SIGTERM');
    // The listener closes at once: new connections are refused while the stream runs on.
    await expect.poll(() => accepts(PORT), { timeout: 5_000, intervals: [50] }).toBe(false);
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      text += decoder.decode(value, { stream: true });
    }
    expect(text).toContain('event: done');
    expect(text).not.toContain('event: error');
    expect(await exited).toEqual({ code: 0, signal: null });
    const out = app.output();
    expect(out).toContain('"msg":"shutting down: finishing running requests and jobs"');
    expect(out).toContain('"msg":"stopped"');
  });
});

import { randomBytes } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** What the live tests need around the client: the server, admin calls, and a proxy that can go down. */
export const URL_ = process.env.PROMPTDECK_URL ?? '';
export const KEY = process.env.PROMPTDECK_API_KEY ?? '';
if (!URL_ || !KEY) throw new Error('The live tests need PROMPTDECK_URL and PROMPTDECK_API_KEY (an admin key) of a running Promptdeck.');

export const unique = (prefix: string) => `${prefix}-${Date.now().toString(36)}-${randomBytes(3).toString('hex')}`;

export async function api<T = unknown>(method: string, path: string, body?: unknown): Promise<T> {
  const res = await fetch(`${URL_}${path}`, {
    method,
    headers: { authorization: `Bearer ${KEY}`, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${text}`);
  return (text ? JSON.parse(text) : undefined) as T;
}

export const MODEL = 'anthropic.claude-3-5-haiku-20241022-v1:0';

/** A prompt of the test's own with `versions` versions and production -> `production`. */
export async function makePrompt(prefix: string, versions: number, production: number): Promise<string> {
  const name = unique(prefix);
  await api('POST', '/api/v1/prompts', { name, description: 'client live test', tags: ['client-live'] });
  for (let v = 1; v <= versions; v++) {
    await api('POST', `/api/v1/prompts/${name}/versions`, {
      template: { system: 'You answer in one word.', messages: [{ role: 'user', content: `v${v}: {{question}}{{#extra}} ({{.}}){{/extra}}` }] },
      modelId: MODEL,
      params: { temperature: 0.1, topK: 5, maxTokens: 64 },
      commitMessage: `v${v}`,
    });
  }
  // Deployed 1 first, then moved: the label has a history to roll back through.
  await api('PUT', `/api/v1/prompts/${name}/labels/production`, { version: 1, expectedVersion: null });
  if (production !== 1) await api('PUT', `/api/v1/prompts/${name}/labels/production`, { version: production, expectedVersion: 1 });
  return name;
}

/** A TCP-level forwarder to the server that can be stopped: "the server went down" for one client. */
export async function stoppableProxy(): Promise<{ url: string; stop(): Promise<void> }> {
  const target = new globalThis.URL(URL_);
  const server = http.createServer((req, res) => {
    const up = http.request({ host: target.hostname, port: target.port, method: req.method, path: req.url, headers: req.headers }, (r) => {
      res.writeHead(r.statusCode ?? 502, r.headers);
      r.pipe(res);
    });
    up.on('error', () => res.destroy());
    req.pipe(up);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    stop: () =>
      new Promise((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}

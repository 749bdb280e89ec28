import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** A local stand-in for Promptdeck: tests program its answers and read what it received. */
export interface Received {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: http.IncomingHttpHeaders;
  body: unknown;
}

export type Handler = (req: Received, res: http.ServerResponse) => void | Promise<void>;

export interface FakeServer {
  url: string;
  received: Received[];
  handle(h: Handler): void;
  close(): Promise<void>;
}

export async function fakeServer(handler: Handler = (_r, res) => json(res, 404, { error: { code: 'not_found', message: 'no route' } })): Promise<FakeServer> {
  let h = handler;
  const received: Received[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://x');
      const text = Buffer.concat(chunks).toString('utf8');
      const r: Received = { method: req.method ?? 'GET', path: url.pathname, query: url.searchParams, headers: req.headers, body: text ? JSON.parse(text) : undefined };
      received.push(r);
      Promise.resolve(h(r, res)).catch((err: unknown) => {
        res.writeHead(500);
        res.end(String(err));
      });
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    received,
    handle: (next) => (h = next),
    close: () =>
      new Promise((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}

export function json(res: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
  res.end(JSON.stringify(body));
}

/** A port nothing listens on (the server is down). */
export async function closedPort(): Promise<string> {
  const s = http.createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  const port = (s.address() as AddressInfo).port;
  await new Promise((r) => s.close(r));
  return `http://127.0.0.1:${port}`;
}

/** A version object as the server sends it. */
export function versionBody(name: string, version: number, extra: Record<string, unknown> = {}) {
  return {
    name,
    version,
    template: { system: 'Be brief.', messages: [{ role: 'user', content: `v${version}: {{q}}` }] },
    variables: ['q'],
    modelId: 'anthropic.claude-3-5-haiku-20241022-v1:0',
    params: { temperature: 0.2, topK: 10 },
    guardrail: null,
    commitMessage: `v${version}`,
    labels: ['production'],
    createdAt: '2026-12-01T00:00:00.000Z',
    createdBy: 'test',
    createdByRef: null,
    ...extra,
  };
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

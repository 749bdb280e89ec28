import type http from 'node:http';
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPrompt } from '../catalog/prompts';
import { createVersion } from '../catalog/versions';
import { db as processDb } from '../db/client';
import { CLIENT_ADDRESS_HEADER } from '../http/client-address';
import { startApi, type ApiEnv } from '../test/api';
import { ctxFor, uniqueName } from '../test/db';
import { parseQuery } from './fast-path';
import { createFrontServer, frontListener } from './http-server';

/**
 * The node:http front server without Next: its guard (bad URLs, unparseable requests, forwarded
 * headers) and the serving fast path, over real sockets. What Next itself would answer is
 * stood in for by a handler that echoes what it was given.
 */
let api: ApiEnv;
const servers: http.Server[] = [];
let base: string;
let name: string;

async function listen(trustedHops: number): Promise<string> {
  const fakeNext = (req: http.IncomingMessage, res: http.ServerResponse) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ url: req.url, headers: req.headers }));
  };
  const server = createFrontServer(frontListener(fakeNext, { fastPath: true, trustedHops }));
  servers.push(server);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  return `http://127.0.0.1:${(server.address() as net.AddressInfo).port}`;
}

/**
 * Sends raw bytes and returns everything the server wrote before closing. `halfClose: false`
 * keeps the sending side open (for pipelined requests whose last one says Connection: close).
 */
function raw(url: string, data: string, { halfClose = true } = {}): Promise<string> {
  const { port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = net.connect(Number(port), '127.0.0.1', () => (halfClose ? socket.end(data) : socket.write(data)));
    let out = '';
    socket.on('data', (d) => (out += d.toString('latin1')));
    socket.on('close', () => resolve(out));
    socket.on('error', reject);
  });
}

beforeAll(async () => {
  api = await startApi();
  base = await listen(0);
  name = uniqueName('front');
  const ctx = ctxFor(processDb(), 'deployer');
  await createPrompt(ctx, { name });
  await createVersion(ctx, name, { template: { messages: [{ role: 'user', content: 'x' }] }, modelId: 'amazon.nova-lite-v1:0', labels: ['production'] });
});
afterAll(async () => {
  for (const s of servers) await new Promise((r) => s.close(r));
  await api?.close();
});

async function expectJsonError(res: Response, status: number, code: string) {
  expect(res.status).toBe(status);
  expect(res.headers.get('content-type')).toMatch(/^application\/json/);
  expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  const body = (await res.json()) as { error: { code: string; message: string } };
  expect(body.error.code).toBe(code);
  expect(body.error.message.length).toBeGreaterThan(0);
}

describe('the front server guard', () => {
  it('answers API paths with bad percent-encoding or NUL with a JSON 400 (Next would 500)', async () => {
    for (const path of ['/api/v1/invocations/%ZZ', '/api/v1/prompts/a%00b/versions', '/api/v1/prompts/%ED%A0%80', '/api/v1/prompts/%E0%A4%A', '/api/v1/prompts/a%00b']) {
      await expectJsonError(await fetch(`${base}${path}`, { headers: { authorization: `Bearer ${api.tokens.viewer}` } }), 400, 'validation_error');
      await expectJsonError(await fetch(`${base}${path}`, { method: 'POST', body: '{}', headers: { 'content-type': 'application/json' } }), 400, 'validation_error');
    }
    const rejected = await fetch(`${base}/api/v1/invocations/%ZZ`, { headers: { 'x-request-id': 'bad-url-1' } });
    expect(rejected.status).toBe(400);
    expect(rejected.headers.get('x-request-id')).toBe('bad-url-1');
    // pages and well-formed API paths go on to Next
    expect((await fetch(`${base}/prompts/%ZZ`)).status).toBe(200);
    expect((await fetch(`${base}/api/v1/prompts?q=%ZZ`)).status).toBe(200);
  });

  it('answers oversized headers with 431 and unparseable requests with 400, in the error shape', async () => {
    const big = await raw(base, `GET /api/v1/prompts HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(40_000)}\r\n\r\n`);
    expect(big).toMatch(/^HTTP\/1\.1 431 /);
    expect(big).toContain('"code":"headers_too_large"');
    expect(big.toLowerCase()).toContain('x-content-type-options: nosniff');
    // Content-Length says 2, then more bytes follow: they are parsed as a second (bad) request.
    const lie = await raw(base, 'POST /api/v1/prompts HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n{}GARBAGE\r\n\r\n');
    expect(lie).toMatch(/^HTTP\/1\.1 200 /);
    expect(lie).toMatch(/HTTP\/1\.1 400 [\s\S]*"code":"validation_error"/);
    const both = await raw(base, 'POST /api/v1/prompts HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n');
    expect(both).toMatch(/^HTTP\/1\.1 400 [\s\S]*"error"/);
  });

  it('drops X-Forwarded-* and the client-address header a client sends, unless proxies are trusted', async () => {
    const spoof = { 'x-forwarded-for': '6.6.6.6', 'x-forwarded-proto': 'https', 'x-forwarded-host': 'evil.test', [CLIENT_ADDRESS_HEADER]: '6.6.6.6' };
    const seen = ((await (await fetch(`${base}/api/v1/echo`, { headers: spoof })).json()) as { headers: Record<string, string> }).headers;
    expect(seen[CLIENT_ADDRESS_HEADER]).toBe('127.0.0.1');
    expect(seen['x-forwarded-for']).toBeUndefined();
    expect(seen['x-forwarded-proto']).toBeUndefined();
    expect(seen['x-forwarded-host']).toBeUndefined();
    const behindOne = await listen(1);
    const trusted = ((await (await fetch(`${behindOne}/api/v1/echo`, { headers: { ...spoof, 'x-forwarded-for': '6.6.6.6, 203.0.113.7' } })).json()) as { headers: Record<string, string> }).headers;
    expect(trusted[CLIENT_ADDRESS_HEADER]).toBe('203.0.113.7');
    expect(trusted['x-forwarded-proto']).toBe('https');
  });
});

describe('the serving fast path', () => {
  it('answers GET /api/v1/prompts/{name} with nosniff and the other security headers, errors in the error shape', async () => {
    const auth = { authorization: `Bearer ${api.tokens.viewer}` };
    for (let i = 0; i < 2; i++) {
      // first through the async path, then from the cache
      const ok = await fetch(`${base}/api/v1/prompts/${name}`, { headers: auth });
      expect(ok.status).toBe(200);
      expect(ok.headers.get('x-content-type-options')).toBe('nosniff');
      expect(ok.headers.get('x-frame-options')).toBe('DENY');
      expect(((await ok.json()) as { version: number }).version).toBe(1);
    }
    // The cached answer (synchronous path) and its 304 carry the ETag and the serving epoch.
    const cached = await fetch(`${base}/api/v1/prompts/${name}`, { headers: auth });
    const epoch = cached.headers.get('x-promptdeck-epoch');
    expect(epoch).toMatch(/^\d+$/);
    const notModified = await fetch(`${base}/api/v1/prompts/${name}`, { headers: { ...auth, 'if-none-match': cached.headers.get('etag') ?? '' } });
    expect(notModified.status).toBe(304);
    expect(notModified.headers.get('x-promptdeck-epoch')).toBe(epoch);
    await expectJsonError(await fetch(`${base}/api/v1/prompts/${uniqueName('none')}`, { headers: auth }), 404, 'not_found');
    await expectJsonError(await fetch(`${base}/api/v1/prompts/${name}?label=%00`, { headers: auth }), 400, 'validation_error');
    await expectJsonError(await fetch(`${base}/api/v1/prompts/${name}?version=99999999999`, { headers: auth }), 400, 'validation_error');
    await expectJsonError(await fetch(`${base}/api/v1/prompts/${name}?label=${'x'.repeat(5000)}`, { headers: auth }), 400, 'validation_error');
    await expectJsonError(await fetch(`${base}/api/v1/prompts/${name}`), 401, 'unauthorized');
    await expectJsonError(await fetch(`${base}/api/v1/prompts/${name}`, { headers: { authorization: 'Bearer \u00ff' } }), 401, 'unauthorized');
  });

  it('sends a cached answer in one piece: Content-Length (not chunked), the request id, HEAD without a body', async () => {
    const auth = `Authorization: Bearer ${api.tokens.viewer}\r\n`;
    await fetch(`${base}/api/v1/prompts/${name}?label=production`, { headers: { authorization: `Bearer ${api.tokens.viewer}` } });
    const get = await raw(base, `GET /api/v1/prompts/${name}?label=production HTTP/1.1\r\nHost: x\r\n${auth}X-Request-Id: mine-1\r\nConnection: close\r\n\r\n`);
    const [head, body] = get.split('\r\n\r\n');
    expect(head).toMatch(/^HTTP\/1\.1 200 /);
    expect(head!.toLowerCase()).not.toContain('transfer-encoding');
    expect(head!.toLowerCase()).toContain('x-request-id: mine-1');
    expect(head!.toLowerCase()).toContain(`content-length: ${Buffer.byteLength(body!)}`);
    expect((JSON.parse(body!) as { version: number }).version).toBe(1);
    // Every request gets its own id; the cached headers are not changed by one.
    const ids = await Promise.all([1, 2, 3].map(async () => (await fetch(`${base}/api/v1/prompts/${name}`, { headers: { authorization: `Bearer ${api.tokens.viewer}` } })).headers.get('x-request-id')));
    expect(new Set(ids).size).toBe(3);
    expect(ids).not.toContain('mine-1');
    const headOnly = await raw(base, `HEAD /api/v1/prompts/${name}?label=production HTTP/1.1\r\nHost: x\r\n${auth}Connection: close\r\n\r\n`);
    expect(headOnly).toMatch(/^HTTP\/1\.1 200 /);
    expect(headOnly.endsWith('\r\n\r\n')).toBe(true);
    // One connection, two keys: each request is judged by its own key (the per-connection hash memo).
    const twoKeys = await raw(base, `GET /api/v1/prompts/${name} HTTP/1.1\r\nHost: x\r\n${auth}\r\nGET /api/v1/prompts/${name} HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer pd_not_a_key\r\n\r\nGET /api/v1/prompts/${name} HTTP/1.1\r\nHost: x\r\n${auth}Connection: close\r\n\r\n`, { halfClose: false });
    expect([...twoKeys.matchAll(/HTTP\/1\.1 (\d{3}) /g)].map((m) => m[1])).toEqual(['200', '401', '200']);
    // Answered by the async path (unknown prompt): the id is there too.
    const missing = await fetch(`${base}/api/v1/prompts/${uniqueName('none')}`, { headers: { authorization: `Bearer ${api.tokens.viewer}`, 'x-request-id': 'mine-2' } });
    expect(missing.headers.get('x-request-id')).toBe('mine-2');
  });
});

describe('parseQuery', () => {
  it('reads a query string exactly as URLSearchParams does', () => {
    const cases = ['', 'label=production', 'label=production&stickyKey=user-42', 'version=3', 'a=1&a=2', 'flag', 'flag&x=', '=v', '&&label=x&', 'label=a=b', 'q=%41%42', 'q=a+b', 'q=%ZZ', 'q=%E0%A4%A', 'label=%00', 'x=1;y=2', 'k=\u00e9', '__proto__=x', 'constructor=y&toString=z'];
    for (const qs of cases) {
      const mine = parseQuery(qs);
      const theirs = Object.fromEntries(new URLSearchParams(qs));
      expect(Object.entries(mine), qs).toEqual(Object.entries(theirs));
      expect(Object.getPrototypeOf(mine) === null || Object.getPrototypeOf(mine) === Object.prototype, qs).toBe(true);
    }
    expect(parseQuery('__proto__=x').__proto__).toBe('x');
    expect(parseQuery(undefined)).toEqual({});
  });
});

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Promptdeck, PromptdeckError, type ClientEvent } from '../src/index';
import { closedPort, fakeServer, json, sleep, versionBody, type FakeServer } from './fake-server';

/**
 * The prompt cache against a programmable stand-in: what is served from the cache, when the
 * client revalidates, and what it serves when the server fails.
 */
let s: FakeServer;
let events: ClientEvent[];
let state: { version: number; epoch: number | null; status: number; canary?: boolean; canaryHeader?: string };

beforeEach(async () => {
  events = [];
  state = { version: 1, epoch: 1, status: 200 };
  s = await fakeServer((req, res) => {
    const m = /^\/api\/v1\/prompts\/([^/]+)$/.exec(req.path);
    if (!m || req.method !== 'GET') return json(res, 404, { error: { code: 'not_found', message: 'no route' } });
    if (req.headers.authorization !== 'Bearer pd_test') return json(res, 401, { error: { code: 'unauthorized', message: 'API key missing or unknown.' } });
    if (state.status === 404) return json(res, 404, { error: { code: 'not_found', message: `Prompt "${m[1]}" has no label "production".` } });
    if (state.status !== 200) return json(res, state.status, { error: { code: 'internal_error', message: 'Something went wrong on our side.' } });
    const body = versionBody(decodeURIComponent(m[1]!), state.version, state.canary !== undefined ? { canary: state.canary } : {});
    const etag = `"v${state.version}"`;
    const headers: Record<string, string> = { etag, ...(state.epoch !== null ? { 'x-promptdeck-epoch': String(state.epoch) } : {}), ...(state.canaryHeader ? { 'x-promptdeck-canary': state.canaryHeader } : {}) };
    if (req.headers['if-none-match'] === etag) {
      res.writeHead(304, headers);
      res.end();
      return;
    }
    json(res, 200, body, headers);
  });
});
afterEach(async () => {
  await s.close();
});

const client = (o: ConstructorParameters<typeof Promptdeck>[0] = {}) => new Promptdeck({ url: s.url, apiKey: 'pd_test', onError: (e) => events.push(e), ...o });
const gets = () => s.received.filter((r) => r.method === 'GET').length;

describe('getPrompt: cache and revalidation', () => {
  it('fetches once, then serves the fresh copy from the cache without a request', async () => {
    const c = client({ cache: { ttlMs: 60_000 } });
    const a = await c.getPrompt('greet');
    expect(a).toMatchObject({ name: 'greet', version: 1, source: 'fetched', stale: false, epoch: 1, canary: null });
    expect(s.received[0]?.query.get('label')).toBeNull(); // the server's default: production
    const b = await c.getPrompt('greet');
    expect(b).toMatchObject({ version: 1, source: 'cache' });
    expect(gets()).toBe(1);
  });

  it('revalidates with If-None-Match once the TTL passed: 304 keeps the copy, a change replaces it', async () => {
    const c = client({ cache: { ttlMs: 40 } });
    await c.getPrompt('greet', { label: 'staging' });
    await sleep(60);
    const again = await c.getPrompt('greet', { label: 'staging' });
    expect(again).toMatchObject({ version: 1, source: 'revalidated' });
    expect(s.received[1]?.headers['if-none-match']).toBe('"v1"');
    expect(s.received[1]?.query.get('label')).toBe('staging');
    await sleep(60);
    state.version = 2;
    expect(await c.getPrompt('greet', { label: 'staging' })).toMatchObject({ version: 2, source: 'fetched' });
  });

  it('never serves a copy older than the newest epoch seen on ANY answer: a change elsewhere forces revalidation', async () => {
    const c = client({ cache: { ttlMs: 60_000 } });
    expect((await c.getPrompt('a')).version).toBe(1);
    // The label of `a` moves (rolled back to "version 3" here) and the epoch rises; the client learns of it
    // from an answer about another prompt.
    state.version = 3;
    state.epoch = 2;
    expect((await c.getPrompt('b')).epoch).toBe(2);
    const a = await c.getPrompt('a');
    expect(a).toMatchObject({ version: 3, source: 'fetched', epoch: 2 });
    expect(c.cache.epoch).toBe(2);
    // fresh again: served from the cache
    expect((await c.getPrompt('a')).source).toBe('cache');
  });

  it('an answer from a lagging instance (older epoch) is served, but the copy is revalidated next time', async () => {
    const c = client({ cache: { ttlMs: 60_000 } });
    state.epoch = 5;
    await c.getPrompt('a');
    state.epoch = 4; // another instance that has not caught up yet
    const b = await c.getPrompt('b');
    expect(b.epoch).toBe(4);
    expect(c.cache.epoch).toBe(5);
    expect((await c.getPrompt('b')).source).toBe('revalidated');
    state.epoch = 5;
    expect((await c.getPrompt('b')).source).toBe('revalidated');
    expect((await c.getPrompt('b')).source).toBe('cache');
  });

  it('without the epoch header (an older server) the TTL alone decides', async () => {
    state.epoch = null;
    const c = client({ cache: { ttlMs: 60_000 } });
    await c.getPrompt('a');
    await c.getPrompt('b');
    expect((await c.getPrompt('a')).source).toBe('cache');
    expect(c.cache.epoch).toBe(-1);
  });

  it('cache: false and cache: "revalidate" always ask the server (a 304 when unchanged)', async () => {
    const c = client({ cache: false });
    await c.getPrompt('a');
    expect((await c.getPrompt('a')).source).toBe('revalidated');
    const d = client({ cache: { ttlMs: 60_000 } });
    await d.getPrompt('a');
    expect((await d.getPrompt('a', { cache: 'revalidate' })).source).toBe('revalidated');
  });

  it('shares one request between concurrent gets of the same key', async () => {
    const c = client();
    const all = await Promise.all(Array.from({ length: 20 }, () => c.getPrompt('a')));
    expect(new Set(all.map((p) => p.version))).toEqual(new Set([1]));
    expect(gets()).toBe(1);
  });

  it('hands out copies nobody can change', async () => {
    const c = client({ cache: { ttlMs: 60_000 } });
    const a = await c.getPrompt('a');
    expect(() => (a.template.messages as { content: string }[]).push({ content: 'x' })).toThrow(TypeError);
    a.version = 99; // the caller's own object
    expect((await c.getPrompt('a')).version).toBe(1);
  });

  it('keeps at most maxEntries copies (least recently used dropped)', async () => {
    const c = client({ cache: { ttlMs: 60_000, maxEntries: 2 } });
    await c.getPrompt('a');
    await c.getPrompt('b');
    await c.getPrompt('a');
    await c.getPrompt('c');
    expect(c.cache.size).toBe(2);
    expect((await c.getPrompt('a')).source).toBe('cache');
    expect((await c.getPrompt('b')).source).toBe('fetched');
  });

  it('refuses label and version together, and a bad version, before any request', async () => {
    const c = client();
    await expect(c.getPrompt('a', { label: 'x', version: 2 })).rejects.toThrow(TypeError);
    await expect(c.getPrompt('a', { version: 0 })).rejects.toThrow(TypeError);
    expect(gets()).toBe(0);
  });

  it('percent-encodes names and sends version selectors', async () => {
    const c = client();
    const p = await c.getPrompt('a b/c', { version: 7 });
    expect(p.name).toBe('a b/c');
    expect(s.received[0]?.path).toBe('/api/v1/prompts/a%20b%2Fc');
    expect(s.received[0]?.query.get('version')).toBe('7');
  });
});

describe('getPrompt: canary stickiness', () => {
  it('sends stickyKey and caches per key; surfaces canary from the body, a header, or null', async () => {
    const c = client({ cache: { ttlMs: 60_000 } });
    state.canary = true;
    state.version = 2;
    const u1 = await c.getPrompt('a', { stickyKey: 'user-1' });
    expect(u1).toMatchObject({ version: 2, canary: true });
    expect(s.received[0]?.query.get('stickyKey')).toBe('user-1');
    state.canary = false;
    state.version = 1;
    const u2 = await c.getPrompt('a', { stickyKey: 'user-2' });
    expect(u2).toMatchObject({ version: 1, canary: false });
    // each key keeps its own side
    expect(await c.getPrompt('a', { stickyKey: 'user-1' })).toMatchObject({ version: 2, canary: true, source: 'cache' });
    state.canary = undefined;
    state.canaryHeader = 'true';
    expect((await c.getPrompt('b')).canary).toBe(true);
    state.canaryHeader = undefined;
    expect((await c.getPrompt('c')).canary).toBeNull();
  });
});

describe('getPrompt: stale-if-error and fallbacks', () => {
  it('serves the last good copy, marked stale, when the server answers 5xx, and reports it', async () => {
    const c = client({ cache: { ttlMs: 0 } });
    await c.getPrompt('a');
    for (const status of [500, 503, 429]) {
      state.status = status;
      const p = await c.getPrompt('a');
      expect(p).toMatchObject({ version: 1, source: 'stale', stale: true });
    }
    expect(events.map((e) => e.type)).toEqual(['stale', 'stale', 'stale']);
    expect(events[0]).toMatchObject({ prompt: 'a', label: 'production', error: { status: 500 } });
    state.status = 200;
    expect((await c.getPrompt('a')).source).toBe('revalidated');
  });

  it('serves the last good copy when the server cannot be reached at all', async () => {
    const c = client({ cache: { ttlMs: 0 } });
    await c.getPrompt('a');
    await s.close();
    const p = await c.getPrompt('a');
    expect(p).toMatchObject({ source: 'stale', stale: true });
    expect((events[0] as { error: PromptdeckError }).error.code).toBe('network_error');
  });

  it('serves the last good copy when the server does not answer in time', async () => {
    const c = client({ cache: { ttlMs: 0 }, timeoutMs: 100 });
    await c.getPrompt('a');
    s.handle(() => undefined); // hangs
    const p = await c.getPrompt('a');
    expect(p.source).toBe('stale');
    expect((events[0] as { error: PromptdeckError }).error.code).toBe('timeout');
  });

  it('respects maxStaleMs', async () => {
    const c = client({ cache: { ttlMs: 0 }, maxStaleMs: 30 });
    await c.getPrompt('a');
    await sleep(50);
    state.status = 503;
    await expect(c.getPrompt('a')).rejects.toMatchObject({ status: 503 });
  });

  it('serves the application\'s fallback when nothing was cached, else throws', async () => {
    const c = client({ url: await closedPort() });
    const fallback = { template: { messages: [{ role: 'user' as const, content: 'Hi {{name}}' }] }, modelId: 'amazon.nova-lite-v1:0' };
    const p = await c.getPrompt('a', { fallback });
    expect(p).toMatchObject({ source: 'fallback', stale: true, version: 0, variables: ['name'], modelId: 'amazon.nova-lite-v1:0', params: {} });
    expect(c.render(p, { name: 'Ann' }).messages[0]?.content).toBe('Hi Ann');
    expect(events.map((e) => e.type)).toEqual(['fallback']);
    await expect(c.getPrompt('a')).rejects.toMatchObject({ code: 'network_error', unavailable: true });
  });

  it('never serves a stale copy or the fallback after a 404: the prompt or label is gone', async () => {
    const c = client({ cache: { ttlMs: 0 } });
    await c.getPrompt('a');
    state.status = 404;
    const fallback = { template: { messages: [{ role: 'user' as const, content: 'x' }] }, modelId: 'm' };
    await expect(c.getPrompt('a', { fallback })).rejects.toMatchObject({ status: 404, code: 'not_found', unavailable: false });
    state.status = 503; // and the copy it had is forgotten: nothing stale afterwards either
    await expect(c.getPrompt('a')).rejects.toMatchObject({ status: 503 });
    expect(events).toEqual([]);
  });

  it('does not serve stale copies for a bad API key (401)', async () => {
    const c = client({ cache: { ttlMs: 0 } });
    await c.getPrompt('a');
    const bad = new Promptdeck({ url: s.url, apiKey: 'pd_wrong', onError: (e) => events.push(e) });
    await expect(bad.getPrompt('a')).rejects.toMatchObject({ status: 401, code: 'unauthorized' });
  });

  it('an aborted get rejects with code aborted and serves nothing stale', async () => {
    const c = client({ cache: { ttlMs: 0 } });
    await c.getPrompt('a');
    s.handle(() => undefined);
    const ac = new AbortController();
    const p = c.getPrompt('a', { signal: ac.signal });
    ac.abort();
    await expect(p).rejects.toMatchObject({ code: 'aborted' });
  });
});

describe('construction', () => {
  it('reads PROMPTDECK_URL and PROMPTDECK_API_KEY, and refuses a missing or bad URL', () => {
    const saved = { ...process.env };
    try {
      process.env.PROMPTDECK_URL = s.url;
      process.env.PROMPTDECK_API_KEY = 'pd_env';
      expect(() => new Promptdeck()).not.toThrow();
      delete process.env.PROMPTDECK_URL;
      expect(() => new Promptdeck()).toThrow(/PROMPTDECK_URL/);
      expect(() => new Promptdeck({ url: 'ftp://x' })).toThrow(/http/);
    } finally {
      process.env = saved;
    }
  });
});

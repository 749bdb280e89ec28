import { spawn } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Promptdeck, recordUsage, type ClientEvent, type InvocationRecord } from '../src/index';
import { closedPort, fakeServer, json, sleep, type FakeServer, type Received } from './fake-server';

let s: FakeServer;
let events: ClientEvent[];
/** What the fake stored, in order (the `n` of each record). */
let stored: number[];

const ok = (r: Received, res: Parameters<Parameters<FakeServer['handle']>[0]>[1]) => {
  const items = (r.body as { items: { metadata: { n: number } }[] }).items;
  stored.push(...items.map((i) => i.metadata.n));
  json(res, 202, { ids: items.map((_, i) => `id-${i}`) });
};

beforeEach(async () => {
  events = [];
  stored = [];
  s = await fakeServer(ok);
});
afterEach(async () => {
  await s.close();
});

const rec = (n: number): InvocationRecord => ({ modelId: 'anthropic.claude-3-5-haiku-20241022-v1:0', input: { messages: [{ role: 'user', content: `q${n}` }] }, output: { text: 'a' }, status: 'ok', metadata: { n } });
const client = (ingestion: ConstructorParameters<typeof Promptdeck>[0] extends infer O ? (O extends { ingestion?: infer I } ? I : never) : never = {}) =>
  new Promptdeck({ url: s.url, apiKey: 'pd_test', onError: (e) => events.push(e), ingestion: { retryBaseMs: 5, retryMaxMs: 20, flushOnExit: false, ...ingestion } });
const range = (a: number, b: number) => Array.from({ length: b - a }, (_, i) => a + i);

describe('batched ingestion', () => {
  it('sends full batches at once, the rest on flush(), in order, with startedAt filled in', async () => {
    const c = client({ batchSize: 100, flushIntervalMs: 60_000 });
    for (const n of range(0, 250)) c.log(rec(n));
    for (let i = 0; i < 100 && stored.length < 200; i++) await sleep(10);
    await sleep(30);
    expect(s.received.map((r) => (r.body as { items: unknown[] }).items.length)).toEqual([100, 100]);
    await c.flush();
    expect(stored).toEqual(range(0, 250));
    expect(c.ingestionStats).toEqual({ queued: 0, sent: 250, dropped: 0, retries: 0 });
    const first = (s.received[0]?.body as { items: InvocationRecord[] }).items[0]!;
    expect(Date.parse(first.startedAt!)).toBeGreaterThan(Date.now() - 10_000);
    expect(s.received[0]).toMatchObject({ method: 'POST', path: '/api/v1/invocations' });
  });

  it('sends a partial batch on the interval', async () => {
    const c = client({ batchSize: 100, flushIntervalMs: 30 });
    c.log(rec(1));
    for (let i = 0; i < 200 && stored.length === 0; i++) await sleep(10);
    expect(stored).toEqual([1]);
    expect(s.received).toHaveLength(1);
    await c.shutdown();
  });

  it('retries 429 and 5xx with backoff, then succeeds', async () => {
    let calls = 0;
    s.handle((r, res) => {
      calls++;
      if (calls === 1) return json(res, 503, { error: { code: 'unavailable', message: 'down' } });
      if (calls === 2) return json(res, 429, { error: { code: 'throttled', message: 'slow down' } }, { 'retry-after': '0' });
      ok(r, res);
    });
    const c = client();
    for (const n of range(0, 5)) c.log(rec(n));
    await c.flush();
    expect(stored).toEqual(range(0, 5));
    expect(events.map((e) => e.type)).toEqual(['ingest_retry', 'ingest_retry']);
    expect(c.ingestionStats).toMatchObject({ sent: 5, retries: 2, dropped: 0 });
  });

  it('retries when the server is down, and drops the batch after maxRetries', async () => {
    const c = new Promptdeck({ url: await closedPort(), onError: (e) => events.push(e), ingestion: { maxRetries: 2, retryBaseMs: 1, flushOnExit: false } });
    c.log(rec(1));
    c.log(rec(2));
    await c.flush();
    expect(events.map((e) => e.type)).toEqual(['ingest_retry', 'ingest_retry', 'ingest_dropped']);
    expect(events[2]).toMatchObject({ reason: 'retries_exhausted', records: 2, error: { code: 'network_error' } });
    expect(c.ingestionStats).toMatchObject({ sent: 0, dropped: 2 });
  });

  it('drops only the records a 400 names and sends the rest', async () => {
    s.handle((r, res) => {
      const items = (r.body as { items: { metadata: { n: number } }[] }).items;
      const bad = items.map((it, i) => (it.metadata.n % 3 === 0 ? i : -1)).filter((i) => i >= 0);
      if (bad.length) return json(res, 400, { error: { code: 'validation_error', message: 'bad', details: bad.map((i) => ({ path: `items.${i}.modelId`, message: 'x' })) } });
      ok(r, res);
    });
    const c = client();
    for (const n of range(1, 10)) c.log(rec(n));
    await c.flush();
    expect(stored).toEqual([1, 2, 4, 5, 7, 8]);
    expect(events).toMatchObject([{ type: 'ingest_dropped', reason: 'rejected', records: 3 }]);
  });

  it('drops a batch the server refuses for good (401), without retrying', async () => {
    s.handle((_r, res) => json(res, 401, { error: { code: 'unauthorized', message: 'no key' } }));
    const c = client();
    c.log(rec(1));
    await c.flush();
    expect(s.received).toHaveLength(1);
    expect(events).toMatchObject([{ type: 'ingest_dropped', reason: 'rejected', records: 1, error: { status: 401 } }]);
  });

  it('splits a batch the server finds too large (413)', async () => {
    s.handle((r, res) => {
      if ((r.body as { items: unknown[] }).items.length > 3) return json(res, 413, { error: { code: 'payload_too_large', message: 'too big' } });
      ok(r, res);
    });
    const c = client({ batchSize: 10 });
    for (const n of range(0, 10)) c.log(rec(n));
    await c.flush();
    expect(stored).toEqual(range(0, 10));
    expect(events).toEqual([]);
  });

  it('bounds memory: when the queue is full the oldest waiting records are dropped and reported', async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    s.handle(async (r, res) => {
      await gate; // the server holds the batch in flight
      ok(r, res);
    });
    const c = client({ batchSize: 10, maxQueue: 20, flushIntervalMs: 60_000 });
    for (const n of range(0, 10)) c.log(rec(n)); // a full batch: taken from the queue and sent at once
    for (const n of range(10, 45)) c.log(rec(n));
    expect(c.ingestionStats.queued).toBe(20);
    release();
    await c.flush();
    // of the 35 records that waited, the 15 oldest made room for the newer ones
    expect(stored).toEqual([...range(0, 10), ...range(25, 45)]);
    expect(events).toMatchObject([{ type: 'ingest_dropped', reason: 'queue_full', records: 15 }]);
  });

  it('shutdown waits for the queue within its timeout, then drops what is left', async () => {
    s.handle(async (_r, res) => {
      await sleep(300);
      if (!res.destroyed) json(res, 202, { ids: ['x'] });
    });
    const c = client({ batchSize: 1 });
    for (const n of range(0, 5)) c.log(rec(n));
    await c.shutdown({ timeoutMs: 100 });
    expect(events.some((e) => e.type === 'ingest_dropped' && e.reason === 'shutdown')).toBe(true);
    c.log(rec(99)); // after shutdown: dropped, reported
    expect(events.at(-1)).toMatchObject({ type: 'ingest_dropped', reason: 'shutdown', records: 1 });
  });

  it('validates its options', () => {
    expect(() => client({ batchSize: 1001 })).toThrow(/batchSize/);
    expect(() => client({ batchSize: 100, maxQueue: 50 })).toThrow(/maxQueue/);
  });

  it('passes prompt-cache token counts through as they were logged', async () => {
    const c = client({ batchSize: 10, flushIntervalMs: 60_000 });
    const usage = { inputTokens: 120, outputTokens: 30, cacheReadInputTokens: 4000, cacheWriteInputTokens: 0 };
    c.log({ ...rec(1), usage });
    c.log({ ...rec(2), usage: { inputTokens: 5, outputTokens: 6, cacheReadInputTokens: null, cacheWriteInputTokens: 800 } });
    await c.flush();
    const items = (s.received[0]?.body as { items: InvocationRecord[] }).items;
    expect(items.map((i) => i.usage)).toEqual([usage, { inputTokens: 5, outputTokens: 6, cacheReadInputTokens: null, cacheWriteInputTokens: 800 }]);
    await c.shutdown();
  });

  it('recordUsage: a record\'s usage from Converse\'s, cache reads and writes only when Bedrock reported them', () => {
    // The SDK's ConverseResponse.usage (cache fields undefined when the model reported none).
    const sdk = { inputTokens: 100, outputTokens: 20, totalTokens: 5120, cacheReadInputTokens: 5000, cacheWriteInputTokens: undefined };
    const usage: InvocationRecord['usage'] = recordUsage(sdk);
    expect(usage).toEqual({ inputTokens: 100, outputTokens: 20, cacheReadInputTokens: 5000 });
    expect(JSON.parse(JSON.stringify(usage))).toStrictEqual({ inputTokens: 100, outputTokens: 20, cacheReadInputTokens: 5000 });
    expect(recordUsage({ inputTokens: 1, outputTokens: 2, cacheReadInputTokens: 0, cacheWriteInputTokens: 7 })).toEqual({ inputTokens: 1, outputTokens: 2, cacheReadInputTokens: 0, cacheWriteInputTokens: 7 });
    expect(recordUsage({ outputTokens: 3 })).toEqual({ inputTokens: 0, outputTokens: 3 });
    expect(recordUsage(undefined)).toBeUndefined();
  });
});

describe('flush on exit', () => {
  it('a process that logs and simply ends sends its records before exiting (beforeExit)', async () => {
    const script = path.join(import.meta.dirname, '.exit-flush.tmp.ts');
    writeFileSync(
      script,
      `import { Promptdeck } from '../src/index';
const c = new Promptdeck({ url: process.argv[2], apiKey: 'k', ingestion: { flushIntervalMs: 60_000 } });
for (let n = 0; n < 1200; n++) c.log({ modelId: 'm', input: { messages: [{ role: 'user', content: 'x' }] }, status: 'ok', metadata: { n } });
`,
    );
    const child = spawn(process.execPath, ['--import', 'tsx', script, s.url], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const status = await new Promise<number | null>((r) => child.on('close', r));
    rmSync(script);
    expect(stderr).toBe('');
    expect(status).toBe(0);
    expect(s.received.map((r) => (r.body as { items: unknown[] }).items.length)).toEqual([500, 500, 200]);
    expect(stored.filter((n, i) => stored.indexOf(n) !== i)).toEqual([]);
    expect(stored).toEqual(range(0, 1200));
  });
});

import { describe, expect, it } from 'vitest';
import { Promptdeck, recordUsage, type ClientEvent } from '../src/index';
import { api, KEY, makePrompt, MODEL, stoppableProxy, unique, URL_ } from './api';

/** The TypeScript client against a running Promptdeck (the production build in e2e). */
const client = (o: ConstructorParameters<typeof Promptdeck>[0] = {}) => new Promptdeck({ url: URL_, apiKey: KEY, onError: () => undefined, ...o });

describe('prompts through the cache', () => {
  it('a rollback is never served stale once any answer has told the client: the next get has it', async () => {
    const name = await makePrompt('ts-live-rb', 3, 2);
    const other = await makePrompt('ts-live-other', 1, 1);
    const c = client({ cache: { ttlMs: 60_000 } });
    expect(await c.getPrompt(name)).toMatchObject({ version: 2, source: 'fetched' });
    await c.getPrompt(other);
    expect((await c.getPrompt(name)).source).toBe('cache');
    const epochBefore = c.cache.epoch;
    expect(epochBefore).toBeGreaterThanOrEqual(0);

    await api('POST', `/api/v1/prompts/${name}/labels/production/rollback`, { reason: 'client live test' });
    // The client hears of the change on its next answer from the server, whatever it is about...
    const o = await c.getPrompt(other, { cache: 'revalidate' });
    expect(o.epoch).toBeGreaterThan(epochBefore);
    // ...and from then on never serves the copy it cached before: this get has the rollback.
    expect(await c.getPrompt(name)).toMatchObject({ version: 1, source: 'fetched' });

    // A client that always revalidates (ttl 0) sees a move on its very next get.
    const strict = client({ cache: { ttlMs: 0 } });
    expect((await strict.getPrompt(name)).version).toBe(1);
    await api('PUT', `/api/v1/prompts/${name}/labels/production`, { version: 3 });
    expect(await strict.getPrompt(name)).toMatchObject({ version: 3, source: 'fetched' });
  });

  it('revalidates with If-None-Match: 304 when nothing changed, even after unrelated moves raised the epoch', async () => {
    const name = await makePrompt('ts-live-304', 2, 1);
    const c = client({ cache: { ttlMs: 0 } });
    const first = await c.getPrompt(name, { label: 'production' });
    expect(first.source).toBe('fetched');
    expect(await c.getPrompt(name, { label: 'production' })).toMatchObject({ version: 1, source: 'revalidated' });
    const elsewhere = await makePrompt('ts-live-304b', 1, 1); // raises the epoch
    await client().getPrompt(elsewhere);
    const again = await c.getPrompt(name, { label: 'production' });
    expect(again).toMatchObject({ version: 1, source: 'revalidated' });
    expect(again.epoch!).toBeGreaterThan(first.epoch!);
    expect(await c.getPrompt(name, { version: 2 })).toMatchObject({ version: 2, source: 'fetched' });
  });

  it('stale-if-error: when the server cannot be reached the last good copy is served, marked stale; never after a 404', async () => {
    const name = await makePrompt('ts-live-stale', 1, 1);
    const proxy = await stoppableProxy();
    const events: ClientEvent[] = [];
    const c = new Promptdeck({ url: proxy.url, apiKey: KEY, cache: { ttlMs: 0 }, timeoutMs: 2_000, onError: (e) => events.push(e) });
    expect((await c.getPrompt(name)).source).toBe('fetched');
    await expect(c.getPrompt(unique('ts-live-missing'))).rejects.toMatchObject({ status: 404 });
    await proxy.stop();
    expect(await c.getPrompt(name)).toMatchObject({ version: 1, source: 'stale', stale: true });
    expect(events).toMatchObject([{ type: 'stale', prompt: name, error: { code: 'network_error' } }]);
    const fallback = { template: { messages: [{ role: 'user' as const, content: 'fallback {{x}}' }] }, modelId: MODEL };
    expect(await c.getPrompt(unique('ts-live-never-cached'), { fallback })).toMatchObject({ source: 'fallback', stale: true });
  });

  it('sticky keys: each key gets its own cached copy; canary is reported when the server says it', async () => {
    const name = await makePrompt('ts-live-sticky', 2, 1);
    const c = client({ cache: { ttlMs: 60_000 } });
    const a = await c.getPrompt(name, { stickyKey: 'user-a' });
    const b = await c.getPrompt(name, { stickyKey: 'user-b' });
    for (const p of [a, b]) {
      expect(p.version).toBe(1); // no canary runs on this label
      expect([null, false]).toContain(p.canary);
    }
    expect((await c.getPrompt(name, { stickyKey: 'user-a' })).source).toBe('cache');
  });

  it('renders locally exactly as the server renders', async () => {
    const name = await makePrompt('ts-live-render', 1, 1);
    const p = await client().getPrompt(name);
    const variables = { question: 'why <now> & "then"?', extra: ['a', { b: 1.0 }, 2.5] };
    const server = await api<{ system: string; messages: unknown[] }>('POST', `/api/v1/prompts/${name}/render`, { variables });
    const local = client().render(p, variables);
    expect({ system: local.system, messages: local.messages }).toEqual({ system: server.system, messages: server.messages });
  });
});

describe('invoke, feedback, ingestion', () => {
  it('streams an invocation (delta events, then done), then records feedback on it', async () => {
    const name = await makePrompt('ts-live-stream', 1, 1);
    const c = client();
    let text = '';
    let done: { invocationId: string; output: { text: string } } | null = null;
    for await (const e of c.invokeStream(name, { variables: { question: 'stream?' }, stickyKey: 'user-s' })) {
      if (e.type === 'delta') text += e.text;
      else done = e.result;
    }
    expect(done).not.toBeNull();
    expect(text.length).toBeGreaterThan(0);
    expect(done!.output.text).toBe(text);
    const fb = await c.feedback(done!.invocationId, { score: -1, comment: 'live test', userRef: 'user-s' });
    expect(fb).toMatchObject({ score: -1 });
    const inv = await api<{ metadata: { userRef?: string }; feedback: { score: number; comment: string }[] }>('GET', `/api/v1/invocations/${done!.invocationId}`);
    expect(inv.metadata.userRef).toBe('user-s');
    expect(inv.feedback).toMatchObject([{ score: -1, comment: 'live test' }]);
  });

  it('invokes (JSON) and reports errors as PromptdeckError', async () => {
    const name = await makePrompt('ts-live-invoke', 1, 1);
    const r = await client().invoke(name, { variables: { question: 'json?' } });
    expect(r).toMatchObject({ version: 1, modelId: MODEL });
    expect(r.output.text.length).toBeGreaterThan(0);
    await expect(client().invoke(name, { variables: {} })).rejects.toMatchObject({ status: 400, code: 'missing_variables' });
  });

  it('ingested prompt-cache tokens are stored and costed', async () => {
    const name = await makePrompt('ts-live-cache', 1, 1);
    const c = client({ ingestion: { flushOnExit: false } });
    // The SDK's ConverseResponse.usage of a call that read the prompt cache.
    const usage = recordUsage({ inputTokens: 1000, outputTokens: 100, totalTokens: 51_100, cacheReadInputTokens: 50_000 });
    c.log({ promptName: name, promptVersion: 1, modelId: MODEL, input: { messages: [{ role: 'user', content: 'q' }] }, output: { text: 'a' }, usage, status: 'ok' });
    await c.flush();
    const page: { items: { id: string }[] } = await api('GET', `/api/v1/invocations?prompt=${name}`);
    const inv: { usage: unknown; cacheSavingsUsd: number | null } = await api('GET', `/api/v1/invocations/${page.items[0]!.id}`);
    expect(inv.usage).toEqual({ inputTokens: 1000, outputTokens: 100, cacheReadInputTokens: 50_000, cacheWriteInputTokens: 0 });
    expect(inv.cacheSavingsUsd).not.toBeNull(); // reads cost less than input tokens
    await c.shutdown();
  });

  it('ingests a few thousand records in background batches, all stored after flush()', async () => {
    const name = await makePrompt('ts-live-ingest', 1, 1);
    const c = client({ ingestion: { batchSize: 1000, flushOnExit: false } });
    const N = 3_000;
    for (let i = 0; i < N; i++) {
      c.log({ promptName: name, promptVersion: 1, modelId: MODEL, input: { messages: [{ role: 'user', content: `q${i}` }] }, output: { text: 'a' }, usage: { inputTokens: 3, outputTokens: 1 }, latencyMs: 5, status: i % 10 === 0 ? 'throttled' : 'ok', metadata: { i } });
    }
    await c.flush();
    expect(c.ingestionStats).toMatchObject({ queued: 0, sent: N, dropped: 0 });
    let count = 0;
    let cursor: string | null = null;
    do {
      const page: { items: unknown[]; nextCursor: string | null } = await api('GET', `/api/v1/invocations?prompt=${name}&limit=200${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
      count += page.items.length;
      cursor = page.nextCursor;
    } while (cursor);
    expect(count).toBe(N);
    await c.shutdown();
  });
});

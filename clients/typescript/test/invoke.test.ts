import type http from 'node:http';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Promptdeck, type InvokeStreamEvent } from '../src/index';
import { fakeServer, json, sleep, type FakeServer } from './fake-server';

let s: FakeServer;
beforeEach(async () => {
  s = await fakeServer();
});
afterEach(async () => {
  await s.close();
});

const client = () => new Promptdeck({ url: s.url, apiKey: 'pd_test', onError: () => undefined });
const result = { invocationId: 'inv-1', version: 3, modelId: 'm', output: { text: 'Hello there' }, stopReason: 'end_turn', usage: { inputTokens: 5, outputTokens: 2 }, latencyMs: 12, timeToFirstTokenMs: null, costUsd: null };

function sse(res: http.ServerResponse, chunks: string[], delayMs = 5): Promise<void> {
  res.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8' });
  return (async () => {
    for (const c of chunks) {
      if (res.destroyed) return;
      res.write(c);
      await sleep(delayMs);
    }
    res.end();
  })();
}

async function collect(it: AsyncIterable<InvokeStreamEvent>): Promise<InvokeStreamEvent[]> {
  const out: InvokeStreamEvent[] = [];
  for await (const e of it) out.push(e);
  return out;
}

describe('invoke (JSON)', () => {
  it('posts label, variables and metadata; the sticky key becomes metadata.userRef', async () => {
    s.handle((_r, res) => json(res, 200, { ...result, canary: true }));
    const r = await client().invoke('greet', { label: 'staging', variables: { q: 'x' }, stickyKey: 'user-9', metadata: { tags: ['t'] } });
    expect(r).toMatchObject({ invocationId: 'inv-1', output: { text: 'Hello there' }, canary: true });
    expect(s.received[0]).toMatchObject({ method: 'POST', path: '/api/v1/prompts/greet/invoke', body: { label: 'staging', variables: { q: 'x' }, metadata: { tags: ['t'], userRef: 'user-9' } } });
    expect(s.received[0]?.headers['content-type']).toBe('application/json');
    await client().invoke('greet', { stickyKey: 'k', metadata: { sessionId: 's1' } });
    expect(s.received[1]?.body).toEqual({ variables: {}, metadata: { sessionId: 's1' } });
  });

  it('turns error answers into PromptdeckError with code and details (429 throttled is "unavailable")', async () => {
    s.handle((_r, res) => json(res, 429, { error: { code: 'throttled', message: 'Bedrock throttled the request.', details: { invocationId: 'inv-2' } } }));
    await expect(client().invoke('greet')).rejects.toMatchObject({ status: 429, code: 'throttled', details: { invocationId: 'inv-2' }, unavailable: true });
    s.handle((_r, res) => json(res, 400, { error: { code: 'missing_variables', message: 'Missing variables: q.', details: { missing: ['q'] } } }));
    await expect(client().invoke('greet')).rejects.toMatchObject({ status: 400, code: 'missing_variables', unavailable: false });
    s.handle((_r, res) => {
      res.writeHead(502, { 'content-type': 'text/html' });
      res.end('<html>bad gateway</html>');
    });
    await expect(client().invoke('greet')).rejects.toMatchObject({ status: 502, code: 'http_502' });
  });
});

describe('invoke (streaming)', () => {
  it('yields delta events as they arrive, then done; events split across reads and CRLF line ends', async () => {
    s.handle((_r, res) =>
      sse(res, ['event: delta\r\ndata: {"text":"Hel"}\r\n\r\n', 'event: del', 'ta\ndata: {"text":"lo"}\n', '\n: a comment\n\n', `event: done\ndata: ${JSON.stringify(result)}\n\n`]),
    );
    const events = await collect(client().invokeStream('greet', { variables: { q: 'x' } }));
    expect(events).toEqual([{ type: 'delta', text: 'Hel' }, { type: 'delta', text: 'lo' }, { type: 'done', result }]);
    expect(s.received[0]?.body).toMatchObject({ stream: true, variables: { q: 'x' } });
    expect(s.received[0]?.headers.accept).toBe('text/event-stream');
  });

  it('throws the error a stream reports, and for a stream that ends without done', async () => {
    s.handle((_r, res) => sse(res, ['event: delta\ndata: {"text":"a"}\n\n', 'event: error\ndata: {"error":{"code":"throttled","message":"Bedrock throttled","details":{"invocationId":"i"}}}\n\n']));
    const seen: InvokeStreamEvent[] = [];
    await expect(
      (async () => {
        for await (const e of client().invokeStream('greet')) seen.push(e);
      })(),
    ).rejects.toMatchObject({ code: 'throttled', details: { invocationId: 'i' } });
    expect(seen).toEqual([{ type: 'delta', text: 'a' }]);
    s.handle((_r, res) => sse(res, ['event: delta\ndata: {"text":"a"}\n\n']));
    await expect(collect(client().invokeStream('greet'))).rejects.toMatchObject({ code: 'incomplete_stream' });
  });

  it('an error before the stream starts is the JSON error', async () => {
    s.handle((_r, res) => json(res, 404, { error: { code: 'not_found', message: 'Prompt "x" not found.' } }));
    await expect(collect(client().invokeStream('x'))).rejects.toMatchObject({ status: 404, code: 'not_found' });
  });

  it('aborting the signal or leaving the loop early cancels the request', async () => {
    let closed = 0;
    s.handle((_r, res) => {
      res.on('close', () => closed++);
      return sse(res, Array.from({ length: 200 }, (_, i) => `event: delta\ndata: {"text":"${i}"}\n\n`), 10);
    });
    const ac = new AbortController();
    const seen: string[] = [];
    await expect(
      (async () => {
        for await (const e of client().invokeStream('greet', { signal: ac.signal })) {
          if (e.type === 'delta') seen.push(e.text);
          if (seen.length === 3) ac.abort();
        }
      })(),
    ).rejects.toMatchObject({ code: 'aborted' });
    expect(seen).toEqual(['0', '1', '2']);
    for await (const e of client().invokeStream('greet')) if (e.type === 'delta' && e.text === '1') break;
    await sleep(100);
    expect(closed).toBe(2);
  });
});

describe('feedback', () => {
  it('posts the vote and returns the stored feedback', async () => {
    s.handle((r, res) => json(res, 201, { id: 'f1', invocationId: 'inv 1', ...(r.body as object), createdAt: 'now' }));
    const f = await client().feedback('inv 1', { score: -1, comment: 'wrong', userRef: 'u1' });
    expect(f).toMatchObject({ id: 'f1', score: -1 });
    expect(s.received[0]).toMatchObject({ method: 'POST', path: '/api/v1/invocations/inv%201/feedback', body: { score: -1, comment: 'wrong', userRef: 'u1' } });
  });
});

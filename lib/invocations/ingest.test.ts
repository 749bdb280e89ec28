import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ZodError } from 'zod';
import { AppError, fieldIssues, validationError } from '../errors';
import { createTestDb, ctxFor, uniqueName, type TestDb } from '../test/db';
import { ingestInvocations } from './ingest';
import { getInvocation, listInvocations } from './queries';

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => {
  await t?.close();
});

const record = (over: Record<string, unknown> = {}) => ({
  modelId: 'anthropic.claude-3-5-haiku-20241022-v1:0',
  input: { system: 'Be brief.', messages: [{ role: 'user', content: 'Hello' }] },
  output: { text: 'Hi!' },
  usage: { inputTokens: 1000, outputTokens: 500 },
  latencyMs: 420,
  status: 'ok',
  ...over,
});

/** The error as the API would answer it (zod errors become validation_error). */
async function expectError(p: Promise<unknown>, code: string): Promise<AppError> {
  const e = await p.then(
    () => null,
    (err: unknown) => (err instanceof ZodError ? validationError(fieldIssues(err.issues)) : err),
  );
  expect(e).toBeInstanceOf(AppError);
  expect((e as AppError).code).toBe(code);
  return e as AppError;
}

describe('invocation ingestion', () => {
  it('stores one record with cost from the price table, and reads it back', async () => {
    const prompt = uniqueName('ing');
    const { ids } = await ingestInvocations(ctxFor(t.db, 'editor'), record({ promptName: prompt, promptVersion: 2, metadata: { userRef: 'u1' } }));
    expect(ids).toHaveLength(1);
    const inv = await getInvocation(ctxFor(t.db, 'viewer'), ids[0]!);
    expect(inv).toMatchObject({ promptName: prompt, promptVersion: 2, status: 'ok', source: 'ingest', caller: 'editor@test.local', usage: { inputTokens: 1000, outputTokens: 500 } });
    // Claude 3.5 Haiku: $0.80 in / $4.00 out per 1M tokens
    expect(inv.costUsd).toBeCloseTo(0.0008 + 0.002, 8);
    expect(inv.metadata).toEqual({ userRef: 'u1' });
  });

  it('gives no cost (null, not 0) for a model without a price, and none without usage', async () => {
    const { ids } = await ingestInvocations(ctxFor(t.db, 'editor'), {
      items: [record({ modelId: 'writer.palmyra-x5-v1:0' }), record({ usage: undefined, status: 'throttled', output: undefined, errorCode: 'ThrottlingException' })],
    });
    const [a, b] = await Promise.all(ids.map((id) => getInvocation(ctxFor(t.db, 'viewer'), id)));
    expect(a?.costUsd).toBeNull();
    expect(b?.costUsd).toBeNull();
    expect(b?.status).toBe('throttled');
  });

  it('stores prompt-cache tokens and costs them at the cache prices, like a gateway call', async () => {
    const prompt = uniqueName('ing-cache');
    const usage = { inputTokens: 1000, outputTokens: 500, cacheReadInputTokens: 20_000, cacheWriteInputTokens: 4000 };
    const { ids } = await ingestInvocations(ctxFor(t.db, 'editor'), {
      items: [record({ promptName: prompt, usage }), record({ promptName: prompt, usage: { ...usage, cacheWriteInputTokens: undefined } }), record({ promptName: prompt, modelId: 'writer.palmyra-x5-v1:0', usage })],
    });
    const [both, readOnly, unpriced] = await Promise.all(ids.map((id) => getInvocation(ctxFor(t.db, 'viewer'), id)));
    expect(both?.usage).toEqual(usage);
    // Claude 3.5 Haiku: $0.80 in, $4.00 out, $0.08 cache read, $1.00 cache write per 1M tokens
    expect(both?.costUsd).toBeCloseTo(0.0008 + 0.002 + 0.0016 + 0.004, 8);
    // reads saved 20k x (0.80 - 0.08), writes cost 4k x (1.00 - 0.80) more
    expect(both?.cacheSavingsUsd).toBeCloseTo((20_000 * 0.72 - 4000 * 0.2) / 1e6, 8);
    expect(readOnly?.usage).toEqual({ ...usage, cacheWriteInputTokens: 0 });
    expect(readOnly?.costUsd).toBeCloseTo(0.0008 + 0.002 + 0.0016, 8);
    expect(unpriced).toMatchObject({ costUsd: null, cacheSavingsUsd: null, usage });
  });

  it('keeps cache tokens unknown (null) for a record that does not report them (absent or null)', async () => {
    const { ids } = await ingestInvocations(ctxFor(t.db, 'editor'), { items: [record(), record({ usage: { inputTokens: 1000, outputTokens: 500, cacheReadInputTokens: null, cacheWriteInputTokens: null } })] });
    for (const id of ids) {
      const inv = await getInvocation(ctxFor(t.db, 'viewer'), id);
      expect(inv.usage).toEqual({ inputTokens: 1000, outputTokens: 500, cacheReadInputTokens: null, cacheWriteInputTokens: null });
      expect(inv.cacheSavingsUsd).toBeNull();
      expect(inv.costUsd).toBeCloseTo(0.0028, 8);
    }
  });

  it('rejects bad cache token counts, naming the field', async () => {
    const ctx = ctxFor(t.db, 'editor');
    for (const bad of [-1, 1.5, '10', 2 ** 31, true, {}]) {
      const e = await expectError(ingestInvocations(ctx, { items: [record(), record({ usage: { inputTokens: 1, outputTokens: 1, cacheReadInputTokens: bad } })] }), 'validation_error');
      expect(e.details).toEqual([expect.objectContaining({ path: 'items.1.usage.cacheReadInputTokens' })]);
    }
    const e = await expectError(ingestInvocations(ctx, record({ usage: { inputTokens: 1, outputTokens: 1, cacheWriteInputTokens: -5 } })), 'validation_error');
    expect(e.details).toEqual([expect.objectContaining({ path: 'usage.cacheWriteInputTokens' })]);
    await expectError(ingestInvocations(ctx, record({ usage: { inputTokens: 1, outputTokens: 1, cacheTokens: 5 } })), 'validation_error');
  });

  it('rejects the whole batch when one record is bad, naming it, and stores nothing', async () => {
    const prompt = uniqueName('batch');
    const e = await expectError(
      ingestInvocations(ctxFor(t.db, 'editor'), { items: [record({ promptName: prompt }), record({ promptName: prompt, status: 'maybe' }), record({ promptName: prompt })] }),
      'validation_error',
    );
    expect(e.status).toBe(400);
    expect(e.message).toContain('items.1');
    expect(e.details).toEqual([expect.objectContaining({ path: 'items.1.status' })]);
    const page = await listInvocations(ctxFor(t.db, 'viewer'), { prompt });
    expect(page.items).toHaveLength(0);
  });

  it('validates sizes and shapes', async () => {
    const ctx = ctxFor(t.db, 'editor');
    await expectError(ingestInvocations(ctx, { items: [] }), 'validation_error');
    await expectError(ingestInvocations(ctx, { items: 'x' }), 'validation_error');
    const tooMany = await expectError(ingestInvocations(ctx, { items: Array.from({ length: 1001 }, () => record()) }), 'payload_too_large');
    expect(tooMany.status).toBe(413);
    await expectError(ingestInvocations(ctx, record({ modelId: 'not a model' })), 'validation_error');
    await expectError(ingestInvocations(ctx, record({ input: { messages: [] } })), 'validation_error');
    await expectError(ingestInvocations(ctx, record({ startedAt: 'yesterday' })), 'validation_error');
    await expectError(ingestInvocations(ctx, record({ surprise: 1 })), 'validation_error');
  });

  it('needs a role that may invoke models', async () => {
    await expectError(ingestInvocations(ctxFor(t.db, 'reviewer'), record()), 'forbidden');
  });
});

describe('invocation log queries', () => {
  it('lists newest first with filters and walks every page exactly once', async () => {
    const prompt = uniqueName('list');
    const base = Date.parse('2026-01-01T00:00:00Z');
    const items = Array.from({ length: 25 }, (_, i) =>
      record({ promptName: prompt, promptVersion: (i % 2) + 1, status: i % 5 === 0 ? 'error' : 'ok', startedAt: new Date(base + Math.floor(i / 3) * 1000).toISOString() }),
    );
    await ingestInvocations(ctxFor(t.db, 'editor'), { items });
    const ctx = ctxFor(t.db, 'viewer');
    const seen: string[] = [];
    let cursor: string | undefined;
    let last = Infinity;
    do {
      const page = await listInvocations(ctx, { prompt, limit: 7, ...(cursor ? { cursor } : {}) });
      for (const it of page.items) {
        const at = Date.parse(it.createdAt);
        expect(at).toBeLessThanOrEqual(last);
        last = at;
        seen.push(it.id);
      }
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toHaveLength(25);
    expect(new Set(seen).size).toBe(25);

    expect((await listInvocations(ctx, { prompt, version: '2', limit: 200 })).items).toHaveLength(12);
    expect((await listInvocations(ctx, { prompt, status: 'error', limit: 200 })).items).toHaveLength(5);
    const window = await listInvocations(ctx, { prompt, from: new Date(base + 2000).toISOString(), to: new Date(base + 4000).toISOString(), limit: 200 });
    expect(window.items).toHaveLength(6);
  });

  it('rejects bad filters and unknown ids clearly', async () => {
    const ctx = ctxFor(t.db, 'viewer');
    expect((await listInvocations(ctx, { version: '2' })).items).toBeDefined(); // version alone is a filter too
    await expectError(listInvocations(ctx, { limit: '500' }), 'validation_error');
    await expectError(listInvocations(ctx, { status: 'weird' }), 'validation_error');
    await expectError(listInvocations(ctx, { cursor: 'garbage' }), 'validation_error');
    await expectError(getInvocation(ctx, 'nope'), 'not_found');
    await expectError(getInvocation(ctx, '00000000-0000-7000-8000-000000000000'), 'not_found');
  });
});

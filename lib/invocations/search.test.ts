import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actor, createTestDb, ctxFor, uniqueName, type TestDb } from '../test/db';
import { expectInvalid } from '../test/helpers';
import { ingestInvocations } from './ingest';
import { listInvocations } from './queries';

/** The Logs search and metadata filters, over the real SQL (and its indexes). */
let t: TestDb;
let prompt: string;
const ids: Record<string, string> = {};
beforeAll(async () => {
  t = await createTestDb();
  prompt = uniqueName('search');
  const rec = (key: string, system: string, user: string, output: string, metadata?: Record<string, unknown>) => ({
    key,
    body: { promptName: prompt, promptVersion: 1, modelId: 'amazon.nova-lite-v1:0', input: { system, messages: [{ role: 'user', content: user }] }, output: { text: output }, status: 'ok', ...(metadata ? { metadata } : {}) },
  });
  const all = [
    rec('refund', 'You help shoppers.', 'Where is my refund for order 1234?', 'Refunds take five business days.', { userRef: 'shopper-1', sessionId: 's-1', tags: ['billing'] }),
    rec('blender', 'You help shoppers.', 'The blender is loud.', 'Try the low speed setting.', { userRef: 'shopper-2', sessionId: 's-1', tags: ['support', 'kitchen'] }),
    rec('german', 'Du hilfst Kunden.', 'Wo ist meine Rückerstattung?', 'Die Rückerstattung dauert fünf Tage.', { userRef: 'shopper-3' }),
    rec('none', 'System text mentions nothing else.', 'Hello', 'Hi!'),
  ];
  // One at a time: the list is newest first, so the order below is known.
  for (const r of all) ids[r.key] = (await ingestInvocations(ctxFor(t.db, 'editor'), r.body)).ids[0]!;
  // Another caller, same words.
  const other = { db: t.db, actor: actor('editor', 'key:checkout') };
  ids.other = (await ingestInvocations(other, { ...all[0]!.body, output: { text: 'The refund was sent.' } })).ids[0]!;
});
afterAll(async () => {
  await t?.close();
});

const find = async (query: Record<string, unknown>) => (await listInvocations(ctxFor(t.db, 'viewer'), { prompt, ...query })).items.map((i) => i.id);

describe('Logs search over input and output', () => {
  it('finds words in the system prompt, the messages and the output, case-insensitively, as prefixes', async () => {
    expect(await find({ q: 'refund' })).toEqual([ids.other, ids.refund]); // "refund" in the message, "Refunds" in the output
    expect(await find({ q: 'BLENDER' })).toEqual([ids.blender]);
    expect(await find({ q: 'speed setting' })).toEqual([ids.blender]); // both words, in the output
    expect(await find({ q: 'shoppers' })).toEqual([ids.other, ids.blender, ids.refund]); // system prompt
    expect(await find({ q: 'Rückerstattung' })).toEqual([ids.german]);
    expect(await find({ q: 'busi' })).toEqual([ids.refund]); // a prefix of "business"
  });

  it('understands "phrases", -exclusions and or', async () => {
    expect(await find({ q: '"five business days"' })).toEqual([ids.refund]);
    expect(await find({ q: '"business five"' })).toEqual([]);
    expect(await find({ q: 'refund -sent' })).toEqual([ids.refund]);
    expect(await find({ q: 'blender or hello' })).toEqual([ids.none, ids.blender]);
    expect(await find({ q: '  ' })).toHaveLength(5); // blank: no search
    expect(await find({ q: '!!! ((' })).toEqual([]); // nothing searchable: nothing matches, no error
  });

  it('filters by caller and by the metadata userRef, sessionId and tag', async () => {
    expect(await find({ caller: 'KEY:CHECKOUT' })).toEqual([ids.other]);
    expect(await find({ userRef: 'shopper-2' })).toEqual([ids.blender]);
    expect(await find({ sessionId: 's-1' })).toEqual([ids.other, ids.blender, ids.refund]);
    expect(await find({ tag: 'kitchen' })).toEqual([ids.blender]);
    expect(await find({ sessionId: 's-1', tag: 'billing', q: 'refund' })).toEqual([ids.other, ids.refund]);
    expect(await find({ userRef: 'nobody' })).toEqual([]);
  });

  it('pages through search results with the cursor', async () => {
    const first = await listInvocations(ctxFor(t.db, 'viewer'), { prompt, q: 'shoppers', limit: 2 });
    expect(first.items.map((i) => i.id)).toEqual([ids.other, ids.blender]);
    const next = await listInvocations(ctxFor(t.db, 'viewer'), { prompt, q: 'shoppers', limit: 2, cursor: first.nextCursor });
    expect(next.items.map((i) => i.id)).toEqual([ids.refund]);
    expect(next.nextCursor).toBeNull();
  });

  it('uses the indexes (the query expressions match the ones they are built on)', async () => {
    const { invocationFilters } = await import('./search');
    const { ListInvocationsQuerySchema } = await import('./schemas');
    const plan = async (query: Record<string, unknown>) => {
      const where = invocationFilters(ListInvocationsQuerySchema.parse(query));
      return t.db.$transaction(async (tx) => {
        await tx.$executeRawUnsafe('SET LOCAL enable_seqscan = off');
        const rows = await tx.$queryRawUnsafe<{ 'QUERY PLAN': string }[]>(`EXPLAIN SELECT id FROM "Invocation" ${where.text}`, ...where.values);
        return rows.map((r) => r['QUERY PLAN']).join('\n');
      });
    };
    // The log is partitioned by month: each month's copy of the index is named after it.
    expect(await plan({ q: 'refund' })).toMatch(/Index Scan on "Invocation_p\d{4}_\d{2}_to_tsvector_idx"/);
    expect(await plan({ userRef: 'shopper-2' })).toMatch(/Index Scan on "Invocation_p\d{4}_\d{2}_metadata_idx"/);
  });

  it('refuses an overlong search with a 400', async () => {
    await expectInvalid(listInvocations(ctxFor(t.db, 'viewer'), { q: 'x'.repeat(201) }), 'q');
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { submitFeedback } from '../feedback/votes';
import { createTestDb, ctxFor, uniqueName, type TestDb } from '../test/db';
import { ingestInvocations } from './ingest';
import { applyInvocationRetention, ensureInvocationPartitions, listInvocationPartitions } from './partitions';
import { getInvocation, listInvocations } from './queries';

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb(); // a database of its own: retention drops partitions
});
afterAll(async () => {
  await t?.close();
});

const record = (startedAt: string, over: Record<string, unknown> = {}) => ({
  modelId: 'anthropic.claude-3-5-haiku-20241022-v1:0',
  input: { messages: [{ role: 'user', content: 'Hello' }] },
  output: { text: 'Hi!' },
  usage: { inputTokens: 10, outputTokens: 5 },
  status: 'ok',
  startedAt,
  ...over,
});

const partitionOf = async (id: string) =>
  (await t.db.$queryRaw<{ p: string }[]>`SELECT tableoid::regclass::text AS p FROM "Invocation" WHERE "id" = ${id}`)[0]?.p.replace(/"/g, '');

describe('the invocation log, partitioned by month', () => {
  it('has this month and the next two ready, and creating them again (from many callers at once) is harmless', async () => {
    const now = new Date(Date.UTC(2026, 11, 2));
    const names = await Promise.all(Array.from({ length: 6 }, () => ensureInvocationPartitions(t.db, now)));
    for (const n of names) expect(n).toEqual(['Invocation_p2026_12', 'Invocation_p2027_01', 'Invocation_p2027_02']);
    const listed = (await listInvocationPartitions(t.db)).map((p) => p.name);
    expect(listed).toEqual(expect.arrayContaining(names[0]!));
    expect(new Set(listed).size).toBe(listed.length);
  });

  it('stores a call reported from a month without a partition in the default one, and moves it into its month when that is created', async () => {
    const prompt = uniqueName('old');
    const { ids } = await ingestInvocations(ctxFor(t.db, 'editor'), record('2019-03-15T10:00:00Z', { promptName: prompt }));
    const id = ids[0]!;
    expect(await partitionOf(id)).toBe('Invocation_default');
    await submitFeedback(ctxFor(t.db, 'viewer'), id, { score: -1, comment: 'old but bad' });

    await ensureInvocationPartitions(t.db, new Date(Date.UTC(2019, 2, 1)));
    expect(await partitionOf(id)).toBe('Invocation_p2019_03');
    const inv = await getInvocation(ctxFor(t.db, 'viewer'), id);
    expect(inv).toMatchObject({ id, promptName: prompt, feedback: [{ score: -1, comment: 'old but bad' }] });
    const page = await listInvocations(ctxFor(t.db, 'viewer'), { prompt });
    expect(page.items.map((i) => i.id)).toEqual([id]);
  });

  it('drops whole months past the retention, with their feedback and review items, and keeps the rest', async () => {
    const prompt = uniqueName('ret');
    const now = new Date();
    const recent = new Date(now.getTime() - 3 * 86_400_000).toISOString();
    const { ids: [keep] } = await ingestInvocations(ctxFor(t.db, 'editor'), record(recent, { promptName: prompt }));
    const { ids: [old] } = await ingestInvocations(ctxFor(t.db, 'editor'), record('2020-06-10T00:00:00Z', { promptName: prompt }));
    const { ids: [ancient] } = await ingestInvocations(ctxFor(t.db, 'editor'), record('2001-01-01T00:00:00Z', { promptName: prompt }));
    await ensureInvocationPartitions(t.db, new Date(Date.UTC(2020, 5, 1)));
    expect(await partitionOf(old!)).toBe('Invocation_p2020_06');
    expect(await partitionOf(ancient!)).toBe('Invocation_default');
    await submitFeedback(ctxFor(t.db, 'viewer'), old!, { score: -1 });
    await submitFeedback(ctxFor(t.db, 'viewer'), keep!, { score: -1 });
    expect(await t.db.reviewItem.count({ where: { invocationId: { in: [old!, keep!] } } })).toBe(2);

    const r = await applyInvocationRetention(t.db, 30, now);
    expect(r.droppedPartitions).toEqual(expect.arrayContaining(['Invocation_p2019_03', 'Invocation_p2020_06']));
    const thisMonth = `Invocation_p${now.getUTCFullYear()}_${String(now.getUTCMonth() + 1).padStart(2, '0')}`;
    expect(r.droppedPartitions.every((p) => p < thisMonth)).toBe(true);
    expect(r.deletedDefaultRows).toBeGreaterThanOrEqual(1);
    expect(r.deletedFeedback).toBeGreaterThanOrEqual(2); // this test's and the 2019 one's
    const left = await listInvocations(ctxFor(t.db, 'viewer'), { prompt });
    expect(left.items.map((i) => i.id)).toEqual([keep]);
    expect(await t.db.feedback.count({ where: { invocationId: old! } })).toBe(0);
    expect(await t.db.reviewItem.count({ where: { invocationId: { in: [old!, keep!] } } })).toBe(1);
    const names = (await listInvocationPartitions(t.db)).map((p) => p.name);
    expect(names).not.toContain('Invocation_p2020_06');
    // The current month and the months ahead are never dropped.
    expect(names).toEqual(expect.arrayContaining(await ensureInvocationPartitions(t.db, now)));

    // Running it again finds nothing more to do.
    const again = await applyInvocationRetention(t.db, 30, now);
    expect(again).toMatchObject({ droppedPartitions: [], deletedDefaultRows: 0, deletedFeedback: 0, deletedReviewItems: 0 });
  });

  it('refuses a retention that is not a whole number of days', async () => {
    await expect(applyInvocationRetention(t.db, 0)).rejects.toThrow(/whole number of days/);
    await expect(applyInvocationRetention(t.db, 1.5)).rejects.toThrow(/whole number of days/);
  });
});

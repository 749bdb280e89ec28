import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestInvocations } from '../invocations/ingest';
import { getInvocation, listInvocations } from '../invocations/queries';
import { createTestDb, ctxFor, uniqueName, type TestDb } from '../test/db';
import { expectError, expectInvalid } from '../test/helpers';
import type { ServiceContext } from '../context';
import { addExample, createDataset, getDataset } from './datasets';
import { assignItem, dismissItem, getReviewItem, listQueue, reopenItem, resolveItem } from './queue';
import { feedbackByVersion, submitFeedback } from './votes';

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => {
  await t?.close();
});

const app = () => ctxFor(t.db, 'viewer');
const reviewer = (who = 'rita@test.local'): ServiceContext => ({ db: t.db, actor: { kind: 'user', id: who, display: who, role: 'reviewer' } });

async function invocations(prompt: string, n: number, version = 1): Promise<string[]> {
  const rec = { promptName: prompt, promptVersion: version, modelId: 'amazon.nova-lite-v1:0', input: { messages: [{ role: 'user', content: 'hi' }] }, output: { text: 'hello' }, status: 'ok' };
  return (await ingestInvocations(ctxFor(t.db, 'editor'), { items: Array.from({ length: n }, () => rec) })).ids;
}

describe('votes', () => {
  it('stores a vote; the same userRef voting again replaces it; others add up', async () => {
    const prompt = uniqueName('fb');
    const [id] = await invocations(prompt, 1);
    await submitFeedback(app(), id!, { score: 1, userRef: 'u1' });
    await submitFeedback(app(), id!, { score: -1, userRef: 'u1', comment: 'Actually wrong' });
    await submitFeedback(app(), id!, { score: 1, userRef: 'u2' });
    const inv = await getInvocation(app(), id!);
    expect(inv.feedback.map((f) => [f.userRef, f.score, f.comment])).toEqual([
      ['u1', -1, 'Actually wrong'],
      ['u2', 1, null],
    ]);
    expect(await feedbackByVersion(app(), prompt)).toEqual([{ version: 1, up: 1, down: 1 }]);
  });

  it('without a userRef, the caller is the voter', async () => {
    const [id] = await invocations(uniqueName('fb'), 1);
    await submitFeedback(app(), id!, { score: 1 });
    await submitFeedback(app(), id!, { score: -1 });
    expect((await getInvocation(app(), id!)).feedback).toHaveLength(1);
  });

  it('validates input and answers 404 for unknown invocations', async () => {
    const [id] = await invocations(uniqueName('fb'), 1);
    await expectInvalid(submitFeedback(app(), id!, { score: 0 }), 'score');
    await expectInvalid(submitFeedback(app(), id!, { score: 1, comment: 'x'.repeat(5001) }), 'comment');
    await expectInvalid(submitFeedback(app(), id!, { score: 1, extra: true }), '(body)');
    await expectError(submitFeedback(app(), '00000000-0000-7000-8000-000000000000', { score: 1 }), 'not_found');
    await expectError(submitFeedback(app(), 'nope', { score: 1 }), 'not_found');
  });

  it('filters the invocation list by feedback up/down/none', async () => {
    const prompt = uniqueName('fbf');
    const [a, b] = await invocations(prompt, 3);
    await submitFeedback(app(), a!, { score: 1 });
    await submitFeedback(app(), b!, { score: -1 });
    const ids = async (feedback: string) => (await listInvocations(app(), { prompt, feedback })).items.map((i) => i.id);
    expect(await ids('up')).toEqual([a]);
    expect(await ids('down')).toEqual([b]);
    expect(await ids('none')).toHaveLength(1);
    await expectInvalid(listInvocations(app(), { feedback: 'maybe' }), 'feedback');
  });
});

describe('review queue', () => {
  it('takes thumbs-down and commented invocations, oldest first; a changed vote takes it out again', async () => {
    const prompt = uniqueName('q');
    const [up, down, commented, changed] = await invocations(prompt, 4);
    await submitFeedback(app(), up!, { score: 1 });
    await submitFeedback(app(), down!, { score: -1 });
    await submitFeedback(app(), commented!, { score: 1, comment: 'Good, but too long' });
    await submitFeedback(app(), changed!, { score: -1 });
    await submitFeedback(app(), changed!, { score: 1 });
    const page = await listQueue(reviewer(), { prompt });
    expect(page.items.map((i) => i.invocationId)).toEqual([down, commented]);
    expect(page.items[0]?.feedback[0]?.score).toBe(-1);
    expect(page.items[0]?.invocation.output).toEqual({ text: 'hello' });
    expect(page.counts.open).toBeGreaterThanOrEqual(2);
  });

  it('resolves, dismisses and assigns; closed items leave the open queue', async () => {
    const prompt = uniqueName('q');
    const [a, b, c] = await invocations(prompt, 3);
    for (const id of [a, b, c]) await submitFeedback(app(), id!, { score: -1 });
    const me = reviewer('mia@test.local');
    const assigned = await assignItem(me, c!, { assignee: 'me' });
    expect(assigned.assignee).toBe('mia@test.local');
    expect((await listQueue(me, { prompt, assignee: 'me' })).items.map((i) => i.invocationId)).toEqual([c]);
    expect((await listQueue(me, { prompt, assignee: 'unassigned' })).items).toHaveLength(2);
    const before = (await listQueue(me, {})).counts;
    const resolved = await resolveItem(me, a!, { category: 'wrong_facts', note: 'Invented a feature' });
    expect(resolved).toMatchObject({ status: 'resolved', category: 'wrong_facts', closedBy: 'mia@test.local' });
    await dismissItem(me, b!, {});
    const after = await listQueue(me, { prompt });
    expect(after.items.map((i) => i.invocationId)).toEqual([c]);
    expect(after.counts.resolvedToday).toBe(before.resolvedToday + 1);
    expect((await listQueue(me, { prompt, status: 'resolved' })).items.map((i) => i.invocationId)).toEqual([a]);
    // A new thumbs-down on a reviewed invocation does not reopen it.
    await submitFeedback(app(), a!, { score: -1, userRef: 'someone-else' });
    expect((await getReviewItem(me, a!)).status).toBe('resolved');
    await expectInvalid(resolveItem(me, c!, { category: 'vibes' }), 'category');
  });

  it('two reviewers resolving at once: exactly one wins, the other is told who', async () => {
    const [id] = await invocations(uniqueName('q'), 1);
    await submitFeedback(app(), id!, { score: -1 });
    const results = await Promise.allSettled([
      resolveItem(reviewer('ann@test.local'), id!, { category: 'tone' }),
      resolveItem(reviewer('bob@test.local'), id!, { category: 'format' }),
    ]);
    const won = results.filter((r) => r.status === 'fulfilled');
    expect(won).toHaveLength(1);
    const lost = results.find((r) => r.status === 'rejected');
    const e = await expectError(Promise.reject((lost as PromiseRejectedResult).reason), 'conflict');
    expect(e.status).toBe(409);
    expect(e.message).toMatch(/already resolved by (ann|bob)@test\.local/);
  });

  it('refuses a stale revision (someone assigned it meanwhile)', async () => {
    const [id] = await invocations(uniqueName('q'), 1);
    await submitFeedback(app(), id!, { score: -1 });
    const item = await getReviewItem(reviewer(), id!);
    await assignItem(reviewer('zoe@test.local'), id!, { assignee: 'me' });
    const e = await expectError(resolveItem(reviewer(), id!, { category: 'other', expectedRevision: item.revision }), 'conflict');
    expect(e.message).toContain('assigned to zoe@test.local');
  });

  it('taking an item another reviewer holds needs the revision you saw', async () => {
    const [id] = await invocations(uniqueName('q'), 1);
    await submitFeedback(app(), id!, { score: -1 });
    const held = await assignItem(reviewer('ann@test.local'), id!, { assignee: 'me' });
    const e = await expectError(assignItem(reviewer('bob@test.local'), id!, { assignee: 'me' }), 'conflict');
    expect(e.message).toContain('assigned to ann@test.local');
    const taken = await assignItem(reviewer('bob@test.local'), id!, { assignee: 'me', expectedRevision: held.revision });
    expect(taken.assignee).toBe('bob@test.local');
  });

  it('undoes a resolve or a dismiss (reopen), unless the item changed since', async () => {
    const [a, b] = await invocations(uniqueName('q'), 2);
    for (const id of [a!, b!]) await submitFeedback(app(), id, { score: -1, comment: 'bad' });
    const resolved = await resolveItem(reviewer(), a!, { category: 'wrong_facts', note: 'oops' });
    const open = await reopenItem(reviewer(), a!, { expectedRevision: resolved.revision });
    expect(open).toMatchObject({ status: 'open', category: null, note: null, closedBy: null, closedAt: null, revision: resolved.revision + 1 });
    await expectError(reopenItem(reviewer(), a!, {}), 'conflict'); // open already
    const dismissed = await dismissItem(reviewer(), b!, {});
    await assignItem(reviewer(), b!, { assignee: 'me' }).catch(() => undefined); // closed: nothing changes
    const stale = await expectError(reopenItem(reviewer(), b!, { expectedRevision: dismissed.revision - 1 }), 'conflict');
    expect(stale.status).toBe(409);
    expect((await reopenItem(reviewer(), b!, { expectedRevision: dismissed.revision })).status).toBe('open');
    await expectError(reopenItem(ctxFor(t.db, 'editor'), b!, {}), 'forbidden');
    await expectError(reopenItem(reviewer(), '00000000-0000-7000-8000-000000000000', {}), 'not_found');
  });

  it('is for reviewers and admins only', async () => {
    await expectError(listQueue(ctxFor(t.db, 'editor'), {}), 'forbidden');
    await expectError(listQueue(ctxFor(t.db, 'deployer'), {}), 'forbidden');
    expect((await listQueue(ctxFor(t.db, 'admin'), {})).items).toBeDefined();
  });
});

describe('datasets', () => {
  it('creates a dataset and adds an example from an invocation', async () => {
    const prompt = uniqueName('ds');
    const [id] = await invocations(prompt, 1, 3);
    const name = uniqueName('gt');
    await createDataset(reviewer(), { name, description: 'Ground truth' });
    await expectError(createDataset(reviewer(), { name }), 'conflict');
    const ex = await addExample(reviewer(), name, { invocationId: id, variables: { comment: 'Buy now at spam.example' }, expectedOutput: '{"violation": true}' });
    expect(ex).toMatchObject({ promptName: prompt, promptVersion: 3, invocationId: id });
    // The review item says which datasets hold it.
    await submitFeedback(app(), id!, { score: -1 });
    expect((await getReviewItem(reviewer(), id!)).datasets).toEqual([name]);
    expect((await listQueue(reviewer(), { prompt })).items.map((i) => i.datasets)).toEqual([[name]]);
    const d = await getDataset(ctxFor(t.db, 'viewer'), name);
    expect(d.examples).toBe(1);
    expect(d.revision).toBe(1);
    expect(d.items[0]?.tags).toEqual([]);
    expect(d.items[0]?.expectedOutput).toBe('{"violation": true}');
    await expectInvalid(addExample(reviewer(), name, { variables: {}, expectedOutput: '' }), 'expectedOutput');
    await expectError(addExample(reviewer(), 'no-such-dataset', { variables: {}, expectedOutput: 'x' }), 'not_found');
    // A refused add leaves the revision alone.
    expect((await getDataset(ctxFor(t.db, 'viewer'), name)).revision).toBe(1);
    await expectError(createDataset(ctxFor(t.db, 'editor'), { name: uniqueName('x') }), 'forbidden');
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServiceContext } from '../context';
import { setPrice } from '../aws/pricing';
import { moveLabel } from '../catalog/labels';
import { createPrompt } from '../catalog/prompts';
import { createVersion } from '../catalog/versions';
import { addExample, createDataset } from '../feedback/datasets';
import { assignItem, getReviewItem, listQueue, resolveItem } from '../feedback/queue';
import { feedbackSummaries, submitFeedback } from '../feedback/votes';
import { ingestInvocations } from '../invocations/ingest';
import { getInvocation } from '../invocations/queries';
import { createTestDb, ctxFor, uniqueName, type TestDb } from '../test/db';
import { expectError, versionBody } from '../test/helpers';
import { createApiKey, listApiKeys, revokeApiKey } from './api-keys';
import { auditEntries } from './audit';
import type { Actor, Role } from './roles';

/**
 * One identity: who did what is a typed reference (user or API key id) plus a display snapshot,
 * never a display string. Two parties with the same display name stay two parties.
 */
let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => {
  await t?.close();
});

const as = (kind: Actor['kind'], id: string, display: string, role: Role): ServiceContext => ({ db: t.db, actor: { kind, id, display, role } });
const key = (id: string, display = 'app', role: Role = 'viewer') => as('apiKey', id, display, role);
const user = (id: string, display: string, role: Role = 'reviewer') => as('user', id, display, role);

async function invocation(): Promise<string> {
  const rec = { promptName: uniqueName('idp'), promptVersion: 1, modelId: 'amazon.nova-lite-v1:0', input: { messages: [{ role: 'user', content: 'hi' }] }, status: 'ok' };
  return (await ingestInvocations(key(uniqueName('ingest'), 'ingest', 'editor'), rec)).ids[0]!;
}

describe('votes', () => {
  it('two API keys with the same name voting on one invocation are two votes', async () => {
    const id = await invocation();
    const [a, b] = [key(uniqueName('ka')), key(uniqueName('kb'))];
    await submitFeedback(a, id, { score: 1 });
    await submitFeedback(b, id, { score: -1, comment: 'wrong' });
    const votes = (await getInvocation(a, id)).feedback;
    expect(votes.map((f) => [f.score, f.caller, f.callerRef?.id])).toEqual([
      [1, 'app', a.actor.id],
      [-1, 'app', b.actor.id],
    ]);
    // Each key sees its own vote as its own.
    expect((await feedbackSummaries(a, [id]))[id]).toMatchObject({ up: 1, down: 1, mine: 1 });
    expect((await feedbackSummaries(b, [id]))[id]).toMatchObject({ mine: -1, myComment: 'wrong' });
    // The same key voting again replaces only its own vote.
    await submitFeedback(a, id, { score: -1 });
    expect((await getInvocation(a, id)).feedback.map((f) => [f.callerRef?.id, f.score])).toEqual([
      [a.actor.id, -1],
      [b.actor.id, -1],
    ]);
  });

  it('a userRef is the voter whichever key sends it; a user and a key with one name are two voters', async () => {
    const id = await invocation();
    await submitFeedback(key(uniqueName('k1')), id, { score: 1, userRef: 'end-user-1' });
    await submitFeedback(key(uniqueName('k2')), id, { score: -1, userRef: 'end-user-1' });
    await submitFeedback(user('u-app', 'app', 'viewer'), id, { score: 1 });
    const votes = (await getInvocation(ctxFor(t.db, 'viewer'), id)).feedback;
    expect(votes.map((f) => [f.voter, f.score, f.callerRef?.type])).toEqual([
      ['ref:end-user-1', -1, 'api_key'],
      ['app', 1, 'user'],
    ]);
  });
});

describe('review assignments', () => {
  it('"me" is the reviewer by id: a namesake does not see or hold the item', async () => {
    const id = await invocation();
    await submitFeedback(key(uniqueName('k')), id, { score: -1 });
    const [sam1, sam2] = [user(uniqueName('sam'), 'Sam'), user(uniqueName('sam'), 'Sam')];
    const held = await assignItem(sam1, id, { assignee: 'me' });
    expect(held.assignee).toBe('Sam');
    expect(held.assigneeRef).toEqual({ type: 'user', id: sam1.actor.id, display: 'Sam' });
    const mine = (ctx: ServiceContext) => listQueue(ctx, { assignee: 'me', limit: 200 }).then((p) => p.items.map((i) => i.invocationId));
    expect(await mine(sam1)).toContain(id);
    expect(await mine(sam2)).not.toContain(id);
    expect((await listQueue(sam2, {})).counts.mine).toBe(0);
    // The namesake cannot take it without having seen it held, and is told by whom.
    const e = await expectError(assignItem(sam2, id, { assignee: 'me' }), 'conflict');
    expect(e.details).toMatchObject({ assigneeRef: { id: sam1.actor.id } });
    const closed = await resolveItem(sam2, id, { category: 'tone', expectedRevision: held.revision });
    expect(closed.closedByRef).toEqual({ type: 'user', id: sam2.actor.id, display: 'Sam' });
    expect((await getReviewItem(sam1, id)).assigneeRef?.id).toBe(sam1.actor.id);
  });
});

describe('every table that records an actor', () => {
  it('stores the typed reference and the display snapshot', async () => {
    const editor = key(uniqueName('editor-key'), 'deploy-bot', 'deployer');
    const name = uniqueName('idp');
    const p = await createPrompt(editor, { name });
    expect([p.createdBy, p.createdByRef]).toEqual(['deploy-bot', { type: 'api_key', id: editor.actor.id, display: 'deploy-bot' }]);
    const v = await createVersion(editor, name, versionBody({ labels: ['production'] }));
    expect(v.createdByRef).toEqual({ type: 'api_key', id: editor.actor.id, display: 'deploy-bot' });
    const ann = user(uniqueName('ann'), 'Ann Lee', 'admin');
    await moveLabel(ann, name, 'staging', { version: 1 });
    const history = await t.db.labelEvent.findMany({ where: { prompt: { name } }, orderBy: { id: 'asc' } });
    expect(history.map((e) => [e.actor, e.actorType, e.actorId])).toEqual([
      ['deploy-bot', 'api_key', editor.actor.id],
      ['Ann Lee', 'user', ann.actor.id],
    ]);
    const price = await setPrice(ann, 'amazon.nova-micro-v1:0', { inputPerMTokUsd: 0.04, outputPerMTokUsd: 0.15 });
    expect(price.updatedByRef).toEqual({ type: 'user', id: ann.actor.id, display: 'Ann Lee' });
    const d = await createDataset(ann, { name: uniqueName('gt') });
    const ex = await addExample(ann, d.name, { variables: {}, expectedOutput: 'x' });
    expect([d.createdByRef?.id, ex.createdByRef?.id]).toEqual([ann.actor.id, ann.actor.id]);
    const id = await invocation();
    expect((await getInvocation(ann, id)).callerRef).toMatchObject({ type: 'api_key', display: 'ingest' });
  });

  it('API keys: creator and revoker typed; names unique among active keys (case-insensitive)', async () => {
    const ann = user(uniqueName('ann'), 'Ann Lee', 'admin');
    const name = uniqueName('svc');
    const k = await createApiKey(ann, { name, role: 'viewer' });
    expect(k.createdByRef).toEqual({ type: 'user', id: ann.actor.id, display: 'Ann Lee' });
    const e = await expectError(createApiKey(ann, { name: name.toUpperCase(), role: 'viewer' }), 'conflict');
    expect(e.status).toBe(409);
    expect(e.details).toEqual([{ path: 'name', message: 'An active key already has this name.' }]);
    const revoked = await revokeApiKey(ann, k.id);
    expect([revoked.revokedBy, revoked.revokedByRef?.id]).toEqual(['Ann Lee', ann.actor.id]);
    // A revoked key frees its name.
    const again = await createApiKey(ann, { name, role: 'viewer' });
    expect((await listApiKeys(ann)).filter((x) => x.name === name).map((x) => x.id).sort()).toEqual([k.id, again.id].sort());
  });

  it('audit entries expose actor {type, id, display}, filterable by typed actor', async () => {
    const ann = user(uniqueName('ann'), 'Ann Lee', 'admin');
    const k = await createApiKey(ann, { name: uniqueName('audited'), role: 'viewer' });
    const page = await auditEntries(ann, { actorType: 'user', actorId: ann.actor.id });
    expect(page.items).toEqual([
      { id: expect.any(Number), at: expect.any(String), actor: { type: 'user', id: ann.actor.id, display: 'Ann Lee' }, actorDisplay: 'Ann Lee', action: 'api_key.create', target: k.id, details: { name: k.name, role: 'viewer' } },
    ]);
    await expectError(auditEntries(ctxFor(t.db, 'editor'), {}), 'forbidden');
  });
});

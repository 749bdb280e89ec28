import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, ctxFor, uniqueName, type TestDb } from '../test/db';
import { expectError, expectInvalid, normalise, versionBody } from '../test/helpers';
import type { Role } from '../auth/roles';
import { createPrompt, getPrompt } from './prompts';
import { createVersion, getVersion, resolveVersion } from './versions';
import { labelHistory, listLabels, moveLabel, removeLabel, rollbackLabel, rollbackTarget } from './labels';

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => {
  await t?.close();
});

const as = (role: Role) => ctxFor(t.db, role);

/** A prompt with `versions` versions and no hand-set labels. */
async function promptWith(versions: number): Promise<string> {
  const name = uniqueName('lbl');
  await createPrompt(as('editor'), { name });
  for (let i = 0; i < versions; i++) await createVersion(as('editor'), name, versionBody({ commitMessage: `v${i + 1}` }));
  return name;
}

const labelsOf = async (name: string) => (await getPrompt(as('viewer'), name)).labels;

describe('moving labels', () => {
  it('moves a label and returns the previous version', async () => {
    const name = await promptWith(3);
    expect(await moveLabel(as('deployer'), name, 'production', { version: 1 })).toEqual({ label: 'production', version: 1, previousVersion: null, changed: true });
    expect(await moveLabel(as('deployer'), name, 'production', { version: 3, reason: 'ship' })).toEqual({ label: 'production', version: 3, previousVersion: 1, changed: true });
    expect(await labelsOf(name)).toEqual({ production: 3, latest: 3 });
    expect((await getVersion(as('viewer'), name, 3)).labels).toEqual(['production', 'latest']);
  });

  it('writes nothing when the label already points at the version (no v1 -> v1 event)', async () => {
    const name = await promptWith(2);
    await moveLabel(as('deployer'), name, 'production', { version: 1 });
    const row = async () => t.db.prompt.findUniqueOrThrow({ where: { name }, select: { updatedAt: true, labelRevision: true } });
    const label = async () => t.db.label.findFirstOrThrow({ where: { prompt: { name }, name: 'production' }, select: { updatedAt: true, updatedBy: true } });
    const [promptBefore, labelBefore] = [await row(), await label()];
    const epochBefore = await t.db.servingEpoch.findUnique({ where: { id: 1 } });
    expect(await moveLabel(as('admin'), name, 'production', { version: 1, expectedVersion: 1, reason: 'again' })).toEqual({ label: 'production', version: 1, previousVersion: 1, changed: false });
    expect(await moveLabel(as('admin'), name, 'production', { version: 1 })).toMatchObject({ changed: false });
    const history = await labelHistory(as('viewer'), name, 'production', {});
    expect(history.items.map((e) => [e.fromVersion, e.toVersion])).toEqual([[null, 1]]);
    expect(await row()).toEqual(promptBefore);
    expect(await label()).toEqual(labelBefore);
    expect(await t.db.servingEpoch.findUnique({ where: { id: 1 } })).toEqual(epochBefore);
    // A stale expectedVersion still conflicts, even when the target is where the label is.
    await expectError(moveLabel(as('deployer'), name, 'production', { version: 1, expectedVersion: 2 }), 'label_conflict');
  });

  it('honours expectedVersion; null means the label must not exist yet', async () => {
    const name = await promptWith(3);
    await moveLabel(as('deployer'), name, 'production', { version: 1, expectedVersion: null });
    const again = await expectError(moveLabel(as('deployer'), name, 'production', { version: 2, expectedVersion: null }), 'label_conflict');
    expect(again.status).toBe(409);
    expect(again.details).toMatchObject({ label: 'production', currentVersion: 1, expectedVersion: null });
    const stale = await expectError(moveLabel(as('deployer'), name, 'production', { version: 3, expectedVersion: 2 }), 'label_conflict');
    expect(stale.details).toMatchObject({ currentVersion: 1, expectedVersion: 2 });
    await moveLabel(as('deployer'), name, 'production', { version: 2, expectedVersion: 1 });
    const missing = await expectError(moveLabel(as('deployer'), name, 'canary', { version: 2, expectedVersion: 1 }), 'label_conflict');
    expect(missing.details).toMatchObject({ currentVersion: null });
    expect(await labelsOf(name)).toEqual({ production: 2, latest: 3 });
  });

  it('lets exactly one of 20 concurrent moves with the same expectedVersion win', async () => {
    const name = await promptWith(3);
    await moveLabel(as('deployer'), name, 'production', { version: 1 });
    const targets = Array.from({ length: 20 }, (_, i) => (i % 2) + 2); // 2 or 3
    const settled = await Promise.allSettled(targets.map((version) => moveLabel(as('deployer'), name, 'production', { version, expectedVersion: 1 })));
    const won = settled.filter((s) => s.status === 'fulfilled');
    const lost = settled.filter((s): s is PromiseRejectedResult => s.status === 'rejected').map((s) => normalise(s.reason));
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(19);
    const winner = (won[0] as PromiseFulfilledResult<{ version: number; previousVersion: number | null }>).value;
    expect(winner.previousVersion).toBe(1);
    for (const e of lost) {
      expect(e.code).toBe('label_conflict');
      expect(e.status).toBe(409);
      expect(e.details).toMatchObject({ currentVersion: winner.version, expectedVersion: 1 });
    }
    expect((await labelsOf(name)).production).toBe(winner.version);
    const history = await labelHistory(as('viewer'), name, 'production', {});
    expect(history.items).toHaveLength(2); // the first move and the single winner
  });

  it('404s for an unknown version or prompt, 400 for a bad label or body', async () => {
    const name = await promptWith(1);
    await expectError(moveLabel(as('deployer'), name, 'production', { version: 2 }), 'not_found');
    await expectError(moveLabel(as('deployer'), uniqueName('nope'), 'production', { version: 1 }), 'not_found');
    await expectInvalid(moveLabel(as('deployer'), name, 'Prod!', { version: 1 }), 'label');
    await expectInvalid(moveLabel(as('deployer'), name, 'x'.repeat(41), { version: 1 }), 'label');
    await expectInvalid(moveLabel(as('deployer'), name, 'production', { version: 0 }), 'version');
    await expectInvalid(moveLabel(as('deployer'), name, 'production', { version: 1.5 }), 'version');
    await expectInvalid(moveLabel(as('deployer'), name, 'production', { version: '1' }), 'version');
    await expectInvalid(moveLabel(as('deployer'), name, 'production', { version: 1, extra: true }), '(body)');
    await expect(moveLabel(as('deployer'), name, 'x'.repeat(40), { version: 1 })).resolves.toMatchObject({ version: 1 });
    expect(await labelHistory(as('viewer'), name, 'production', {}).catch((e: unknown) => normalise(e).code)).toBe('not_found');
  });

  it('reviewer and editor cannot move, roll back or remove labels', async () => {
    const name = await promptWith(2);
    await moveLabel(as('admin'), name, 'production', { version: 1 });
    await moveLabel(as('admin'), name, 'production', { version: 2 });
    for (const role of ['viewer', 'reviewer', 'editor'] as const) {
      await expectError(moveLabel(as(role), name, 'production', { version: 1 }), 'forbidden');
      await expectError(rollbackLabel(as(role), name, 'production', {}), 'forbidden');
      await expectError(removeLabel(as(role), name, 'production'), 'forbidden');
    }
    expect((await labelsOf(name)).production).toBe(2);
  });
});

describe('latest', () => {
  it('always points at the newest version and is listed in every labels map', async () => {
    const name = await promptWith(0);
    expect(await labelsOf(name)).toEqual({});
    expect(await listLabels(as('viewer'), name)).toEqual([]);
    await createVersion(as('editor'), name, versionBody());
    expect(await labelsOf(name)).toEqual({ latest: 1 });
    await createVersion(as('editor'), name, versionBody());
    expect(await labelsOf(name)).toEqual({ latest: 2 });
    const labels = await listLabels(as('viewer'), name);
    expect(labels).toEqual([{ name: 'latest', version: 2, updatedAt: null, updatedBy: null, updatedByRef: null, automatic: true, canary: null }]);
    expect((await resolveVersion(as('viewer'), name, { label: 'latest' })).version).toBe(2);
  });

  it('cannot be moved, rolled back or removed by hand', async () => {
    const name = await promptWith(2);
    for (const p of [
      moveLabel(as('admin'), name, 'latest', { version: 1 }),
      rollbackLabel(as('admin'), name, 'latest', {}),
      removeLabel(as('admin'), name, 'latest'),
    ]) {
      const e = await expectError(p, 'label_reserved');
      expect(e.status).toBe(400);
    }
    expect(await labelsOf(name)).toEqual({ latest: 2 });
  });
});

describe('rollback, remove and history', () => {
  it('walks back through the history and does not toggle', async () => {
    const name = await promptWith(3);
    for (const v of [1, 2, 3]) await moveLabel(as('deployer'), name, 'production', { version: v });
    expect(await rollbackLabel(as('deployer'), name, 'production', { reason: 'bad 3' })).toEqual({ label: 'production', version: 2, previousVersion: 3 });
    expect(await rollbackLabel(as('deployer'), name, 'production', {})).toEqual({ label: 'production', version: 1, previousVersion: 2 });
    const e = await expectError(rollbackLabel(as('deployer'), name, 'production', {}), 'nothing_to_rollback');
    expect(e.status).toBe(409);
    expect((await labelsOf(name)).production).toBe(1);
  });

  it('rollback after a new deploy returns to the version before that deploy', async () => {
    const name = await promptWith(3);
    await moveLabel(as('deployer'), name, 'production', { version: 1 });
    await moveLabel(as('deployer'), name, 'production', { version: 2 });
    await rollbackLabel(as('deployer'), name, 'production', {}); // -> 1
    await moveLabel(as('deployer'), name, 'production', { version: 3 });
    expect((await rollbackLabel(as('deployer'), name, 'production', {})).version).toBe(1);
  });

  it('404s when rolling back a label that never existed', async () => {
    const name = await promptWith(1);
    await expectError(rollbackLabel(as('deployer'), name, 'production', {}), 'not_found');
    await expectError(rollbackLabel(as('deployer'), uniqueName('nope'), 'production', {}), 'not_found');
  });

  it('removes a label (recorded), and a rollback after the removal restores it', async () => {
    const name = await promptWith(2);
    await moveLabel(as('deployer'), name, 'production', { version: 1 });
    await moveLabel(as('deployer'), name, 'production', { version: 2 });
    expect(await removeLabel(as('deployer'), name, 'production', { reason: 'pause' })).toEqual({ label: 'production', version: null, previousVersion: 2 });
    expect(await labelsOf(name)).toEqual({ latest: 2 });
    await expectError(resolveVersion(as('viewer'), name, {}), 'not_found');
    await expectError(removeLabel(as('deployer'), name, 'production'), 'not_found');
    expect(await rollbackLabel(as('deployer'), name, 'production', {})).toEqual({ label: 'production', version: 2, previousVersion: null });
    expect((await resolveVersion(as('viewer'), name, {})).version).toBe(2);
    expect((await rollbackLabel(as('deployer'), name, 'production', {})).version).toBe(1);
  });

  it('remove honours expectedVersion', async () => {
    const name = await promptWith(2);
    await moveLabel(as('deployer'), name, 'production', { version: 2 });
    const e = await expectError(removeLabel(as('deployer'), name, 'production', { expectedVersion: 1 }), 'label_conflict');
    expect(e.details).toMatchObject({ currentVersion: 2 });
    expect((await labelsOf(name)).production).toBe(2);
  });

  it('records history newest first with action, from/to, actor and reason', async () => {
    const name = await promptWith(2);
    await moveLabel(ctxFor(t.db, 'deployer'), name, 'production', { version: 1, reason: 'first' });
    await moveLabel({ db: t.db, actor: { kind: 'apiKey', id: 'k', display: 'ci', role: 'deployer' } }, name, 'production', { version: 2, reason: 'second' });
    await rollbackLabel(as('admin'), name, 'production', { reason: 'oops' });
    await removeLabel(as('admin'), name, 'production', { reason: 'gone' });
    await moveLabel(as('admin'), name, 'staging', { version: 2 });
    const h = await labelHistory(as('viewer'), name, 'production', {});
    expect(h.nextCursor).toBeNull();
    expect(h.items.map(({ action, fromVersion, toVersion, actor, actorRef, reason }) => ({ action, fromVersion, toVersion, actor, actorRef, reason }))).toEqual([
      { action: 'remove', fromVersion: 1, toVersion: null, actor: 'admin@test.local', actorRef: { type: 'user', id: 'test-admin', display: 'admin@test.local' }, reason: 'gone' },
      { action: 'rollback', fromVersion: 2, toVersion: 1, actor: 'admin@test.local', actorRef: { type: 'user', id: 'test-admin', display: 'admin@test.local' }, reason: 'oops' },
      { action: 'deploy', fromVersion: 1, toVersion: 2, actor: 'ci', actorRef: { type: 'api_key', id: 'k', display: 'ci' }, reason: 'second' },
      { action: 'deploy', fromVersion: null, toVersion: 1, actor: 'deployer@test.local', actorRef: { type: 'user', id: 'test-deployer', display: 'deployer@test.local' }, reason: 'first' },
    ]);
    for (const e of h.items) expect(Number.isNaN(Date.parse(e.at))).toBe(false);
    const times = h.items.map((e) => Date.parse(e.at));
    expect([...times].sort((a, b) => b - a)).toEqual(times);
    // paging one at a time visits the same events in the same order
    const paged: number[] = [];
    let cursor: string | null = null;
    do {
      const page: Awaited<ReturnType<typeof labelHistory>> = await labelHistory(as('viewer'), name, 'production', { limit: '1', ...(cursor ? { cursor } : {}) });
      paged.push(...page.items.map((e) => e.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(paged).toEqual(h.items.map((e) => e.id));
    // the prompt-wide history includes the other label too
    const all = await labelHistory(as('viewer'), name, undefined, {});
    expect(all.items.map((e) => e.label)).toEqual(['staging', 'production', 'production', 'production', 'production']);
  });

  it('records a deploy event for labels set on create', async () => {
    const name = await promptWith(1);
    await createVersion(as('deployer'), name, versionBody({ labels: ['production'] }));
    const h = await labelHistory(as('viewer'), name, 'production', {});
    expect(h.items).toMatchObject([{ action: 'deploy', fromVersion: null, toVersion: 2, actor: 'deployer@test.local' }]);
  });
});

describe('rollbackTarget (pure)', () => {
  const d = (v: number | null) => ({ action: (v === null ? 'remove' : 'deploy') as 'deploy' | 'remove', toVersion: v });
  const r = { action: 'rollback' as const, toVersion: null };
  it('pops instead of toggling', () => {
    expect(rollbackTarget([])).toBeNull();
    expect(rollbackTarget([d(1)])).toBeNull();
    expect(rollbackTarget([d(1), d(2), d(3)])).toBe(2);
    expect(rollbackTarget([d(1), d(2), d(3), r])).toBe(1);
    expect(rollbackTarget([d(1), d(2), d(3), r, r])).toBeNull();
    expect(rollbackTarget([d(1), d(2), d(null)])).toBe(2);
  });

  it('skips re-deploys of the version being left', () => {
    expect(rollbackTarget([d(1), d(2), d(2)])).toBe(1);
    expect(rollbackTarget([d(1), d(1), d(2), d(2), r])).toBeNull();
    expect(rollbackTarget([d(1), d(2), d(2), d(3), r])).toBe(1);
    expect(rollbackTarget([d(1), d(1)])).toBeNull();
  });
});

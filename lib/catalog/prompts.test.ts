import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, ctxFor, uniqueName, type TestDb } from '../test/db';
import { expectError, expectInvalid, versionBody } from '../test/helpers';
import type { Role } from '../auth/roles';
import { createPrompt, deletePrompt, getPrompt, listPrompts, updatePrompt } from './prompts';
import { createVersion, resolveVersion } from './versions';
import { moveLabel, removeLabel } from './labels';

/** Catalog upkeep: tags filter, editing, archiving and deleting prompts. */
let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => {
  await t?.close();
});

const as = (role: Role) => ctxFor(t.db, role);
const names = async (query: Record<string, unknown>) => (await listPrompts(as('viewer'), { limit: 200, ...query })).items.map((p) => p.name);

describe('tags filter', () => {
  it('tag=a,b lists the prompts carrying every one of the tags', async () => {
    const tag = uniqueName('t').replace(/[^a-z0-9-]/g, '').slice(0, 30);
    const [both, onlyA] = [uniqueName('both'), uniqueName('only-a')];
    await createPrompt(as('editor'), { name: both, tags: [`${tag}-a`, `${tag}-b`] });
    await createPrompt(as('editor'), { name: onlyA, tags: [`${tag}-a`] });
    expect(await names({ tag: `${tag}-a` })).toEqual([both, onlyA].sort());
    expect(await names({ tag: `${tag}-a,${tag}-b` })).toEqual([both]);
    await expectInvalid(listPrompts(as('viewer'), { tag: 'Bad Tag' }), 'tag.0');
  });
});

describe('editing, archiving and deleting', () => {
  it('edits description and tags after creation', async () => {
    const name = uniqueName('edit');
    await createPrompt(as('editor'), { name, description: 'old', tags: ['x'] });
    const p = await updatePrompt(as('editor'), name, { description: 'new words', tags: ['y', 'z', 'y'] });
    expect(p).toMatchObject({ description: 'new words', tags: ['y', 'z'], archivedAt: null });
    await expectError(updatePrompt(as('viewer'), name, { description: 'nope' }), 'forbidden');
  });

  it('archives: hidden from the catalog by default, listed with archived=include|only, still served, restorable', async () => {
    const name = uniqueName('arch');
    await createPrompt(as('editor'), { name, tags: ['archive-test'] });
    await createVersion(as('editor'), name, versionBody());
    await moveLabel(as('deployer'), name, 'production', { version: 1 });
    const archived = await updatePrompt(as('editor'), name, { archived: true });
    expect(archived.archivedAt).not.toBeNull();
    expect(await names({ tag: 'archive-test' })).not.toContain(name);
    expect(await names({ tag: 'archive-test', archived: 'include' })).toContain(name);
    expect(await names({ tag: 'archive-test', archived: 'only' })).toEqual([name]);
    expect((await resolveVersion(as('viewer'), name, {})).version).toBe(1);
    // Creating one with the same name says where it is.
    const exists = await expectError(createPrompt(as('editor'), { name }), 'prompt_exists');
    expect(exists.message).toMatch(/archived/);
    const restored = await updatePrompt(as('editor'), name, { archived: false });
    expect(restored.archivedAt).toBeNull();
    expect(await names({ tag: 'archive-test' })).toContain(name);
    const audit = await t.db.auditEvent.findMany({ where: { target: name }, orderBy: { id: 'asc' }, select: { action: true } });
    expect(audit.map((a) => a.action)).toEqual(['prompt.archive', 'prompt.restore']);
  });

  it('deletes only when no label points at a version, and only deployers and admins', async () => {
    const name = uniqueName('del');
    await createPrompt(as('editor'), { name });
    await createVersion(as('editor'), name, versionBody());
    await moveLabel(as('deployer'), name, 'staging', { version: 1 });
    await expectError(deletePrompt(as('editor'), name), 'forbidden');
    const inUse = await expectError(deletePrompt(as('deployer'), name), 'prompt_in_use');
    expect(inUse.status).toBe(409);
    expect(inUse.details).toEqual({ labels: [{ name: 'staging', version: 1 }] });
    await removeLabel(as('deployer'), name, 'staging');
    await deletePrompt(as('deployer'), name);
    await expectError(getPrompt(as('viewer'), name), 'not_found');
    await expectError(resolveVersion(as('viewer'), name, { label: 'latest' }), 'not_found');
    expect(await t.db.promptVersion.count({ where: { prompt: { name } } })).toBe(0);
    await expectError(deletePrompt(as('admin'), name), 'not_found');
    // The name is free again.
    await createPrompt(as('editor'), { name });
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, ctxFor, uniqueName, type TestDb } from '../test/db';
import { expectError, expectInvalid, versionBody } from '../test/helpers';
import type { Role } from '../auth/roles';
import { createPrompt, getPrompt, listPrompts, updatePrompt } from './prompts';
import { createVersion, getVersion, listVersions, renderVersion, resolveVersion } from './versions';
import { moveLabel } from './labels';

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => {
  await t?.close();
});

const as = (role: Role) => ctxFor(t.db, role);

async function newPrompt(tags?: string[]): Promise<string> {
  const name = uniqueName('cat');
  await createPrompt(as('editor'), { name, description: 'test prompt', ...(tags ? { tags } : {}) });
  return name;
}

describe('prompts', () => {
  it('creates a prompt with description, deduplicated tags, no versions and no labels', async () => {
    const name = uniqueName('create');
    const p = await createPrompt(as('editor'), { name, description: 'Summaries', tags: ['support', 'support', 'en'] });
    expect(p).toMatchObject({ name, description: 'Summaries', tags: ['support', 'en'], latestVersion: null, labels: {}, createdBy: 'editor@test.local' });
    expect(new Date(p.createdAt).toISOString()).toBe(p.createdAt);
    expect(await getPrompt(as('viewer'), name)).toEqual(p);
  });

  it('rejects a duplicate name with 409 prompt_exists', async () => {
    const name = await newPrompt();
    const e = await expectError(createPrompt(as('admin'), { name }), 'prompt_exists');
    expect(e.status).toBe(409);
    expect(e.details).toEqual({ name, archived: false });
  });

  it('enforces the name rules: 1-100 of a-z 0-9 - _ . starting with a letter or digit', async () => {
    const ok = [`9${uniqueName('x')}`, `${uniqueName('n')}.v2_x-y`];
    for (const name of ok) await expect(createPrompt(as('editor'), { name })).resolves.toMatchObject({ name });
    const bad = ['', '-lead', '.lead', '_lead', 'Upper', 'has space', 'slash/x', 'ümlaut', 'a'.repeat(101)];
    for (const name of bad) await expectInvalid(createPrompt(as('editor'), { name }), 'name');
    // exactly 100 characters is fine
    const hundred = `${uniqueName('h')}`.padEnd(100, 'x');
    expect(hundred).toHaveLength(100);
    await expect(createPrompt(as('editor'), { name: hundred })).resolves.toMatchObject({ name: hundred });
  });

  it('enforces the tag rules and rejects unknown fields', async () => {
    await expectInvalid(createPrompt(as('editor'), { name: uniqueName(), tags: ['Bad Tag'] }), 'tags.0');
    await expectInvalid(createPrompt(as('editor'), { name: uniqueName(), tags: ['ok', '-x'] }), 'tags.1');
    await expectInvalid(createPrompt(as('editor'), { name: uniqueName(), tags: ['t'.repeat(41)] }), 'tags.0');
    await expectInvalid(createPrompt(as('editor'), { name: uniqueName(), tags: Array.from({ length: 21 }, (_, i) => `t${i}`) }), 'tags');
    await expectInvalid(createPrompt(as('editor'), { name: uniqueName(), tags: 'single' }), 'tags');
    await expectInvalid(createPrompt(as('editor'), { name: uniqueName(), owner: 'me' }), '(body)');
    await expectInvalid(createPrompt(as('editor'), { name: uniqueName(), description: 'd'.repeat(2001) }), 'description');
  });

  it('searches literally: _ and % in the query are not wildcards', async () => {
    const tag = `w${Date.now().toString(36)}`;
    const under = `${uniqueName('snake')}_case`;
    const plain = uniqueName('plain');
    await createPrompt(as('editor'), { name: under, tags: [tag] });
    await createPrompt(as('editor'), { name: plain, tags: [tag], description: 'is 100% done' });
    const search = async (q: string) => (await listPrompts(as('viewer'), { q, tag })).items.map((p) => p.name);
    expect(await search('_')).toEqual([under]);
    expect(await search('%')).toEqual([plain]);
    expect(await search('0% D')).toEqual([plain]);
    expect(await search('\\')).toEqual([]);
  });

  it('updates description and tags (editor), not the name', async () => {
    const name = await newPrompt(['a']);
    const p = await updatePrompt(as('editor'), name, { description: 'new', tags: ['b', 'c'] });
    expect(p).toMatchObject({ name, description: 'new', tags: ['b', 'c'] });
    await expectInvalid(updatePrompt(as('editor'), name, { name: 'other' }), '(body)');
    await expectError(updatePrompt(as('editor'), uniqueName('missing'), { description: 'x' }), 'not_found');
    await expectError(updatePrompt(as('viewer'), name, { description: 'x' }), 'forbidden');
  });

  it('lists with search, tag filter and keyset pagination that visits every prompt once', async () => {
    const tag = `t${Date.now().toString(36)}`;
    const names = [];
    for (let i = 0; i < 7; i++) names.push(await newPrompt([tag]));
    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await listPrompts(as('viewer'), { tag, limit: '3', ...(cursor ? { cursor } : {}) });
      expect(page.items.length).toBeLessThanOrEqual(3);
      seen.push(...page.items.map((p) => p.name));
      cursor = page.nextCursor ?? undefined;
      pages++;
    } while (cursor);
    expect(pages).toBe(3);
    expect(seen).toEqual([...names].sort());
    const found = await listPrompts(as('viewer'), { q: names[2]!.toUpperCase() });
    expect(found.items.map((p) => p.name)).toEqual([names[2]]);
    await expectInvalid(listPrompts(as('viewer'), { limit: '201' }), 'limit');
    await expectInvalid(listPrompts(as('viewer'), { limit: '0' }), 'limit');
    await expectInvalid(listPrompts(as('viewer'), { cursor: 'not-a-cursor' }), 'cursor');
  });
});

describe('versions', () => {
  it('numbers versions 1, 2, 3 and returns the version shape', async () => {
    const name = await newPrompt();
    const v1 = await createVersion(as('editor'), name, versionBody());
    expect(v1).toMatchObject({
      name,
      version: 1,
      variables: ['persona', 'text'],
      modelId: versionBody().modelId,
      params: { temperature: 0.2, maxTokens: 256 },
      commitMessage: 'test version',
      labels: ['latest'],
      createdBy: 'editor@test.local',
    });
    const v2 = await createVersion(as('editor'), name, versionBody({ commitMessage: 'two', params: undefined }));
    const v3 = await createVersion(as('deployer'), name, versionBody({ commitMessage: 'three' }));
    expect([v2.version, v3.version]).toEqual([2, 3]);
    expect(v2.params).toEqual({});
    expect((await getPrompt(as('viewer'), name)).latestVersion).toBe(3);
  });

  it('never changes a version after later versions and label moves', async () => {
    const name = await newPrompt();
    const v1 = await createVersion(as('editor'), name, versionBody({ commitMessage: 'first' }));
    await createVersion(as('editor'), name, versionBody({ template: { messages: [{ role: 'user', content: 'changed {{x}}' }] }, modelId: 'us.amazon.nova-lite-v1:0' }));
    await moveLabel(as('deployer'), name, 'production', { version: 1 });
    await moveLabel(as('deployer'), name, 'production', { version: 2 });
    const again = await getVersion(as('viewer'), name, 1);
    const { labels: _l1, created: _c, ...stable } = v1;
    const { labels: _l2, ...now } = again;
    expect(now).toEqual(stable);
    expect(again.labels).toEqual([]); // no label points here any more (latest moved to 2)
  });

  it('gives 20 concurrent creates the numbers 1..20 with no gaps or duplicates', async () => {
    const name = await newPrompt();
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) => createVersion(as('editor'), name, versionBody({ commitMessage: `c${i}` }))),
    );
    expect(results.map((r) => r.version).sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    const page = await listVersions(as('viewer'), name, { limit: '200' });
    expect(page.items.map((v) => v.version)).toEqual(Array.from({ length: 20 }, (_, i) => 20 - i));
    // each commit message landed exactly once
    expect(new Set(page.items.map((v) => v.commitMessage)).size).toBe(20);
    expect((await getPrompt(as('viewer'), name)).latestVersion).toBe(20);
  });

  it('sets labels on create (deployer) and records them in the version', async () => {
    const name = await newPrompt();
    const v = await createVersion(as('deployer'), name, versionBody({ labels: ['staging', 'production', 'staging'] }));
    expect(v.labels).toEqual(['production', 'staging', 'latest']);
    expect((await getPrompt(as('viewer'), name)).labels).toEqual({ production: 1, staging: 1, latest: 1 });
    const v2 = await createVersion(as('deployer'), name, versionBody({ labels: ['staging'] }));
    expect(v2.labels).toEqual(['staging', 'latest']);
    expect((await getPrompt(as('viewer'), name)).labels).toEqual({ production: 1, staging: 2, latest: 2 });
  });

  it('refuses `latest` and bad label names on create', async () => {
    const name = await newPrompt();
    await expectInvalid(createVersion(as('deployer'), name, versionBody({ labels: ['latest'] })), 'labels.0');
    await expectInvalid(createVersion(as('deployer'), name, versionBody({ labels: ['Prod'] })), 'labels.0');
    expect((await getPrompt(as('viewer'), name)).latestVersion).toBeNull();
  });

  it('404s for an unknown prompt or version', async () => {
    const name = await newPrompt();
    await expectError(createVersion(as('editor'), uniqueName('nope'), versionBody()), 'not_found');
    await expectError(getVersion(as('viewer'), name, 1), 'not_found');
    await createVersion(as('editor'), name, versionBody());
    await expectError(getVersion(as('viewer'), name, 2), 'not_found');
    await expectError(getVersion(as('viewer'), name, 0), 'not_found');
    await expectError(listVersions(as('viewer'), uniqueName('nope'), {}), 'not_found');
  });

  it('paginates versions newest first, each once', async () => {
    const name = await newPrompt();
    for (let i = 0; i < 5; i++) await createVersion(as('editor'), name, versionBody());
    const seen: number[] = [];
    let cursor: string | null = null;
    do {
      const page: Awaited<ReturnType<typeof listVersions>> = await listVersions(as('viewer'), name, { limit: '2', ...(cursor ? { cursor } : {}) });
      seen.push(...page.items.map((v) => v.version));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual([5, 4, 3, 2, 1]);
  });
});

describe('resolve and render', () => {
  it('resolves production by default, a label, latest, or a version', async () => {
    const name = await newPrompt();
    for (let i = 0; i < 3; i++) await createVersion(as('editor'), name, versionBody({ commitMessage: `v${i + 1}` }));
    await expectError(resolveVersion(as('viewer'), name, {}), 'not_found');
    await moveLabel(as('deployer'), name, 'production', { version: 2 });
    await moveLabel(as('deployer'), name, 'canary', { version: 1 });
    expect((await resolveVersion(as('viewer'), name, {})).version).toBe(2);
    expect((await resolveVersion(as('viewer'), name, { label: 'canary' })).version).toBe(1);
    expect((await resolveVersion(as('viewer'), name, { label: 'latest' })).version).toBe(3);
    expect((await resolveVersion(as('viewer'), name, { version: 3 })).commitMessage).toBe('v3');
    const e = await expectError(resolveVersion(as('viewer'), name, { label: 'missing' }), 'not_found');
    expect(e.status).toBe(404);
  });

  it('renders the selected version and reports every missing variable by name', async () => {
    const name = await newPrompt();
    await createVersion(as('editor'), name, versionBody());
    await createVersion(as('editor'), name, versionBody({ template: { messages: [{ role: 'user', content: 'Hi {{who}}' }] } }));
    await moveLabel(as('deployer'), name, 'production', { version: 1 });
    const r1 = await renderVersion(as('viewer'), name, { variables: { persona: 'a pirate', text: '<b>&' } });
    expect(r1).toEqual({ version: 1, system: 'You are a pirate.', messages: [{ role: 'user', content: 'Summarise: <b>&' }] });
    const r2 = await renderVersion(as('viewer'), name, { label: 'latest', variables: { who: 'Ann' } });
    expect(r2).toEqual({ version: 2, system: null, messages: [{ role: 'user', content: 'Hi Ann' }] });
    expect((await renderVersion(as('viewer'), name, { version: 2, variables: { who: 'Bo' } })).messages[0]?.content).toBe('Hi Bo');
    const e = await expectError(renderVersion(as('viewer'), name, { version: 1, variables: { text: 'x' } }), 'missing_variables');
    expect(e.status).toBe(400);
    expect(e.details).toEqual({ missing: ['persona'] });
    const all = await expectError(renderVersion(as('viewer'), name, {}), 'missing_variables');
    expect(all.details).toEqual({ missing: ['persona', 'text'] });
    await expectInvalid(renderVersion(as('viewer'), name, { label: 'production', version: 1, variables: {} }), 'label');
    await expectError(renderVersion(as('viewer'), name, { version: 9, variables: {} }), 'not_found');
  });
});

describe('permissions at service level', () => {
  it('viewer and reviewer read but cannot create prompts or versions', async () => {
    const name = await newPrompt();
    for (const role of ['viewer', 'reviewer'] as const) {
      const e = await expectError(createPrompt(as(role), { name: uniqueName() }), 'forbidden');
      expect(e.status).toBe(403);
      await expectError(createVersion(as(role), name, versionBody()), 'forbidden');
      await expect(getPrompt(as(role), name)).resolves.toMatchObject({ name });
    }
  });

  it('editor creates but cannot move labels (also not via labels on create)', async () => {
    const name = await newPrompt();
    await createVersion(as('editor'), name, versionBody());
    await expectError(createVersion(as('editor'), name, versionBody({ labels: ['production'] })), 'forbidden');
    await expectError(moveLabel(as('editor'), name, 'production', { version: 1 }), 'forbidden');
    expect((await getPrompt(as('viewer'), name)).latestVersion).toBe(1);
  });

  it('deployer and admin create and move labels', async () => {
    for (const role of ['deployer', 'admin'] as const) {
      const name = uniqueName(role);
      await createPrompt(as(role), { name });
      await createVersion(as(role), name, versionBody());
      await expect(moveLabel(as(role), name, 'production', { version: 1 })).resolves.toEqual({ label: 'production', version: 1, previousVersion: null, changed: true });
    }
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, expectApiError, expectFields, startApi, type ApiEnv } from '@/lib/test/api';
import { uniqueName } from '@/lib/test/db';
import { versionBody } from '@/lib/test/helpers';
import { loadRoutes, type Routes } from '@/lib/test/routes';

/** Prompts and versions, the serving GET and render, over the HTTP route handlers. */
let api: ApiEnv;
let r: Routes;
beforeAll(async () => {
  api = await startApi();
  r = await loadRoutes();
});
afterAll(async () => {
  await api?.close();
});

const tok = (role: keyof ApiEnv['tokens']) => api.tokens[role];

async function newPrompt(tags?: string[]): Promise<string> {
  const name = uniqueName('api');
  const res = await call(r.prompts.POST, 'POST', '/api/v1/prompts', { token: tok('editor'), body: { name, ...(tags ? { tags } : {}) } });
  expect(res.status, res.text).toBe(201);
  return name;
}

async function addVersion(name: string, overrides: Record<string, unknown> = {}, role: keyof ApiEnv['tokens'] = 'editor') {
  return call(r.versions.POST, 'POST', `/api/v1/prompts/${name}/versions`, { token: tok(role), params: { name }, body: versionBody(overrides) });
}

async function deploy(name: string, label: string, version: number) {
  const res = await call(r.label.PUT, 'PUT', `/api/v1/prompts/${name}/labels/${label}`, { token: tok('deployer'), params: { name, label }, body: { version } });
  expect(res.status, res.text).toBe(200);
}

describe('authentication', () => {
  it('401s without a key, with an unknown key, and with a malformed Authorization header', async () => {
    expectApiError(await call(r.prompts.GET, 'GET', '/api/v1/prompts'), 401, 'unauthorized');
    expectApiError(await call(r.prompts.GET, 'GET', '/api/v1/prompts', { token: 'pd_unknownkeyvalue' }), 401, 'unauthorized');
    expectApiError(await call(r.prompts.GET, 'GET', '/api/v1/prompts', { headers: { authorization: `Basic ${tok('admin')}` } }), 401, 'unauthorized');
    expectApiError(await call(r.prompts.POST, 'POST', '/api/v1/prompts', { body: { name: uniqueName() } }), 401, 'unauthorized');
    const name = await newPrompt();
    expectApiError(await call(r.prompt.GET, 'GET', `/api/v1/prompts/${name}`, { params: { name } }), 401, 'unauthorized');
  });
});

describe('POST /api/v1/prompts', () => {
  it('creates a prompt: 201 with its summary', async () => {
    const name = uniqueName('api');
    const res = await call(r.prompts.POST, 'POST', '/api/v1/prompts', { token: tok('editor'), body: { name, description: 'd', tags: ['x'] } });
    expect(res.status).toBe(201);
    expect(res.json).toMatchObject({ name, description: 'd', tags: ['x'], latestVersion: null, labels: {} });
    expect(res.json.createdBy).toMatch(/^key-editor-/);
    expect(res.json.createdByRef).toMatchObject({ type: 'api_key', display: res.json.createdBy });
    expect(typeof res.json.updatedAt).toBe('string');
  });

  it('409 prompt_exists for a duplicate name', async () => {
    const name = await newPrompt();
    const details = expectApiError(await call(r.prompts.POST, 'POST', '/api/v1/prompts', { token: tok('admin'), body: { name } }), 409, 'prompt_exists');
    expect(details).toEqual({ name, archived: false });
  });

  it('400 with the fields named; invalid_json for malformed JSON; never 500', async () => {
    const post = (body: unknown) => call(r.prompts.POST, 'POST', '/api/v1/prompts', { token: tok('editor'), body });
    expectFields(await post({ name: 'Bad Name', tags: ['UPPER'] }), 'name', 'tags.0');
    expectFields(await post({}), 'name');
    expectFields(await post([]), '(body)');
    expectFields(await post({ name: uniqueName(), extra: 1 }), '(body)');
    expectFields(await call(r.prompts.POST, 'POST', '/api/v1/prompts', { token: tok('editor') }), '(body)');
    expectApiError(await call(r.prompts.POST, 'POST', '/api/v1/prompts', { token: tok('editor'), rawBody: '{"name": "x",' }), 400, 'invalid_json');
    expectApiError(await call(r.prompts.POST, 'POST', '/api/v1/prompts', { token: tok('editor'), rawBody: 'name=x' }), 400, 'invalid_json');
    const huge = JSON.stringify({ name: uniqueName(), description: 'x'.repeat(5 * 1024 * 1024) });
    expectApiError(await call(r.prompts.POST, 'POST', '/api/v1/prompts', { token: tok('editor'), rawBody: huge }), 413, 'payload_too_large');
  });

  it('403 for viewer and reviewer', async () => {
    for (const role of ['viewer', 'reviewer'] as const) {
      expectApiError(await call(r.prompts.POST, 'POST', '/api/v1/prompts', { token: tok(role), body: { name: uniqueName() } }), 403, 'forbidden');
    }
  });
});

describe('GET /api/v1/prompts', () => {
  it('lists {items, nextCursor} with latestVersion and the labels map', async () => {
    const name = await newPrompt(['listed']);
    await addVersion(name);
    await addVersion(name);
    await deploy(name, 'production', 1);
    const res = await call(r.prompts.GET, 'GET', `/api/v1/prompts?q=${name}`, { token: tok('viewer') });
    expect(res.status).toBe(200);
    expect(Object.keys(res.json).sort()).toEqual(['items', 'nextCursor']);
    expect(res.json.items).toHaveLength(1);
    expect(res.json.items[0]).toMatchObject({ name, tags: ['listed'], latestVersion: 2, labels: { production: 1, latest: 2 } });
    expect(res.json.nextCursor).toBeNull();
  });

  it('defaults to 50, caps at 200, and pagination walks every item exactly once', async () => {
    const tag = `page${Date.now().toString(36)}`;
    const names = [];
    for (let i = 0; i < 53; i++) names.push(await newPrompt([tag]));
    const list = (qs: string) => call(r.prompts.GET, 'GET', `/api/v1/prompts?tag=${tag}${qs}`, { token: tok('viewer') });
    const first = await list('');
    expect(first.json.items).toHaveLength(50);
    expect(typeof first.json.nextCursor).toBe('string');
    const rest = await list(`&cursor=${encodeURIComponent(first.json.nextCursor)}`);
    expect(rest.json.items).toHaveLength(3);
    expect(rest.json.nextCursor).toBeNull();
    expect((await list('&limit=200')).json.items).toHaveLength(53);
    expectFields(await list('&limit=201'), 'limit');
    expectFields(await list('&limit=0'), 'limit');
    expectFields(await list('&limit=ten'), 'limit');
    expectFields(await list('&cursor=garbage'), 'cursor');
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page = await list(`&limit=7${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
      expect(page.status).toBe(200);
      seen.push(...page.json.items.map((p: { name: string }) => p.name));
      cursor = page.json.nextCursor;
    } while (cursor);
    expect(seen).toEqual([...names].sort());
  });
});

describe('PATCH /api/v1/prompts/{name}', () => {
  it('updates description and tags; 404 unknown; 403 viewer', async () => {
    const name = await newPrompt();
    const res = await call(r.prompt.PATCH, 'PATCH', `/api/v1/prompts/${name}`, { token: tok('editor'), params: { name }, body: { tags: ['new'] } });
    expect(res.status).toBe(200);
    expect(res.json.tags).toEqual(['new']);
    const missing = uniqueName('missing');
    expectApiError(await call(r.prompt.PATCH, 'PATCH', `/api/v1/prompts/${missing}`, { token: tok('editor'), params: { name: missing }, body: {} }), 404, 'not_found');
    expectApiError(await call(r.prompt.PATCH, 'PATCH', `/api/v1/prompts/${name}`, { token: tok('viewer'), params: { name }, body: {} }), 403, 'forbidden');
  });
});

describe('versions', () => {
  it('POST creates 201 versions numbered 1, 2 with the version shape', async () => {
    const name = await newPrompt();
    const v1 = await addVersion(name);
    expect(v1.status).toBe(201);
    expect(v1.json).toMatchObject({ name, version: 1, variables: ['persona', 'text'], modelId: versionBody().modelId, labels: ['latest'], commitMessage: 'test version' });
    expect(Object.keys(v1.json).sort()).toEqual(
      ['bedrock', 'cachePoints', 'commitMessage', 'created', 'createdAt', 'createdBy', 'createdByRef', 'fallbacks', 'guardrail', 'labels', 'modelId', 'name', 'outputSchema', 'params', 'template', 'toolChoice', 'tools', 'variables', 'version'],
    );
    expect(v1.json).toMatchObject({ tools: [], toolChoice: null, outputSchema: null, cachePoints: [], fallbacks: [] });
    expect(v1.json.created).toBe(true);
    expect((await addVersion(name)).json.version).toBe(2);
  });

  it('POST with nothing changed from the parent: 200 with the parent, created: false, nothing written', async () => {
    const name = await newPrompt();
    const body = versionBody({ commitMessage: 'first' });
    const post = (b: unknown) => call(r.versions.POST, 'POST', `/api/v1/prompts/${name}/versions`, { token: tok('admin'), params: { name }, body: b });
    expect((await post(body)).status).toBe(201);
    // Same content, another commit message and key order, labels asked for: still no change.
    const again = await post({ ...body, params: { maxTokens: 256, temperature: 0.2 }, commitMessage: 'again', labels: ['production'] });
    expect(again.status, again.text).toBe(200);
    expect(again.json).toMatchObject({ version: 1, created: false, commitMessage: 'first', labels: ['latest'] });
    const list = await call(r.versions.GET, 'GET', `/api/v1/prompts/${name}/versions`, { token: tok('viewer'), params: { name } });
    expect(list.json.items).toHaveLength(1);
    // parentVersion names the version the edit started from.
    expect((await post(versionBody({ commitMessage: 'v2' }))).status).toBe(201);
    const fromV1 = await post({ ...body, parentVersion: 1 });
    expect(fromV1.status).toBe(200);
    expect(fromV1.json).toMatchObject({ version: 1, created: false });
    expectApiError(await post({ ...body, parentVersion: 9 }), 404, 'not_found');
    expect((await post(body)).json).toMatchObject({ version: 3, created: true }); // v1's content again, but its parent is v2
  });

  it('POST 400 lists every bad field, 404 unknown prompt, 403 by role', async () => {
    const name = await newPrompt();
    expectFields(await addVersion(name, { params: { temperature: 1.5, topP: -1, topK: 1.5, maxTokens: 0, stopSequences: ['1', '2', '3', '4', '5'] } }),
      'params.temperature', 'params.topP', 'params.topK', 'params.maxTokens', 'params.stopSequences');
    expectFields(await addVersion(name, { modelId: 'not a model', template: { messages: [{ role: 'assistant', content: 'x' }] } }), 'modelId', 'template.messages.0.role');
    expectFields(await addVersion(name, { params: { seed: 1 } }), 'params');
    expectApiError(await addVersion(name, { template: { messages: [{ role: 'user', content: '{{#a}}' }] } }), 400, 'template_error');
    const bad = await call(r.versions.POST, 'POST', `/api/v1/prompts/${name}/versions`, { token: tok('editor'), params: { name }, rawBody: '{' });
    expectApiError(bad, 400, 'invalid_json');
    const missing = uniqueName('missing');
    expectApiError(await addVersion(missing), 404, 'not_found');
    expectApiError(await addVersion(name, {}, 'viewer'), 403, 'forbidden');
    expectApiError(await addVersion(name, {}, 'reviewer'), 403, 'forbidden');
    expectApiError(await addVersion(name, { labels: ['production'] }, 'editor'), 403, 'forbidden');
    const withLabel = await addVersion(name, { labels: ['production'] }, 'deployer');
    expect(withLabel.status).toBe(201);
    expect(withLabel.json).toMatchObject({ version: 1, labels: ['production', 'latest'] });
  });

  it('offers no way to change or delete a version', () => {
    const methods = (mod: object) => Object.keys(mod).filter((k) => /^(GET|HEAD|POST|PUT|PATCH|DELETE)$/.test(k)).sort();
    expect(methods(r.version)).toEqual(['GET']);
    expect(methods(r.versions)).toEqual(['GET', 'POST']);
  });

  it('GET lists newest first with pagination; GET one; 404s', async () => {
    const name = await newPrompt();
    for (let i = 0; i < 5; i++) await addVersion(name, { commitMessage: `m${i + 1}` });
    const list = (qs = '') => call(r.versions.GET, 'GET', `/api/v1/prompts/${name}/versions${qs}`, { token: tok('reviewer'), params: { name } });
    const all = await list();
    expect(all.json.items.map((v: { version: number }) => v.version)).toEqual([5, 4, 3, 2, 1]);
    expect(all.json.nextCursor).toBeNull();
    const seen: number[] = [];
    let cursor: string | null = null;
    do {
      const page = await list(`?limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      seen.push(...page.json.items.map((v: { version: number }) => v.version));
      cursor = page.json.nextCursor;
    } while (cursor);
    expect(seen).toEqual([5, 4, 3, 2, 1]);
    expectFields(await list('?limit=500'), 'limit');
    const one = await call(r.version.GET, 'GET', `/api/v1/prompts/${name}/versions/3`, { token: tok('viewer'), params: { name, version: '3' } });
    expect(one.status).toBe(200);
    expect(one.json).toMatchObject({ name, version: 3, commitMessage: 'm3' });
    for (const version of ['6', '0', 'abc', '1.5']) {
      expectApiError(await call(r.version.GET, 'GET', `/api/v1/prompts/${name}/versions/${version}`, { token: tok('viewer'), params: { name, version } }), 404, 'not_found');
    }
    const missing = uniqueName('missing');
    expectApiError(await call(r.versions.GET, 'GET', `/api/v1/prompts/${missing}/versions`, { token: tok('viewer'), params: { name: missing } }), 404, 'not_found');
  });
});

describe('GET /api/v1/prompts/{name} (serving)', () => {
  const serve = (name: string, qs = '', headers: Record<string, string> = {}) =>
    call(r.prompt.GET, 'GET', `/api/v1/prompts/${name}${qs}`, { token: tok('viewer'), params: { name }, headers });

  it('serves production by default, ?label=, ?version=; both 400; unknown label 404', async () => {
    const name = await newPrompt();
    for (let i = 0; i < 3; i++) await addVersion(name, { commitMessage: `v${i + 1}` });
    expectApiError(await serve(name), 404, 'not_found'); // no production yet
    await deploy(name, 'production', 2);
    await deploy(name, 'canary', 1);
    const prod = await serve(name);
    expect(prod.status).toBe(200);
    expect(prod.headers.get('content-type')).toMatch(/^application\/json/);
    expect(prod.json).toMatchObject({ name, version: 2, labels: ['production'] });
    expect((await serve(name, '?label=canary')).json.version).toBe(1);
    expect((await serve(name, '?label=latest')).json.version).toBe(3);
    expect((await serve(name, '?version=3')).json.commitMessage).toBe('v3');
    expectFields(await serve(name, '?label=canary&version=1'), 'label');
    expectFields(await serve(name, '?version=x'), 'version');
    expectApiError(await serve(name, '?label=nope'), 404, 'not_found');
    expectApiError(await serve(name, '?version=9'), 404, 'not_found');
    expectApiError(await serve(uniqueName('missing')), 404, 'not_found');
  });

  it('sends ETag; If-None-Match answers 304 with no body; a label move changes the answer', async () => {
    const name = await newPrompt();
    await addVersion(name);
    await addVersion(name);
    await deploy(name, 'production', 1);
    const first = await serve(name);
    const etag = first.headers.get('etag');
    expect(etag).toMatch(/^".+"$/);
    expect((await serve(name)).headers.get('etag')).toBe(etag);
    const cached = await serve(name, '', { 'if-none-match': etag! });
    expect(cached.status).toBe(304);
    expect(cached.text).toBe('');
    expect(cached.headers.get('etag')).toBe(etag);
    await deploy(name, 'production', 2);
    const moved = await serve(name, '', { 'if-none-match': etag! });
    expect(moved.status).toBe(200);
    expect(moved.json.version).toBe(2);
    expect(moved.headers.get('etag')).not.toBe(etag);
  });
});

describe('POST /api/v1/prompts/{name}/render', () => {
  it('renders by label or version; missing variables 400 with names', async () => {
    const name = await newPrompt();
    await addVersion(name);
    await addVersion(name, { template: { messages: [{ role: 'user', content: 'Hello {{who}}' }] } });
    await deploy(name, 'production', 1);
    const render = (body: unknown, role: keyof ApiEnv['tokens'] = 'viewer') =>
      call(r.render.POST, 'POST', `/api/v1/prompts/${name}/render`, { token: tok(role), params: { name }, body });
    const prod = await render({ variables: { persona: 'terse', text: 'abc' } });
    expect(prod.status).toBe(200);
    expect(prod.json).toEqual({ version: 1, system: 'You are terse.', messages: [{ role: 'user', content: 'Summarise: abc' }] });
    expect((await render({ version: 2, variables: { who: 'you' } })).json).toEqual({ version: 2, system: null, messages: [{ role: 'user', content: 'Hello you' }] });
    expect((await render({ label: 'latest', variables: { who: 'me' } })).json.version).toBe(2);
    const details = expectApiError(await render({ variables: { text: 'abc' } }), 400, 'missing_variables');
    expect(details).toEqual({ missing: ['persona'] });
    expectFields(await render({ label: 'production', version: 1, variables: {} }), 'label');
    expectFields(await render({ variables: 'x' }), 'variables');
    expectApiError(await render({ label: 'nope', variables: {} }), 404, 'not_found');
    expectApiError(await call(r.render.POST, 'POST', `/api/v1/prompts/${name}/render`, { token: tok('viewer'), params: { name }, rawBody: '{]' }), 400, 'invalid_json');
    expectApiError(await call(r.render.POST, 'POST', `/api/v1/prompts/${name}/render`, { params: { name }, body: {} }), 401, 'unauthorized');
  });
});

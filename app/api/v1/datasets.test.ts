import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, expectApiError, expectFields, startApi, type ApiEnv, type CallOptions } from '@/lib/test/api';
import { uniqueName } from '@/lib/test/db';
import { loadRoutes, type Routes } from '@/lib/test/routes';

let api: ApiEnv;
let r: Routes;
beforeAll(async () => {
  api = await startApi();
  r = await loadRoutes();
});
afterAll(async () => {
  await api?.close();
});

const reviewer = () => api.tokens.reviewer;
const q = (name: string) => ({ params: { dataset: name } });

async function newDataset(): Promise<string> {
  const name = uniqueName('gt');
  const res = await call(r.datasets.POST, 'POST', '/api/v1/datasets', { token: reviewer(), body: { name, description: 'Ground truth' } });
  expect(res.status).toBe(201);
  expect(res.json).toMatchObject({ name, examples: 0, revision: 0 });
  return name;
}
const get = async (name: string) => (await call(r.dataset.GET, 'GET', `/api/v1/datasets/${name}`, { token: api.tokens.viewer, ...q(name) })).json;
const add = (name: string, body: unknown, token = reviewer()) => call(r.examples.POST, 'POST', `/api/v1/datasets/${name}/examples`, { token, ...q(name), body });
const list = (name: string, query = '') => call(r.examples.GET, 'GET', `/api/v1/datasets/${name}/examples${query}`, { token: api.tokens.viewer, ...q(name) });
const importFile = (name: string, opts: CallOptions, query = '') => call(r.datasetImport.POST, 'POST', `/api/v1/datasets/${name}/import${query}`, { token: reviewer(), ...q(name), ...opts });
const auditFor = (name: string) => api.t.db.auditEvent.findMany({ where: { target: name }, orderBy: { id: 'asc' } });

describe('datasets', () => {
  it('create, read, change the description, delete; viewers read, editors cannot write', async () => {
    const name = await newDataset();
    expect((await call(r.datasets.POST, 'POST', '/api/v1/datasets', { token: reviewer(), body: { name } })).status).toBe(409);
    expect((await call(r.datasets.POST, 'POST', '/api/v1/datasets', { token: api.tokens.editor, body: { name: uniqueName('x') } })).status).toBe(403);
    const listed = await call(r.datasets.GET, 'GET', '/api/v1/datasets?limit=200', { token: api.tokens.viewer });
    expect(listed.json.items.map((d: { name: string }) => d.name)).toContain(name);
    const patched = await call(r.dataset.PATCH, 'PATCH', `/api/v1/datasets/${name}`, { token: reviewer(), ...q(name), body: { description: 'Moderation cases' } });
    expect(patched.json).toMatchObject({ name, description: 'Moderation cases', revision: 0 });
    expectApiError(await call(r.dataset.DELETE, 'DELETE', `/api/v1/datasets/${name}`, { token: api.tokens.viewer, ...q(name) }), 403, 'forbidden');
    expect((await call(r.dataset.DELETE, 'DELETE', `/api/v1/datasets/${name}`, { token: reviewer(), ...q(name) })).status).toBe(204);
    expectApiError(await call(r.dataset.GET, 'GET', `/api/v1/datasets/${name}`, { token: api.tokens.viewer, ...q(name) }), 404, 'not_found');
    expect((await auditFor(name)).map((a) => [a.action, a.actorType])).toEqual([
      ['dataset.create', 'api_key'],
      ['dataset.update', 'api_key'],
      ['dataset.delete', 'api_key'],
    ]);
  });
});

describe('examples', () => {
  it('one example or a batch: {ids, revision}; the revision grows with every change', async () => {
    const name = await newDataset();
    const one = await add(name, { variables: { comment: 'Buy now' }, expectedOutput: '{"violation": true}', tags: ['spam'] });
    expect(one.status).toBe(201);
    expect(one.json).toEqual({ ids: [expect.any(String)], revision: 1 });
    const batch = await add(name, { items: [{ variables: { comment: 'a' } }, { variables: { comment: 'b' }, expectedOutput: 'B', tags: ['x', 'x'] }, { variables: { n: 3 } }] });
    expect(batch.json.ids).toHaveLength(3);
    expect(batch.json.revision).toBe(2);
    const d = await get(name);
    expect(d).toMatchObject({ examples: 4, revision: 2 });
    // In the order added, with tags deduplicated and a missing expectedOutput as "".
    expect(d.items.map((e: { variables: unknown; expectedOutput: string; tags: string[] }) => [e.variables, e.expectedOutput, e.tags])).toEqual([
      [{ comment: 'Buy now' }, '{"violation": true}', ['spam']],
      [{ comment: 'a' }, '', []],
      [{ comment: 'b' }, 'B', ['x']],
      [{ n: 3 }, '', []],
    ]);
    expect(d.items.map((e: { id: string }) => e.id)).toEqual([...one.json.ids, ...batch.json.ids]);
    expect((await auditFor(name)).map((a) => a.action)).toEqual(['dataset.create', 'dataset.examples.add', 'dataset.examples.add']);
  });

  it('a batch with one bad item writes nothing, leaves the revision, and names the item and field', async () => {
    const name = await newDataset();
    await add(name, { variables: { a: '1' } });
    const bad = await add(name, { items: [{ variables: { a: 'ok' } }, { variables: { a: 'ok' } }, { variables: { a: 'x' }, expectedOutput: 42 }] });
    expectFields(bad, 'items.2.expectedOutput');
    expectFields(await add(name, { items: [{ variables: {}, tags: ['has space'] }] }), 'items.0.tags.0');
    expectFields(await add(name, { items: [{ variables: 'no' }] }), 'items.0.variables');
    expectFields(await add(name, { items: [{ variables: {}, invocationId: 'nope' }] }), 'items.0.invocationId');
    expectFields(await add(name, { items: [] }), 'items');
    expectFields(await add(name, { items: Array.from({ length: 1001 }, () => ({ variables: {} })) }), 'items');
    expectFields(await add(name, { variables: {}, surprise: 1 }), '(body)');
    expect(await get(name)).toMatchObject({ examples: 1, revision: 1 });
    expectApiError(await add(name, { variables: {} }, api.tokens.viewer), 403, 'forbidden');
    expectApiError(await add('no-such-dataset', { variables: {} }), 404, 'not_found');
  });

  it('1000 examples in one call', async () => {
    const name = await newDataset();
    const res = await add(name, { items: Array.from({ length: 1000 }, (_, i) => ({ variables: { i }, expectedOutput: String(i) })) });
    expect(res.status).toBe(201);
    expect(res.json.ids).toHaveLength(1000);
    expect(await get(name)).toMatchObject({ examples: 1000, revision: 1 });
  });

  it('pages with cursor and limit in the order added, and filters by tag', async () => {
    const name = await newDataset();
    await add(name, { items: ['a', 'b', 'c', 'd', 'e'].map((v, i) => ({ variables: { v }, tags: i % 2 ? ['odd'] : [] })) });
    const first = await list(name, '?limit=2');
    expect(first.json.items.map((e: { variables: { v: string } }) => e.variables.v)).toEqual(['a', 'b']);
    const second = await list(name, `?limit=2&cursor=${first.json.nextCursor}`);
    expect(second.json.items.map((e: { variables: { v: string } }) => e.variables.v)).toEqual(['c', 'd']);
    const third = await list(name, `?limit=2&cursor=${second.json.nextCursor}`);
    expect(third.json).toMatchObject({ items: [expect.objectContaining({ variables: { v: 'e' } })], nextCursor: null });
    expect((await list(name, '?tag=odd')).json.items.map((e: { variables: { v: string } }) => e.variables.v)).toEqual(['b', 'd']);
    expectFields(await list(name, '?limit=500'), 'limit');
    expectFields(await list(name, '?cursor=garbage'), 'cursor');
  });

  it('PATCH and DELETE an example: each bumps the revision; unknown or another dataset is 404', async () => {
    const name = await newDataset();
    const other = await newDataset();
    const [id] = (await add(name, { variables: { a: '1' }, expectedOutput: 'x' })).json.ids;
    const p = (body: unknown, ds = name, token = reviewer()) => call(r.example.PATCH, 'PATCH', `/api/v1/datasets/${ds}/examples/${id}`, { token, params: { dataset: ds, id }, body });
    const patched = await p({ expectedOutput: 'y', tags: ['fixed'] });
    expect(patched.status).toBe(200);
    expect(patched.json).toMatchObject({ revision: 2, example: { id, variables: { a: '1' }, expectedOutput: 'y', tags: ['fixed'] } });
    expect((await p({ variables: { a: '2' } })).json).toMatchObject({ revision: 3, example: { variables: { a: '2' }, expectedOutput: 'y' } });
    expectFields(await p({}), '(body)');
    expectFields(await p({ expectedOutput: 1 }), 'expectedOutput');
    expectApiError(await p({ expectedOutput: 'z' }, other), 404, 'not_found');
    expectApiError(await p({ expectedOutput: 'z' }, name, api.tokens.viewer), 403, 'forbidden');
    const del = (ds = name) => call(r.example.DELETE, 'DELETE', `/api/v1/datasets/${ds}/examples/${id}`, { token: reviewer(), params: { dataset: ds, id } });
    expectApiError(await del(other), 404, 'not_found');
    expect((await del()).json).toEqual({ id, revision: 4 });
    expectApiError(await del(), 404, 'not_found');
    expect(await get(name)).toMatchObject({ examples: 0, revision: 4 });
    expect((await auditFor(name)).map((a) => a.action)).toEqual(['dataset.create', 'dataset.examples.add', 'dataset.example.update', 'dataset.example.update', 'dataset.example.delete']);
  });
});

describe('from invocations', () => {
  async function logged(variables: Record<string, string | number> | null, text: string | null, toolCalls?: { name: string; input: Record<string, number>; toolUseId: string }[]): Promise<string> {
    const inv = await api.t.db.invocation.create({
      data: {
        promptName: 'moderate',
        promptVersion: 2,
        modelId: 'amazon.nova-lite-v1:0',
        status: text === null ? 'error' : 'ok',
        source: 'api',
        caller: 'test',
        input: { messages: [{ role: 'user', content: 'x' }] },
        ...(variables ? { variables } : {}),
        ...(text !== null ? { output: { text, ...(toolCalls ? { toolCalls } : {}) } } : {}),
      },
    });
    return inv.id;
  }
  const from = (name: string, body: unknown) => call(r.fromInvocations.POST, 'POST', `/api/v1/datasets/${name}/examples/from-invocations`, { token: reviewer(), ...q(name), body });

  it('variables from each invocation; expected output from its output or the value given', async () => {
    const name = await newDataset();
    const a = await logged({ comment: 'Buy now' }, '{"violation": true}');
    const b = await logged({ comment: 'Nice post' }, null);
    const res = await from(name, { invocationIds: [a, b] });
    expect(res.status).toBe(201);
    expect(res.json.revision).toBe(1);
    const d = await get(name);
    expect(d.items.map((e: { invocationId: string; variables: unknown; expectedOutput: string; promptName: string; promptVersion: number }) => [e.invocationId, e.variables, e.expectedOutput, e.promptName, e.promptVersion])).toEqual([
      [a, { comment: 'Buy now' }, '{"violation": true}', 'moderate', 2],
      [b, { comment: 'Nice post' }, '', 'moderate', 2],
    ]);
    await from(name, { invocationIds: [b], expectedOutput: '{"violation": false}', tags: ['reviewed'] });
    expect((await get(name)).items[2]).toMatchObject({ invocationId: b, expectedOutput: '{"violation": false}', tags: ['reviewed'] });
  });

  it('an answer with tool calls gives the JSON document experiments evaluate as its expected output', async () => {
    const name = await newDataset();
    const a = await logged({ question: 'Where is order 1234?' }, '', [{ name: 'lookup_order', input: { orderId: 1234 }, toolUseId: 'tooluse_1' }]);
    expect((await from(name, { invocationIds: [a] })).status).toBe(201);
    expect((await get(name)).items[0].expectedOutput).toBe('{"text":"","toolCalls":[{"name":"lookup_order","input":{"orderId":1234}}]}');
  });

  it('an unknown id names its index and nothing is written', async () => {
    const name = await newDataset();
    const a = await logged({ x: 1 }, 'out');
    expectFields(await from(name, { invocationIds: [a, '00000000-0000-7000-8000-000000000000'] }), 'invocationIds.1');
    expectFields(await from(name, { invocationIds: [a, a] }), 'invocationIds');
    expectFields(await from(name, { invocationIds: [] }), 'invocationIds');
    expect(await get(name)).toMatchObject({ examples: 0, revision: 0 });
  });
});

describe('import and export', () => {
  const csv = (body: string) => ({ rawBody: body, contentType: 'text/csv' });

  it('a dry run previews rows and names the bad one; a commit with it writes nothing; fixed, all rows go in', async () => {
    const name = await newDataset();
    const bad = 'comment,expectedOutput,tags\n"Buy now, cheap",spam,"a,b"\n"two\nlines",ok,\nlast,x,has\u0000nul\n';
    const preview = await importFile(name, csv(bad), '?dryRun=1');
    expect(preview.status).toBe(200);
    expect(preview.json).toMatchObject({ format: 'csv', dryRun: true, total: 3, valid: 2, written: 0, ids: [], revision: 0, columns: ['comment', 'expectedOutput', 'tags'] });
    expect(preview.json.rows[0]).toMatchObject({ row: 1, line: 2, variables: { comment: 'Buy now, cheap' }, expectedOutput: 'spam', tags: ['a', 'b'], ok: true });
    expect(preview.json.rows[1]).toMatchObject({ row: 2, line: 3, variables: { comment: 'two\nlines' }, ok: true });
    expect(preview.json.errors).toEqual([{ row: 3, line: 5, field: 'tags', message: expect.stringMatching(/NUL/) }]);
    const commit = await importFile(name, csv(bad));
    const details = expectApiError(commit, 400, 'validation_error') as { path: string; row: number; line: number }[];
    expect(details[0]).toMatchObject({ path: 'rows.3.tags', row: 3, line: 5 });
    expect(commit.json.error.message).toMatch(/1 of 3 rows.*nothing was written/);
    expect(await get(name)).toMatchObject({ examples: 0, revision: 0 });
    // The same through JSON {content} (the console sends this).
    const fixed = await importFile(name, { body: { content: bad.replace('has\u0000nul', 'fine'), format: 'csv' } });
    expect(fixed.json).toMatchObject({ dryRun: false, written: 3, revision: 1 });
    expect(fixed.json.ids).toHaveLength(3);
    expect(await get(name)).toMatchObject({ examples: 3, revision: 1 });
    expect((await auditFor(name)).at(-1)).toMatchObject({ action: 'dataset.import', details: { count: 3, revision: 1, format: 'csv' } });
  });

  it('CSV with a BOM, CRLF and unicode; JSON Lines as a raw body; dryRun in the query', async () => {
    const name = await newDataset();
    const bom = await importFile(name, csv('\ufefftext,expectedOutput\r\n"héllo ""你好""\r\n👩‍💻",✓\r\n'));
    expect(bom.json).toMatchObject({ columns: ['text', 'expectedOutput'], written: 1 });
    expect((await get(name)).items[0]).toMatchObject({ variables: { text: 'héllo "你好"\n👩‍💻' }, expectedOutput: '✓' });
    const jsonl = '{"variables": {"n": 1}, "expectedOutput": "a"}\n{"comment": "flat", "expectedOutput": {"violation": true}, "tags": ["t"]}\n';
    const dry = await importFile(name, { rawBody: jsonl, contentType: 'application/x-ndjson' }, '?dryRun=true');
    expect(dry.json).toMatchObject({ format: 'jsonl', dryRun: true, total: 2, valid: 2, written: 0 });
    const done = await importFile(name, { rawBody: jsonl, contentType: 'application/x-ndjson; charset=utf-8' });
    expect(done.json).toMatchObject({ written: 2, revision: 2 });
    expect((await get(name)).items.slice(1).map((e: { variables: unknown; expectedOutput: string }) => [e.variables, e.expectedOutput])).toEqual([
      [{ n: 1 }, 'a'],
      [{ comment: 'flat' }, '{"violation":true}'],
    ]);
  });

  it('hostile files are 4xx and write nothing', async () => {
    const name = await newDataset();
    const latin1 = new Uint8Array([0x61, 0x0a, 0xe9, 0x0a]);
    expectApiError(await importFile(name, { rawBody: latin1, contentType: 'text/csv' }), 400, 'validation_error');
    expectApiError(await importFile(name, { rawBody: 'a\nb\n', contentType: 'text/csv; charset=iso-8859-1' }), 415, 'unsupported_media_type');
    expectApiError(await importFile(name, { rawBody: '<a/>', contentType: 'application/xml' }), 415, 'unsupported_media_type');
    expectApiError(await importFile(name, { rawBody: 'a\nb\n', contentType: 'text/plain' }), 415, 'unsupported_media_type');
    expectApiError(await importFile(name, { rawBody: 'a,b\n', contentType: 'multipart/form-data; boundary=x' }), 415, 'unsupported_media_type');
    expectFields(await importFile(name, { body: { content: 'a\u0000,b\n1,2\n' } }), 'content');
    expectFields(await importFile(name, csv('')), 'content');
    expectFields(await importFile(name, csv('a,,b\n1,2,3\n')), 'content');
    expectFields(await importFile(name, { body: { content: 'x', format: 'xml' } }), 'format');
    expectFields(await importFile(name, { body: {} }), 'content');
    const huge = 'a,expectedOutput\n' + 'x,y\n'.repeat(1_400_000);
    expectApiError(await importFile(name, csv(huge)), 413, 'payload_too_large');
    expectApiError(await importFile(name, csv('a\n' + 'x\n'.repeat(10_001))), 413, 'payload_too_large');
    expectApiError(await importFile(name, csv('a,expectedOutput\n1,2\n'), '?dryRun=maybe'), 400, 'validation_error');
    expectApiError(await importFile(name, { ...csv('a\n1\n'), token: api.tokens.viewer }), 403, 'forbidden');
    expect(await get(name)).toMatchObject({ examples: 0, revision: 0 });
  });

  it('exports JSON Lines and CSV with the file headers, and the export imports back', async () => {
    const name = await newDataset();
    await add(name, {
      items: [
        { variables: { comment: 'Say "hi",\nthen go', n: 2 }, expectedOutput: '{"violation": false}', tags: ['a', 'b'] },
        { variables: { comment: 'ünïcödé 🙂' }, expectedOutput: 'x' },
      ],
    });
    const ex = (format: string) => call(r.datasetExport.GET, 'GET', `/api/v1/datasets/${name}/export?format=${format}`, { token: api.tokens.viewer, ...q(name) });
    const jsonl = await ex('jsonl');
    expect(jsonl.status).toBe(200);
    expect(jsonl.headers.get('content-type')).toBe('application/x-ndjson; charset=utf-8');
    expect(jsonl.headers.get('content-disposition')).toBe(`attachment; filename="${name}-r1.jsonl"`);
    expect(jsonl.text.trim().split('\n').map((l) => JSON.parse(l))).toEqual([
      { variables: { comment: 'Say "hi",\nthen go', n: 2 }, expectedOutput: '{"violation": false}', tags: ['a', 'b'] },
      { variables: { comment: 'ünïcödé 🙂' }, expectedOutput: 'x', tags: [] },
    ]);
    const c = await ex('csv');
    expect(c.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(c.headers.get('content-disposition')).toBe(`attachment; filename="${name}-r1.csv"`);
    // Variables come back in jsonb's key order (shorter keys first).
    expect(c.text.startsWith('n,comment,expectedOutput,tags\r\n2,"Say ""hi"",\nthen go","{""violation"": false}","a,b"\r\n')).toBe(true);
    expectFields(await ex('xml'), 'format');
    // Round trip: JSON Lines keeps types exactly; CSV keeps the text.
    const copy = await newDataset();
    expect((await importFile(copy, { rawBody: jsonl.text, contentType: 'application/x-ndjson' })).json.written).toBe(2);
    expect((await importFile(copy, csv(c.text))).json.written).toBe(2);
    const items = (await get(copy)).items.map((e: { variables: unknown; expectedOutput: string; tags: string[] }) => [e.variables, e.expectedOutput, e.tags]);
    expect(items).toEqual([
      [{ comment: 'Say "hi",\nthen go', n: 2 }, '{"violation": false}', ['a', 'b']],
      [{ comment: 'ünïcödé 🙂' }, 'x', []],
      [{ comment: 'Say "hi",\nthen go', n: '2' }, '{"violation": false}', ['a', 'b']],
      [{ comment: 'ünïcödé 🙂', n: '' }, 'x', []],
    ]);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, startApi, type ApiEnv } from '@/lib/test/api';
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

async function invocation(prompt = uniqueName('fbapi')): Promise<string> {
  const res = await call(r.invocations.POST, 'POST', '/api/v1/invocations', {
    token: api.tokens.editor,
    body: { promptName: prompt, promptVersion: 1, modelId: 'amazon.nova-lite-v1:0', input: { messages: [{ role: 'user', content: 'hi' }] }, status: 'ok' },
  });
  return res.json.ids[0] as string;
}

const vote = (id: string, body: unknown, token = api.tokens.viewer) => call(r.feedback.POST, 'POST', `/api/v1/invocations/${id}/feedback`, { token, params: { id }, body });

describe('POST /api/v1/invocations/{id}/feedback', () => {
  it('201 with the vote; the same userRef replaces its vote; the detail lists feedback', async () => {
    const id = await invocation();
    const first = await vote(id, { score: 1, userRef: 'end-user-7' });
    expect(first.status).toBe(201);
    expect(first.json).toMatchObject({ score: 1, userRef: 'end-user-7', comment: null });
    expect((await vote(id, { score: -1, userRef: 'end-user-7', comment: 'Wrong size' })).status).toBe(201);
    const detail = await call(r.invocation.GET, 'GET', `/api/v1/invocations/${id}`, { token: api.tokens.viewer, params: { id } });
    expect(detail.json.feedback).toEqual([expect.objectContaining({ score: -1, comment: 'Wrong size', userRef: 'end-user-7' })]);
    const down = await call(r.invocations.GET, 'GET', `/api/v1/invocations?feedback=down&limit=200`, { token: api.tokens.viewer });
    expect(down.json.items.map((i: { id: string }) => i.id)).toContain(id);
  });

  it('400 for bad scores, 404 for unknown invocations, 401 without a key', async () => {
    const id = await invocation();
    const bad = await vote(id, { score: 5 });
    expect(bad.status).toBe(400);
    expect(bad.json.error.details[0].path).toBe('score');
    expect((await vote(id, { score: 1, comment: 3 })).status).toBe(400);
    expect((await call(r.feedback.POST, 'POST', `/api/v1/invocations/${id}/feedback`, { token: api.tokens.viewer, params: { id }, rawBody: '{' })).status).toBe(400);
    const missing = await vote('00000000-0000-7000-8000-000000000000', { score: 1 });
    expect(missing.status).toBe(404);
    expect(missing.json.error.code).toBe('not_found');
    expect((await call(r.feedback.POST, 'POST', `/api/v1/invocations/${id}/feedback`, { params: { id }, body: { score: 1 } })).status).toBe(401);
  });
});

describe('review queue and datasets over HTTP', () => {
  it('a thumbs-down shows up in the queue; a reviewer resolves it; a second resolve gets 409', async () => {
    const prompt = uniqueName('fbq');
    const id = await invocation(prompt);
    await vote(id, { score: -1, comment: 'Rude tone' });
    const queue = await call(r.queue.GET, 'GET', `/api/v1/review-queue?prompt=${prompt}`, { token: api.tokens.reviewer });
    expect(queue.status).toBe(200);
    expect(queue.json.items.map((i: { invocationId: string }) => i.invocationId)).toEqual([id]);
    expect(queue.json.counts.open).toBeGreaterThan(0);
    const resolve = (token: string) => call(r.resolve.POST, 'POST', `/api/v1/review-queue/${id}/resolve`, { token, params: { id }, body: { category: 'tone', note: 'Fixed in v2' } });
    expect((await resolve(api.tokens.editor)).status).toBe(403);
    const ok = await resolve(api.tokens.reviewer);
    expect(ok.status).toBe(200);
    expect(ok.json).toMatchObject({ status: 'resolved', category: 'tone' });
    const again = await resolve(api.tokens.admin);
    expect(again.status).toBe(409);
    expect(again.json.error.code).toBe('conflict');
  });

  it('reviewers create datasets and add examples; viewers read them; editors cannot write', async () => {
    const name = uniqueName('gt');
    expect((await call(r.datasets.POST, 'POST', '/api/v1/datasets', { token: api.tokens.editor, body: { name } })).status).toBe(403);
    expect((await call(r.datasets.POST, 'POST', '/api/v1/datasets', { token: api.tokens.reviewer, body: { name: 'Bad Name' } })).status).toBe(400);
    expect((await call(r.datasets.POST, 'POST', '/api/v1/datasets', { token: api.tokens.reviewer, body: { name } })).status).toBe(201);
    const id = await invocation();
    const ex = await call(r.examples.POST, 'POST', `/api/v1/datasets/${name}/examples`, { token: api.tokens.reviewer, params: { dataset: name }, body: { invocationId: id, variables: { a: '1' }, expectedOutput: 'right answer' } });
    expect(ex.status).toBe(201);
    const d = await call(r.dataset.GET, 'GET', `/api/v1/datasets/${name}`, { token: api.tokens.viewer, params: { dataset: name } });
    expect(d.json).toMatchObject({ name, examples: 1 });
    expect(d.json.items[0]).toMatchObject({ expectedOutput: 'right answer', invocationId: id });
  });
});

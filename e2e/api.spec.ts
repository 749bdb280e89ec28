import { expect, test } from '@playwright/test';
import { auth, servedVersion, uniquePromptName } from './helpers';

/** The HTTP contract through the production server (including the serving fast path). */
test.describe('API on the production server', () => {
  test('serving: ETag/304, label moves and rollbacks are visible at once', async ({ request }) => {
    const name = uniquePromptName('e2e-api');
    expect((await request.post('/api/v1/prompts', { headers: auth, data: { name, tags: ['e2e'] } })).status()).toBe(201);
    for (const text of ['Hello {{who}}', 'Hi {{who}}!']) {
      const r = await request.post(`/api/v1/prompts/${name}/versions`, {
        headers: auth,
        data: { template: { messages: [{ role: 'user', content: text }] }, modelId: 'anthropic.claude-3-5-haiku-20241022-v1:0', params: { temperature: 0.1 } },
      });
      expect(r.status()).toBe(201);
    }
    // No production label yet.
    const missing = await request.get(`/api/v1/prompts/${name}`, { headers: auth });
    expect(missing.status()).toBe(404);
    expect((await missing.json()).error.code).toBe('not_found');

    expect((await request.put(`/api/v1/prompts/${name}/labels/production`, { headers: auth, data: { version: 1, expectedVersion: null } })).status()).toBe(200);
    expect(await servedVersion(request, name)).toBe(1);
    expect((await request.put(`/api/v1/prompts/${name}/labels/production`, { headers: auth, data: { version: 2, expectedVersion: 1 } })).status()).toBe(200);

    const served = await request.get(`/api/v1/prompts/${name}`, { headers: auth });
    expect(served.status()).toBe(200);
    const etag = served.headers()['etag'];
    expect(etag).toBeTruthy();
    expect((await served.json()).version).toBe(2);
    const again = await request.get(`/api/v1/prompts/${name}`, { headers: { ...auth, 'if-none-match': etag! } });
    expect(again.status()).toBe(304);

    const rb = await request.post(`/api/v1/prompts/${name}/labels/production/rollback`, { headers: auth, data: { reason: 'e2e' } });
    expect(rb.status()).toBe(200);
    expect(await rb.json()).toEqual({ label: 'production', version: 1, previousVersion: 2 });
    // Visible immediately, and the old ETag no longer matches.
    const after = await request.get(`/api/v1/prompts/${name}`, { headers: { ...auth, 'if-none-match': etag! } });
    expect(after.status()).toBe(200);
    expect((await after.json()).version).toBe(1);

    const conflict = await request.put(`/api/v1/prompts/${name}/labels/production`, { headers: auth, data: { version: 2, expectedVersion: 2 } });
    expect(conflict.status()).toBe(409);
    expect((await conflict.json()).error).toMatchObject({ code: 'label_conflict', details: { currentVersion: 1 } });
  });

  test('errors are JSON with the uniform shape, never HTML', async ({ request }) => {
    const noKey = await request.get('/api/v1/prompts');
    expect(noKey.status()).toBe(401);
    expect((await noKey.json()).error.code).toBe('unauthorized');
    const badKey = await request.get('/api/v1/prompts/comment-moderation', { headers: { authorization: 'Bearer nope' } });
    expect(badKey.status()).toBe(401);
    const unknown = await request.get('/api/v1/does-not-exist', { headers: auth });
    expect(unknown.status()).toBe(404);
    expect(unknown.headers()['content-type']).toContain('application/json');
    const badJson = await request.post('/api/v1/prompts', { headers: { ...auth, 'content-type': 'application/json' }, data: Buffer.from('{nope') });
    expect(badJson.status()).toBe(400);
    expect((await badJson.json()).error.code).toBe('invalid_json');
    const both = await request.get('/api/v1/prompts/comment-moderation?label=production&version=1', { headers: auth });
    expect(both.status()).toBe(400);
    const openapi = await request.get('/api/v1/openapi.json');
    expect(openapi.status()).toBe(200);
    expect(Object.keys((await openapi.json()).paths)).toContain('/api/v1/prompts/{name}/labels/{label}/rollback');
  });
});

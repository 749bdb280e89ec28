import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, expectApiError, startApi, type ApiEnv } from '@/lib/test/api';
import { uniqueName } from '@/lib/test/db';
import { loadRoutes, type Routes } from '@/lib/test/routes';

/** Bad input of the awkward kinds gets a 400 (or the right 4xx), never a 500. */
let api: ApiEnv;
let r: Routes;
let name: string;
beforeAll(async () => {
  api = await startApi();
  r = await loadRoutes();
  name = uniqueName('robust');
  const token = api.tokens.deployer;
  await call(r.prompts.POST, 'POST', '/api/v1/prompts', { token, body: { name } });
  await call(r.versions.POST, 'POST', `/api/v1/prompts/${name}/versions`, {
    token,
    params: { name },
    body: { template: { messages: [{ role: 'user', content: 'Hi {{who}} {{constructor}}' }] }, modelId: 'amazon.nova-lite-v1:0', labels: ['production'] },
  });
});
afterAll(async () => {
  await api?.close();
});

const HUGE = 99_999_999_999;

describe('numbers beyond PostgreSQL INTEGER', () => {
  it('are refused as bad input', async () => {
    const t = api.tokens.deployer;
    expectApiError(await call(r.prompt.GET, 'GET', `/api/v1/prompts/${name}?version=${HUGE}`, { token: t, params: { name } }), 400, 'validation_error');
    expectApiError(await call(r.label.PUT, 'PUT', `/api/v1/prompts/${name}/labels/x`, { token: t, params: { name, label: 'x' }, body: { version: HUGE } }), 400, 'validation_error');
    expectApiError(await call(r.version.GET, 'GET', `/api/v1/prompts/${name}/versions/${HUGE}`, { token: t, params: { name, version: String(HUGE) } }), 404, 'not_found');
    const rec = { modelId: 'amazon.nova-lite-v1:0', input: { messages: [{ role: 'user', content: 'x' }] }, status: 'ok', promptVersion: HUGE };
    expectApiError(await call(r.invocations.POST, 'POST', '/api/v1/invocations', { token: t, body: rec }), 400, 'validation_error');
    expectApiError(await call(r.invocations.GET, 'GET', `/api/v1/invocations?prompt=${name}&version=${HUGE}`, { token: t }), 400, 'validation_error');
    const cursor = Buffer.from('1e20').toString('base64url');
    expectApiError(await call(r.promptHistory.GET, 'GET', `/api/v1/prompts/${name}/history?cursor=${cursor}`, { token: t, params: { name } }), 400, 'validation_error');
    expectApiError(await call(r.versions.GET, 'GET', `/api/v1/prompts/${name}/versions?cursor=${cursor}`, { token: t, params: { name } }), 400, 'validation_error');
    const badDate = Buffer.from(JSON.stringify(['nope', 'x'])).toString('base64url');
    expectApiError(await call(r.apiKeys.GET, 'GET', `/api/v1/api-keys?cursor=${badDate}`, { token: api.tokens.admin }), 400, 'validation_error');
  });
});

describe('the NUL character', () => {
  it('is refused in bodies and in query strings', async () => {
    const t = api.tokens.editor;
    const rec = { modelId: 'amazon.nova-lite-v1:0', input: { messages: [{ role: 'user', content: 'a\u0000b' }] }, status: 'ok' };
    const res = await call(r.invocations.POST, 'POST', '/api/v1/invocations', { token: t, body: rec });
    expectApiError(res, 400, 'validation_error');
    expect(res.json.error.details[0].path).toBe('input.messages.0.content');
    expectApiError(await call(r.prompts.GET, 'GET', '/api/v1/prompts?q=%00', { token: t }), 400, 'validation_error');
  });
});

describe('other awkward inputs', () => {
  it('a malformed selector is refused the same way whether or not the answer is cached', async () => {
    const t = api.tokens.viewer;
    expect((await call(r.prompt.GET, 'GET', `/api/v1/prompts/${name}?label=latest`, { token: t, params: { name } })).status).toBe(200);
    expectApiError(await call(r.prompt.GET, 'GET', `/api/v1/prompts/${name}?label=latest&version=`, { token: t, params: { name } }), 400, 'validation_error');
    expectApiError(await call(r.prompt.GET, 'GET', `/api/v1/prompts/${name}?label=`, { token: t, params: { name } }), 400, 'validation_error');
  });

  it('a mangled session cookie is no session (401), not a crash', async () => {
    expectApiError(await call(r.prompts.GET, 'GET', '/api/v1/prompts', { headers: { cookie: 'promptdeck_session=%' } }), 401, 'unauthorized');
  });

  it('inherited names such as {{constructor}} are missing variables, not "[object Object]"', async () => {
    const res = await call(r.render.POST, 'POST', `/api/v1/prompts/${name}/render`, { token: api.tokens.viewer, params: { name }, body: { variables: { who: 'Ann' } } });
    expectApiError(res, 400, 'missing_variables');
    expect(res.json.error.details.missing).toEqual(['constructor']);
  });

  it('filters invocations by version alone', async () => {
    expect((await call(r.invocations.GET, 'GET', '/api/v1/invocations?version=1', { token: api.tokens.viewer })).status).toBe(200);
  });

  it('a metrics window that ends before it starts is bad input', async () => {
    expectApiError(await call(r.bedrockMetrics.GET, 'GET', '/api/v1/metrics/bedrock?from=2099-01-01T00:00:00Z', { token: api.tokens.viewer }), 400, 'validation_error');
  });

  it('a JSON endpoint refuses text/plain, form posts and bodies without a type (415), and takes +json', async () => {
    const t = api.tokens.editor;
    for (const contentType of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', null]) {
      expectApiError(await call(r.prompts.POST, 'POST', '/api/v1/prompts', { token: t, rawBody: JSON.stringify({ name: uniqueName('ct') }), contentType }), 415, 'unsupported_media_type');
    }
    expectApiError(await call(r.session.POST, 'POST', '/api/v1/auth/session', { rawBody: '{"email":"a@b.c","password":"x"}', contentType: 'text/plain' }), 415, 'unsupported_media_type');
    for (const contentType of ['application/json; charset=UTF-8', 'application/merge-patch+json']) {
      expect((await call(r.prompts.POST, 'POST', '/api/v1/prompts', { token: t, body: { name: uniqueName('ct') }, contentType })).status).toBe(201);
    }
  });

  it('JSON nested thousands deep is a 400 on every endpoint, signed in or not', async () => {
    const deep = `${'['.repeat(5000)}${']'.repeat(5000)}`;
    for (const [route, path] of [
      [r.session.POST, '/api/v1/auth/session'],
      [r.setup.POST, '/api/v1/auth/setup'],
    ] as const) {
      const res = await call(route, 'POST', path, { rawBody: deep });
      expectApiError(res, 400, 'validation_error');
      expect(res.json.error.details[0].message).toMatch(/nested more than 64 levels/);
    }
    expectApiError(await call(r.invocations.POST, 'POST', '/api/v1/invocations', { token: api.tokens.editor, rawBody: `{"metadata":${deep}}` }), 400, 'validation_error');
  });

  it('a lone surrogate is refused wherever text is stored, and in path parameters', async () => {
    const rec = { modelId: 'amazon.nova-lite-v1:0', input: { messages: [{ role: 'user', content: 'x' }] }, output: { text: 'a\ud800b' }, status: 'ok' };
    const res = await call(r.invocations.POST, 'POST', '/api/v1/invocations', { token: api.tokens.editor, body: rec });
    expectApiError(res, 400, 'validation_error');
    expect(res.json.error.details[0].path).toBe('output.text');
    expectApiError(await call(r.versions.GET, 'GET', '/api/v1/prompts/x/versions', { token: api.tokens.viewer, params: { name: 'a\u0000b' } }), 400, 'validation_error');
    expectApiError(await call(r.versions.GET, 'GET', '/api/v1/prompts/x/versions', { token: api.tokens.viewer, params: { name: 'a\udc00' } }), 400, 'validation_error');
  });

  it('?source= on invoke outside its values is a 400', async () => {
    const res = await call(r.invoke.POST, 'POST', `/api/v1/prompts/${name}/invoke?source=evil`, { token: api.tokens.viewer, params: { name }, body: { variables: { who: 'x' } } });
    expectApiError(res, 400, 'validation_error');
    expect(res.json.error.details[0].path).toBe('source');
  });
});

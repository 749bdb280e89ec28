import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAwsSim, type AwsSim } from '@/lib/aws-sim';
import { createSession } from '@/lib/auth/sessions';
import { createUser } from '@/lib/auth/users';
import { resetEnvCache } from '@/lib/env';
import { call, startApi, type ApiEnv } from '@/lib/test/api';
import { ctxFor, uniqueName } from '@/lib/test/db';
import { loadRoutes, type Routes } from '@/lib/test/routes';

/** The gateway and the invocation log over HTTP, with the real SDK reaching the stand-in. */
let api: ApiEnv;
let r: Routes;
let sim: AwsSim;

beforeAll(async () => {
  sim = await startAwsSim();
  Object.assign(process.env, sim.clientEnv, { AWS_MAX_ATTEMPTS: '2' });
  api = await startApi();
  resetEnvCache();
  r = await loadRoutes();
});
afterAll(async () => {
  await api?.close();
  await sim?.stop();
});

async function promptWithProduction(): Promise<string> {
  const name = uniqueName('inv');
  const token = api.tokens.deployer;
  expect((await call(r.prompts.POST, 'POST', '/api/v1/prompts', { token, body: { name } })).status).toBe(201);
  const v = await call(r.versions.POST, 'POST', `/api/v1/prompts/${name}/versions`, {
    token,
    params: { name },
    body: { template: { messages: [{ role: 'user', content: 'Summarize: {{text}}' }] }, modelId: 'amazon.nova-lite-v1:0', labels: ['production'] },
  });
  expect(v.status).toBe(201);
  return name;
}

describe('POST /api/v1/prompts/{name}/invoke', () => {
  it('answers JSON and the call is in the log', async () => {
    const name = await promptWithProduction();
    const res = await call(r.invoke.POST, 'POST', `/api/v1/prompts/${name}/invoke`, { token: api.tokens.viewer, params: { name }, body: { variables: { text: 'A long story.' } } });
    expect(res.status).toBe(200);
    expect(Object.keys(res.json).sort()).toEqual(['canary', 'costUsd', 'invocationId', 'latencyMs', 'modelId', 'output', 'stopReason', 'timeToFirstTokenMs', 'usage', 'version']);
    const one = await call(r.invocation.GET, 'GET', `/api/v1/invocations/${res.json.invocationId}`, { token: api.tokens.viewer, params: { id: res.json.invocationId } });
    expect(one.status).toBe(200);
    expect(one.json).toMatchObject({ promptName: name, promptVersion: 1, label: 'production', status: 'ok', source: 'api' });
  });

  it('streams server-sent events: deltas, then done with the same object', async () => {
    const name = await promptWithProduction();
    const res = await call(r.invoke.POST, 'POST', `/api/v1/prompts/${name}/invoke`, { token: api.tokens.viewer, params: { name }, body: { variables: { text: 'x' }, stream: true } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/event-stream');
    const events = res.text
      .trim()
      .split('\n\n')
      .map((block) => ({ event: /^event: (.+)$/m.exec(block)?.[1], data: JSON.parse(/^data: (.+)$/m.exec(block)?.[1] ?? 'null') as Record<string, unknown> }));
    const deltas = events.filter((e) => e.event === 'delta');
    const done = events.at(-1);
    expect(deltas.length).toBeGreaterThan(0);
    expect(done?.event).toBe('done');
    expect((done?.data.output as { text: string }).text).toBe(deltas.map((d) => d.data.text).join(''));
  });

  it('answers 429 throttled with the invocation id, and the throttled call is logged', async () => {
    const name = await promptWithProduction();
    sim.setConfig({ rpm: 0 });
    try {
      const res = await call(r.invoke.POST, 'POST', `/api/v1/prompts/${name}/invoke`, { token: api.tokens.viewer, params: { name }, body: { variables: { text: 'x' } } });
      expect(res.status).toBe(429);
      expect(res.json.error.code).toBe('throttled');
      const id = res.json.error.details.invocationId as string;
      const logged = await call(r.invocation.GET, 'GET', `/api/v1/invocations/${id}`, { token: api.tokens.viewer, params: { id } });
      expect(logged.json).toMatchObject({ status: 'throttled', errorCode: 'ThrottlingException', attempts: 2 });
      const list = await call(r.invocations.GET, 'GET', `/api/v1/invocations?prompt=${name}&status=throttled`, { token: api.tokens.viewer });
      expect(list.json.items.map((i: { id: string }) => i.id)).toEqual([id]);
    } finally {
      sim.setConfig({ rpm: 600 });
    }
  });

  it('logs browser-session runs with ?source=playground as playground; API keys stay api', async () => {
    const name = await promptWithProduction();
    const user = await createUser(ctxFor(api.t.db, 'admin'), { name: 'Player', email: `${uniqueName('pg')}@example.com`, password: 'correct horse battery', role: 'viewer' });
    const { cookieValue } = await createSession(api.t.db, user.id);
    const cookie = `promptdeck_session=${encodeURIComponent(cookieValue)}`;
    const url = `/api/v1/prompts/${name}/invoke?source=playground`;
    const body = { variables: { text: 'x' } };
    const bySession = await call(r.invoke.POST, 'POST', url, { headers: { cookie, 'sec-fetch-site': 'same-origin' }, params: { name }, body });
    expect(bySession.status, bySession.text).toBe(200);
    const byKey = await call(r.invoke.POST, 'POST', url, { token: api.tokens.viewer, params: { name }, body });
    expect(byKey.status).toBe(200);
    const sources = async (id: string) => (await call(r.invocation.GET, 'GET', `/api/v1/invocations/${id}`, { token: api.tokens.viewer, params: { id } })).json.source as string;
    expect(await sources(bySession.json.invocationId)).toBe('playground');
    expect(await sources(byKey.json.invocationId)).toBe('api');
  });

  it('rejects bad input (400), missing variables (400), unknown prompts (404), no key (401) without logging', async () => {
    const name = await promptWithProduction();
    const before = sim.calls().length;
    const bad = await call(r.invoke.POST, 'POST', `/api/v1/prompts/${name}/invoke`, { token: api.tokens.viewer, params: { name }, body: { variables: 'x' } });
    expect(bad.status).toBe(400);
    const missing = await call(r.invoke.POST, 'POST', `/api/v1/prompts/${name}/invoke`, { token: api.tokens.viewer, params: { name }, body: {} });
    expect(missing.status).toBe(400);
    expect(missing.json.error).toMatchObject({ code: 'missing_variables', details: { missing: ['text'] } });
    const unknown = await call(r.invoke.POST, 'POST', `/api/v1/prompts/nope-${name}/invoke`, { token: api.tokens.viewer, params: { name: `nope-${name}` }, body: {} });
    expect(unknown.status).toBe(404);
    const anon = await call(r.invoke.POST, 'POST', `/api/v1/prompts/${name}/invoke`, { params: { name }, body: {} });
    expect(anon.status).toBe(401);
    const reviewer = await call(r.invoke.POST, 'POST', `/api/v1/prompts/${name}/invoke`, { token: api.tokens.reviewer, params: { name }, body: { variables: { text: 'x' } } });
    expect(reviewer.status).toBe(403);
    expect(sim.calls().length).toBe(before);
    const list = await call(r.invocations.GET, 'GET', `/api/v1/invocations?prompt=${name}`, { token: api.tokens.viewer });
    expect(list.json.items).toHaveLength(0);
  });
});

describe('POST /api/v1/invocations (ingestion) and prices', () => {
  it('accepts a batch (202 with ids) and rejects a bad one whole (400)', async () => {
    const rec = { modelId: 'amazon.nova-lite-v1:0', input: { messages: [{ role: 'user', content: 'hi' }] }, status: 'ok', usage: { inputTokens: 10, outputTokens: 5 } };
    const ok = await call(r.invocations.POST, 'POST', '/api/v1/invocations', { token: api.tokens.editor, body: { items: [rec, rec] } });
    expect(ok.status).toBe(202);
    expect(ok.json.ids).toHaveLength(2);
    const bad = await call(r.invocations.POST, 'POST', '/api/v1/invocations', { token: api.tokens.editor, body: { items: [rec, { ...rec, status: 'nah' }] } });
    expect(bad.status).toBe(400);
    expect(bad.json.error.details[0].path).toBe('items.1.status');
  });

  it('takes prompt-cache token counts, stores them and costs them at the cache prices', async () => {
    // Claude 3.5 Haiku: $0.80 in, $4.00 out, $0.08 cache read, $1.00 cache write per 1M tokens
    const usage = { inputTokens: 1000, outputTokens: 200, cacheReadInputTokens: 50_000, cacheWriteInputTokens: 2000 };
    const rec = { modelId: 'us.anthropic.claude-3-5-haiku-20241022-v1:0', input: { system: 'Policy', messages: [{ role: 'user', content: 'hi' }] }, status: 'ok', usage };
    const ing = await call(r.invocations.POST, 'POST', '/api/v1/invocations', { token: api.tokens.editor, body: { items: [rec, { ...rec, usage: { inputTokens: 1000, outputTokens: 200 } }] } });
    expect(ing.status).toBe(202);
    const [withCache, without] = await Promise.all(ing.json.ids.map((id: string) => call(r.invocation.GET, 'GET', `/api/v1/invocations/${id}`, { token: api.tokens.viewer, params: { id } })));
    expect(withCache!.status).toBe(200);
    expect(withCache!.json).toMatchObject({ source: 'ingest', usage });
    expect(withCache!.json.costUsd).toBeCloseTo((1000 * 0.8 + 200 * 4 + 50_000 * 0.08 + 2000 * 1) / 1e6, 8);
    expect(withCache!.json.cacheSavingsUsd).toBeCloseTo((50_000 * 0.72 - 2000 * 0.2) / 1e6, 8);
    expect(without!.json.usage).toEqual({ inputTokens: 1000, outputTokens: 200, cacheReadInputTokens: null, cacheWriteInputTokens: null });
    expect(without!.json.costUsd).toBeCloseTo((1000 * 0.8 + 200 * 4) / 1e6, 8);
    const bad = await call(r.invocations.POST, 'POST', '/api/v1/invocations', { token: api.tokens.editor, body: { items: [rec, { ...rec, usage: { ...usage, cacheWriteInputTokens: -1 } }] } });
    expect(bad.status).toBe(400);
    expect(bad.json.error.details[0].path).toBe('items.1.usage.cacheWriteInputTokens');
    const huge = await call(r.invocations.POST, 'POST', '/api/v1/invocations', { token: api.tokens.editor, body: { ...rec, usage: { ...usage, cacheReadInputTokens: 1e300 } } });
    expect(huge.status).toBe(400);
  });

  it('lets admins override a price; others get 403; cost uses the override', async () => {
    const model = 'amazon.nova-micro-v1:0';
    const enc = encodeURIComponent(model);
    const denied = await call(r.price.PUT, 'PUT', `/api/v1/settings/prices/${enc}`, { token: api.tokens.deployer, params: { modelId: enc }, body: { inputPerMTokUsd: 1, outputPerMTokUsd: 2 } });
    expect(denied.status).toBe(403);
    const bad = await call(r.price.PUT, 'PUT', `/api/v1/settings/prices/${enc}`, { token: api.tokens.admin, params: { modelId: enc }, body: { inputPerMTokUsd: -1, outputPerMTokUsd: 2 } });
    expect(bad.status).toBe(400);
    const set = await call(r.price.PUT, 'PUT', `/api/v1/settings/prices/${enc}`, { token: api.tokens.admin, params: { modelId: enc }, body: { inputPerMTokUsd: 1, outputPerMTokUsd: 2 } });
    expect(set.status).toBe(200);
    const rec = { modelId: model, input: { messages: [{ role: 'user', content: 'hi' }] }, status: 'ok', usage: { inputTokens: 1_000_000, outputTokens: 1_000_000 } };
    const ing = await call(r.invocations.POST, 'POST', '/api/v1/invocations', { token: api.tokens.editor, body: rec });
    const one = await call(r.invocation.GET, 'GET', `/api/v1/invocations/${ing.json.ids[0]}`, { token: api.tokens.viewer, params: { id: ing.json.ids[0] } });
    expect(one.json.costUsd).toBe(3);
    const list = await call(r.prices.GET, 'GET', '/api/v1/settings/prices', { token: api.tokens.viewer });
    expect(list.json.items.find((p: { modelId: string }) => p.modelId === model)).toMatchObject({ source: 'admin', inputPerMTokUsd: 1 });
    expect((await call(r.price.DELETE, 'DELETE', `/api/v1/settings/prices/${enc}`, { token: api.tokens.admin, params: { modelId: enc } })).status).toBe(204);
    expect((await call(r.price.DELETE, 'DELETE', `/api/v1/settings/prices/${enc}`, { token: api.tokens.admin, params: { modelId: enc } })).status).toBe(404);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAwsSim, type AwsSim } from '@/lib/aws-sim';
import { resetEnvCache } from '@/lib/env';
import { call, startApi, type ApiEnv } from '@/lib/test/api';
import { uniqueName } from '@/lib/test/db';
import { loadRoutes, type Routes } from '@/lib/test/routes';

/** The Bedrock bundle over HTTP (every answer checked against the OpenAPI document). */
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

const tool = { name: 'lookup_order', description: 'Find an order by its number', inputSchema: { type: 'object', properties: { orderId: { type: 'string' } }, required: ['orderId'] } };
const body = (extra: Record<string, unknown>) => ({ template: { system: 'You help with orders.', messages: [{ role: 'user', content: '{{q}}' }] }, modelId: 'anthropic.claude-3-5-haiku-20241022-v1:0', labels: ['production'], ...extra });

async function prompt(): Promise<string> {
  const name = uniqueName('bundle-api');
  expect((await call(r.prompts.POST, 'POST', '/api/v1/prompts', { token: api.tokens.editor, body: { name } })).status).toBe(201);
  return name;
}
const create = (name: string, extra: Record<string, unknown>) => call(r.versions.POST, 'POST', `/api/v1/prompts/${name}/versions`, { token: api.tokens.deployer, params: { name }, body: body(extra) });

describe('versions with a bundle', () => {
  it('create, serve and invoke: tools, the answer\'s tool calls, cache tokens', async () => {
    const name = await prompt();
    const v = await create(name, { tools: [tool], toolChoice: { tool: 'lookup_order' }, outputSchema: { type: 'object' }, cachePoints: ['system'], fallbacks: ['amazon.nova-lite-v1:0'] });
    expect(v.status).toBe(201);
    const served = await call(r.prompt.GET, 'GET', `/api/v1/prompts/${name}`, { token: api.tokens.viewer, params: { name } });
    expect(served.json).toMatchObject({ tools: [tool], toolChoice: { tool: 'lookup_order' }, outputSchema: { type: 'object' }, cachePoints: ['system'], fallbacks: ['amazon.nova-lite-v1:0'] });
    const res = await call(r.invoke.POST, 'POST', `/api/v1/prompts/${name}/invoke`, { token: api.tokens.viewer, params: { name }, body: { variables: { q: 'Where is order 1234?' } } });
    expect(res.status).toBe(200);
    expect(res.json.output.toolCalls).toEqual([{ name: 'lookup_order', input: { orderId: expect.any(String) }, toolUseId: expect.any(String) }]);
    expect(res.json.usage.cacheWriteInputTokens).toBeGreaterThan(0);
    const stream = await call(r.invoke.POST, 'POST', `/api/v1/prompts/${name}/invoke`, { token: api.tokens.viewer, params: { name }, body: { variables: { q: 'Where is order 1234?' }, stream: true } });
    expect(stream.text).toMatch(/event: toolCall\ndata: \{"name":"lookup_order"/);
  });

  it.each([
    ['bad output schema', { outputSchema: { type: 'nope' } }, 'outputSchema'],
    ['unknown tool in toolChoice', { tools: [tool], toolChoice: { tool: 'other' } }, 'toolChoice.tool'],
    ['four fallbacks', { fallbacks: ['amazon.nova-lite-v1:0', 'amazon.nova-micro-v1:0', 'amazon.nova-pro-v1:0', 'meta.llama3-1-8b-instruct-v1:0'] }, 'fallbacks'],
    ['a toolChoice of another shape', { tools: [tool], toolChoice: 'required' }, 'toolChoice'],
  ])('400 for %s', async (_what, extra, path) => {
    const name = await prompt();
    const res = await create(name, extra);
    expect(res.status).toBe(400);
    expect(res.json.error.code).toBe('validation_error');
    expect(res.json.error.details.map((d: { path: string }) => d.path)).toContain(path);
  });

  it('502 invalid_output with the invocation id; the log keeps the output', async () => {
    const name = await prompt();
    expect((await create(name, { outputSchema: { type: 'object', required: ['answer'] } })).status).toBe(201);
    const res = await call(r.invoke.POST, 'POST', `/api/v1/prompts/${name}/invoke`, { token: api.tokens.viewer, params: { name }, body: { variables: { q: 'Tell me about parcels' } } });
    expect(res.status).toBe(502);
    expect(res.json.error.code).toBe('invalid_output');
    const id = res.json.error.details.invocationId;
    const logged = await call(r.invocation.GET, 'GET', `/api/v1/invocations/${id}`, { token: api.tokens.viewer, params: { id } });
    expect(logged.json).toMatchObject({ status: 'error', errorCode: 'invalid_output' });
    expect(logged.json.output.text.length).toBeGreaterThan(0);
  });
});

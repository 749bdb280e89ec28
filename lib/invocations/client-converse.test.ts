import type { ConverseCommandInput, TokenUsage } from '@aws-sdk/client-bedrock-runtime';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { converseInput as clientConverseInput, converseModels, recordUsage, renderTemplate, type Version } from '../../clients/typescript/src/index';
import { converseInput, createBedrockClient } from '../aws/bedrock';
import { createPrompt } from '../catalog/prompts';
import { createVersion, resolveVersion } from '../catalog/versions';
import { createTestDb, ctxFor, uniqueName, type TestDb } from '../test/db';
import { prepareInvocation } from './gateway';

/**
 * The TypeScript client's Converse helper against the gateway's own request, end to end: a
 * version with a whole bundle is created through the catalog, served as the client receives it
 * (the version object, through JSON), rendered and mapped by the client, and compared with the
 * Converse request the gateway prepares for the same variables, on the primary and on every
 * fallback. The shared vectors (clients/converse-cases.json) pin the mapping in both clients;
 * this test ties them to what the server really stores and sends.
 */
let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => {
  await t?.close();
});

const weather = {
  name: 'get_weather',
  description: 'Current weather for a city',
  inputSchema: { type: 'object', properties: { city: { type: 'string' }, unit: { enum: ['celsius', 'fahrenheit'] } }, required: ['city'] },
};
const order = { name: 'lookup_order', description: 'Finds an order', inputSchema: { type: 'object', properties: { id: { type: 'integer' } } } };

async function served(bundle: Record<string, unknown>, params: Record<string, unknown> = {}): Promise<Version> {
  const name = uniqueName('client-converse');
  const ctx = ctxFor(t.db, 'deployer');
  await createPrompt(ctx, { name });
  await createVersion(ctx, name, {
    template: { system: 'You are a {{role}}. Long policy text to cache.', messages: [{ role: 'user', content: 'Hi {{who}}' }, { role: 'assistant', content: 'Hello.' }, { role: 'user', content: '{{q}}' }] },
    modelId: 'anthropic.claude-3-5-haiku-20241022-v1:0',
    params,
    labels: ['production'],
    ...bundle,
  });
  // As the client receives it: the version object, through JSON.
  return JSON.parse(JSON.stringify(await resolveVersion(ctxFor(t.db, 'viewer'), name, { label: 'production' }))) as Version;
}

async function expectSameRequest(v: Version, variables: Record<string, unknown>) {
  const p = await prepareInvocation(ctxFor(t.db, 'viewer'), v.name, { variables }, { source: 'api', client: createBedrockClient({ region: 'us-east-1', endpoint: 'http://127.0.0.1:9' }) });
  const rendered = renderTemplate(v.template, variables);
  expect(converseModels(v)).toEqual([p.call.modelId, ...p.fallbacks]);
  for (const modelId of converseModels(v)) {
    // The gateway calls a fallback with the same call on another model (gateway.ts withFallbacks).
    const server = JSON.parse(JSON.stringify(converseInput({ ...p.call, modelId }))) as unknown;
    const client: ConverseCommandInput = clientConverseInput(v, rendered, { modelId }); // also: the SDK takes it as it is
    expect(JSON.parse(JSON.stringify(client))).toStrictEqual(server);
  }
}

describe('the TypeScript client sends what the gateway sends', () => {
  it('tools with a named tool choice, cache points after the system prompt and a message, fallbacks, top_k', async () => {
    const v = await served(
      { tools: [weather, order], toolChoice: { tool: 'lookup_order' }, outputSchema: { type: 'object' }, cachePoints: [1, 'system'], fallbacks: ['us.amazon.nova-pro-v1:0', 'cohere.command-r-v1:0'] },
      { topK: 30, maxTokens: 400, temperature: 0.3 },
    );
    await expectSameRequest(v, { role: 'clerk', who: 'Ann', q: 'Where is order 7?' });
  });

  it.each([['auto'], ['any']])('toolChoice %s, cache points on every message', async (choice) => {
    const v = await served({ tools: [weather], toolChoice: choice, cachePoints: [0, 1, 2] });
    await expectSameRequest(v, { role: 'forecaster', who: 'Bo', q: 'Rain in Oslo?' });
  });

  it('tools without a choice; a system cache point when the system prompt renders empty', async () => {
    const name = uniqueName('client-converse');
    const ctx = ctxFor(t.db, 'deployer');
    await createPrompt(ctx, { name });
    await createVersion(ctx, name, {
      template: { system: '{{#strict}}Answer in JSON.{{/strict}}', messages: [{ role: 'user', content: '{{q}}' }] },
      modelId: 'amazon.nova-lite-v1:0',
      labels: ['production'],
      tools: [order],
      cachePoints: ['system', 0],
    });
    const v = JSON.parse(JSON.stringify(await resolveVersion(ctxFor(t.db, 'viewer'), name, { label: 'production' }))) as Version;
    await expectSameRequest(v, { q: 'Order 1?', strict: false });
    await expectSameRequest(v, { q: 'Order 1?', strict: true });
  });

  it('a version without a bundle', async () => {
    await expectSameRequest(await served({}), { role: 'clerk', who: 'Cy', q: 'Hi' });
  });
});

describe('the TypeScript client reports what the SDK answers', () => {
  it('recordUsage takes the SDK\'s usage as it is, prompt-cache counts included', () => {
    const u: TokenUsage = { inputTokens: 10, outputTokens: 2, totalTokens: 4012, cacheReadInputTokens: 4000, cacheWriteInputTokens: undefined };
    expect(recordUsage(u)).toEqual({ inputTokens: 10, outputTokens: 2, cacheReadInputTokens: 4000 });
  });
});

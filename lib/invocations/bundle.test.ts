import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startAwsSim, type AwsSim } from '../aws-sim';
import { bedrockClient } from '../aws-sim/testing';
import { BUILT_IN_PRICES } from '../aws/pricing';
import { createPrompt } from '../catalog/prompts';
import { createVersion } from '../catalog/versions';
import { AppError } from '../errors';
import { promptMetrics } from '../metrics/prompts';
import { createTestDb, ctxFor, uniqueName, type TestDb } from '../test/db';
import { prepareInvocation, runInvocation, startStreamingInvocation } from './gateway';
import { getInvocation } from './queries';

/** The Bedrock bundle through the gateway, the stand-in and the real SDK. */
let t: TestDb;
let sim: AwsSim;
beforeAll(async () => {
  t = await createTestDb();
  sim = await startAwsSim();
});
afterAll(async () => {
  await sim?.stop();
  await t?.close();
});
beforeEach(() => {
  sim.reset();
  sim.setConfig({ modelQuotas: {}, faults: { deniedModels: [], notReadyModels: [], failNext: 0 } });
});

const HAIKU = 'anthropic.claude-3-5-haiku-20241022-v1:0';
const NOVA = 'amazon.nova-lite-v1:0';
const SONNET = 'us.anthropic.claude-3-7-sonnet-20250219-v1:0';
const editor = () => ctxFor(t.db, 'deployer');
const viewer = () => ctxFor(t.db, 'viewer');
const client = () => bedrockClient(sim, { maxAttempts: 2 });

const weatherTool = {
  name: 'get_weather',
  description: 'Current weather for a city',
  inputSchema: { type: 'object', properties: { city: { type: 'string' }, unit: { type: 'string', enum: ['celsius', 'fahrenheit'] } }, required: ['city'] },
};

async function promptWith(version: Record<string, unknown>): Promise<string> {
  const name = uniqueName('bundle');
  await createPrompt(editor(), { name });
  await createVersion(editor(), name, { template: { messages: [{ role: 'user', content: '{{q}}' }] }, modelId: HAIKU, labels: ['production'], ...version });
  return name;
}

async function rejection(p: Promise<unknown>): Promise<AppError> {
  const e = await p.then(
    () => null,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(AppError);
  return e as AppError;
}

const invoke = async (name: string, q: string, extra: Record<string, unknown> = {}) => runInvocation(await prepareInvocation(viewer(), name, { variables: { q }, ...extra }, { source: 'api', client: client() }));

describe('tools', () => {
  it('passes toolConfig to Converse and answers the tool call; the log has it', async () => {
    const name = await promptWith({ tools: [weatherTool], toolChoice: 'auto' });
    const r = await invoke(name, 'What is the weather in Lisbon in celsius?');
    expect(r.stopReason).toBe('tool_use');
    expect(r.output.toolCalls).toEqual([{ name: 'get_weather', input: { city: 'Lisbon', unit: 'celsius' }, toolUseId: expect.stringMatching(/^tooluse_/) }]);
    const logged = await getInvocation(viewer(), r.invocationId);
    expect(logged.output?.toolCalls?.[0]).toMatchObject({ name: 'get_weather', input: { city: 'Lisbon' } });
    expect(logged.status).toBe('ok');
  });

  it('assembles tool calls from ConverseStream toolUse deltas', async () => {
    const name = await promptWith({ tools: [weatherTool], toolChoice: { tool: 'get_weather' } });
    const p = await prepareInvocation(viewer(), name, { variables: { q: 'Anything for Porto?' }, stream: true }, { source: 'api', client: client() });
    const stream = await startStreamingInvocation(p);
    const relayed: unknown[] = [];
    const r = await stream.consume(() => undefined, (c) => relayed.push(c));
    expect(r.output.toolCalls).toEqual([{ name: 'get_weather', input: { city: 'Porto', unit: 'celsius' }, toolUseId: expect.stringMatching(/^tooluse_/) }]);
    expect(relayed).toHaveLength(1);
    expect((await getInvocation(viewer(), r.invocationId)).output?.toolCalls).toHaveLength(1);
  });
});

describe('structured output', () => {
  const schema = { type: 'object', properties: { violation: { type: 'string' } }, required: ['violation'] };
  const system = 'Answer with JSON only: {"violation": true|false, "explanation": "..."}';

  it('answers 502 invalid_output when the JSON breaks the schema, and logs the output', async () => {
    const name = await promptWith({ template: { system, messages: [{ role: 'user', content: '{{q}}' }] }, outputSchema: schema });
    const e = await rejection(invoke(name, 'You idiot'));
    expect(e.status).toBe(502);
    expect(e.code).toBe('invalid_output');
    const details = e.details as { invocationId: string; reason: string; output: { text: string } };
    expect(details.reason).toMatch(/violation must be string/);
    const logged = await getInvocation(viewer(), details.invocationId);
    expect(logged).toMatchObject({ status: 'error', errorCode: 'invalid_output' });
    expect(JSON.parse(logged.output?.text ?? '')).toHaveProperty('violation', true);
    expect(logged.costUsd).toBeGreaterThan(0); // the call was made and paid for
  });

  it('passes a matching answer, and refuses prose when a schema is set', async () => {
    const ok = await promptWith({ template: { system, messages: [{ role: 'user', content: '{{q}}' }] }, outputSchema: { type: 'object', required: ['violation'], properties: { violation: { type: 'boolean' } } } });
    expect(JSON.parse((await invoke(ok, 'Nice post')).output.text)).toHaveProperty('violation', false);
    const prose = await promptWith({ outputSchema: { type: 'object' } });
    expect((await rejection(invoke(prose, 'Tell me about gardens'))).code).toBe('invalid_output');
  });
});

describe('prompt caching', () => {
  const system = 'You answer questions about the product catalog, politely and briefly. '.repeat(30);

  it('sends a cachePoint after the system prompt; usage, cost and savings use the cache prices', async () => {
    const name = await promptWith({ template: { system, messages: [{ role: 'user', content: '{{q}}' }] }, cachePoints: ['system'] });
    const first = await invoke(name, 'Where is my parcel?');
    const prefix = Math.ceil(system.length / 4);
    expect(first.usage).toMatchObject({ cacheWriteInputTokens: prefix, cacheReadInputTokens: 0 });
    const second = await invoke(name, 'Can I return shoes?');
    expect(second.usage).toMatchObject({ cacheReadInputTokens: prefix, cacheWriteInputTokens: 0 });
    const price = BUILT_IN_PRICES[HAIKU]!;
    const expected = (second.usage.inputTokens * price.input + second.usage.outputTokens * price.output + prefix * price.cacheRead!) / 1e6;
    expect(second.costUsd).toBeCloseTo(expected, 8);
    const logged = await getInvocation(viewer(), second.invocationId);
    expect(logged.usage).toMatchObject({ cacheReadInputTokens: prefix, cacheWriteInputTokens: 0 });
    expect(logged.cacheSavingsUsd).toBeCloseTo((prefix * (price.input - price.cacheRead!)) / 1e6, 8);
    const m = await promptMetrics(viewer(), name, {});
    expect(m.versions[0]).toMatchObject({ cacheReadInputTokens: prefix, cacheWriteInputTokens: prefix });
    expect(m.versions[0]?.cacheHitRate).toBeGreaterThan(0.3);
    // the write costs 25% more than input, the read saves 90%: net positive after one hit
    expect(m.versions[0]?.cacheSavingsUsd).toBeGreaterThan(0);
  });
});

describe('fallbacks', () => {
  it('answers from the first fallback when the primary is throttled after retries; logged and counted', async () => {
    const name = await promptWith({ fallbacks: [NOVA, SONNET] });
    sim.setConfig({ modelQuotas: { [HAIKU]: { rpm: 0 } } });
    const r = await invoke(name, 'Hello there');
    expect(r).toMatchObject({ modelId: NOVA, fallbackFrom: HAIKU, fallbackReason: 'throttled' });
    const logged = await getInvocation(viewer(), r.invocationId);
    expect(logged).toMatchObject({ modelId: NOVA, fallbackFrom: HAIKU, fallbackReason: 'throttled', status: 'ok' });
    expect(sim.calls().filter((c) => c.modelId === HAIKU && c.outcome === 'throttle')).toHaveLength(2); // the SDK's attempts
    const m = await promptMetrics(viewer(), name, {});
    expect(m.versions[0]).toMatchObject({ invocations: 1, fallbacks: 1, throttled: 0 });
  });

  it('falls back past an access-denied primary and a throttled first fallback, in order', async () => {
    const name = await promptWith({ fallbacks: [NOVA, SONNET] });
    sim.setConfig({ modelQuotas: { [NOVA]: { rpm: 0 } }, faults: { deniedModels: [HAIKU] } });
    const r = await invoke(name, 'Hello there', { stream: true });
    expect(r).toMatchObject({ modelId: SONNET, fallbackFrom: HAIKU, fallbackReason: 'access_denied' });
  });

  it('streams from a fallback', async () => {
    const name = await promptWith({ fallbacks: [NOVA] });
    sim.setConfig({ faults: { deniedModels: [HAIKU] } });
    const p = await prepareInvocation(viewer(), name, { variables: { q: 'Hello' }, stream: true }, { source: 'api', client: client() });
    const s = await startStreamingInvocation(p);
    expect(s.modelId).toBe(NOVA);
    let text = '';
    const r = await s.consume((d) => (text += d));
    expect(r).toMatchObject({ modelId: NOVA, fallbackFrom: HAIKU, fallbackReason: 'access_denied' });
    expect(r.output.text).toBe(text);
  });

  it('when every model fails, answers the last failure (429) and logs one invocation with the chain', async () => {
    const name = await promptWith({ fallbacks: [NOVA] });
    sim.setConfig({ modelQuotas: { [HAIKU]: { rpm: 0 }, [NOVA]: { rpm: 0 } } });
    const e = await rejection(invoke(name, 'Hello'));
    expect(e.code).toBe('throttled');
    const logged = await getInvocation(viewer(), (e.details as { invocationId: string }).invocationId);
    expect(logged).toMatchObject({ status: 'throttled', modelId: NOVA, fallbackFrom: HAIKU, fallbackReason: 'throttled' });
  });

  it('does not fall back when Bedrock rejects the request itself', async () => {
    const name = await promptWith({ fallbacks: [NOVA], tools: [weatherTool], toolChoice: 'any' });
    // Llama has no toolChoice any: a ValidationException, not a reason to try another model
    const p = await prepareInvocation(editor(), name, { variables: { q: 'x' }, overrides: { modelId: 'meta.llama3-1-70b-instruct-v1:0' } }, { source: 'playground', client: client() });
    const e = await rejection(runInvocation(p));
    expect(e.code).toBe('upstream_error');
    expect(sim.calls().map((c) => c.modelId)).toEqual(['meta.llama3-1-70b-instruct-v1:0']);
  });
});

describe('version validation', () => {
  it.each([
    ['a schema Ajv refuses', { outputSchema: { type: 'objekt' } }, 'outputSchema'],
    ['an unknown keyword in a tool schema', { tools: [{ ...weatherTool, inputSchema: { type: 'object', requird: ['x'] } }] }, 'tools.0.inputSchema'],
    ['a tool schema that is not an object schema', { tools: [{ ...weatherTool, inputSchema: { type: 'string' } }] }, 'tools.0.inputSchema.type'],
    ['an unknown tool in toolChoice', { tools: [weatherTool], toolChoice: { tool: 'nope' } }, 'toolChoice.tool'],
    ['toolChoice without tools', { toolChoice: 'any' }, 'toolChoice'],
    ['two tools with one name', { tools: [weatherTool, weatherTool] }, 'tools.1.name'],
    ['a bad tool name', { tools: [{ ...weatherTool, name: 'get weather' }] }, 'tools.0.name'],
    ['a cache point after a message that does not exist', { cachePoints: [3] }, 'cachePoints.0'],
    ['a cache point after a missing system prompt', { cachePoints: ['system'] }, 'cachePoints.0'],
    ['more than 3 fallbacks', { fallbacks: [NOVA, SONNET, 'amazon.nova-micro-v1:0', 'amazon.nova-pro-v1:0'] }, 'fallbacks'],
    ['the primary as a fallback', { fallbacks: [HAIKU] }, 'fallbacks.0'],
    ['a fallback that is no model id', { fallbacks: ['gpt 4'] }, 'fallbacks.0'],
  ])('refuses %s (400 naming the field)', async (_what, bundle, path) => {
    const name = uniqueName('bad');
    await createPrompt(editor(), { name });
    const e = await createVersion(editor(), name, { template: { messages: [{ role: 'user', content: 'hi' }] }, modelId: HAIKU, ...bundle }).then(
      () => null,
      (err: unknown) => err,
    );
    const issues = e instanceof AppError ? (e.details as { path: string }[]) : (e as { issues: { path: PropertyKey[] }[] }).issues.map((i) => ({ path: i.path.join('.') }));
    expect(issues.map((i) => i.path)).toContain(path);
  });

  it('versions stay immutable and the no-op check sees the bundle', async () => {
    const name = uniqueName('noop');
    await createPrompt(editor(), { name });
    const base = { template: { system: 'S', messages: [{ role: 'user', content: 'hi' }] }, modelId: HAIKU };
    const v1 = await createVersion(editor(), name, { ...base, tools: [weatherTool], cachePoints: [0, 'system'] });
    expect(v1).toMatchObject({ created: true, tools: [weatherTool], toolChoice: null, outputSchema: null, cachePoints: ['system', 0], fallbacks: [] });
    expect((await createVersion(editor(), name, { ...base, tools: [weatherTool], cachePoints: ['system', 0] })).created).toBe(false);
    expect((await createVersion(editor(), name, { ...base, tools: [weatherTool], cachePoints: ['system', 0], fallbacks: [NOVA] })).created).toBe(true);
    expect((await createVersion(editor(), name, { ...base, tools: [weatherTool], cachePoints: ['system', 0], fallbacks: [NOVA], toolChoice: 'any' })).version).toBe(3);
    const plain = uniqueName('plain');
    await createPrompt(editor(), { name: plain });
    await createVersion(editor(), plain, base);
    // a version without a bundle equals one with empty bundle fields
    expect((await createVersion(editor(), plain, { ...base, tools: [], cachePoints: [], fallbacks: [], outputSchema: null, toolChoice: null })).created).toBe(false);
  });
});

import { CreatePromptVersionCommand, GetPromptCommand, UpdatePromptCommand } from '@aws-sdk/client-bedrock-agent';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_BEDROCK_PROMPTS, startAwsSim, type AwsSim } from '@/lib/aws-sim';
import { bedrockAgentClient } from '@/lib/aws-sim/testing';
import { resetEnvCache } from '@/lib/env';
import { call, startApi, type ApiEnv } from '@/lib/test/api';
import { uniqueName } from '@/lib/test/db';
import { loadRoutes, type Routes } from '@/lib/test/routes';

/**
 * Bedrock Prompt Management interop over HTTP: import (idempotent) and publish, with the real
 * `@aws-sdk/client-bedrock-agent` reaching the stand-in, including access denied, validation
 * and throttling of the control plane.
 */
let api: ApiEnv;
let r: Routes;
let sim: AwsSim;
let importer: typeof import('@/app/api/v1/import/bedrock-prompts/route');
let publish: typeof import('@/app/api/v1/prompts/[name]/versions/[version]/publish/bedrock/route');

beforeAll(async () => {
  sim = await startAwsSim({ prompts: DEMO_BEDROCK_PROMPTS });
  Object.assign(process.env, sim.clientEnv, { AWS_MAX_ATTEMPTS: '1' });
  api = await startApi();
  resetEnvCache();
  r = await loadRoutes();
  importer = await import('@/app/api/v1/import/bedrock-prompts/route');
  publish = await import('@/app/api/v1/prompts/[name]/versions/[version]/publish/bedrock/route');
});
afterAll(async () => {
  await api?.close();
  await sim?.stop();
});

const faults = (patch: { deniedOperations?: string[]; controlPlaneRps?: number }) => {
  sim.setConfig({ deniedOperations: [], controlPlaneRps: 0, ...patch });
  sim.reset();
};
const runImport = (body: unknown, token = api.tokens.admin) => call(importer.POST, 'POST', '/api/v1/import/bedrock-prompts', { token, body });
const getVersion = (name: string, version: number) => call(r.version.GET, 'GET', `/api/v1/prompts/${name}/versions/${version}`, { token: api.tokens.viewer, params: { name, version: String(version) } });
const publishVersion = (name: string, version: number, token = api.tokens.deployer) =>
  call(publish.POST, 'POST', `/api/v1/prompts/${name}/versions/${version}/publish/bedrock`, { token, params: { name, version: String(version) } });

async function promptWith(template: Record<string, unknown>, modelId = 'amazon.nova-lite-v1:0'): Promise<string> {
  const name = uniqueName('pub');
  const token = api.tokens.deployer;
  expect((await call(r.prompts.POST, 'POST', '/api/v1/prompts', { token, body: { name, description: 'Published from Promptdeck' } })).status).toBe(201);
  const v = await call(r.versions.POST, 'POST', `/api/v1/prompts/${name}/versions`, { token, params: { name }, body: { template, modelId, params: { temperature: 0.3, maxTokens: 300 } } });
  expect(v.status, v.text).toBe(201);
  return name;
}

describe('import from Bedrock Prompt Management', () => {
  it('lists the account prompts for admins only', async () => {
    expect((await call(importer.GET, 'GET', '/api/v1/import/bedrock-prompts', { token: api.tokens.deployer })).status).toBe(403);
    const res = await call(importer.GET, 'GET', '/api/v1/import/bedrock-prompts', { token: api.tokens.admin });
    expect(res.status).toBe(200);
    expect(res.json.items.map((p: { name: string }) => p.name).sort()).toEqual(['meeting-notes', 'product-description', 'support-reply', 'ticket-router']);
    expect(res.json.items.every((p: { imported: boolean }) => !p.imported)).toBe(true);
  });

  it('answers 429 when Bedrock throttles and 502 when it denies GetPrompt, having imported nothing', async () => {
    faults({ controlPlaneRps: 1 });
    const throttled = await runImport({});
    expect(throttled.status).toBe(429);
    expect(throttled.json.error).toMatchObject({ code: 'throttled', details: { awsCode: 'ThrottlingException' } });
    faults({ deniedOperations: ['bedrock:GetPrompt'] });
    const denied = await runImport({});
    expect(denied.status).toBe(502);
    expect(denied.json.error).toMatchObject({ code: 'upstream_error', details: { type: 'access_denied', operation: 'GetPrompt' } });
    faults({});
    expect((await call(r.prompt.GET, 'GET', '/api/v1/prompts/support-reply', { token: api.tokens.viewer, params: { name: 'support-reply' } })).status).toBe(404);
  });

  it('imports every prompt and its versions, then skips them on a second run; new Bedrock versions are added', async () => {
    expect((await runImport({}, api.tokens.deployer)).status).toBe(403);
    const first = await runImport({});
    expect(first.status).toBe(200);
    const byName = Object.fromEntries(first.json.imported.map((i: { name: string; versions: number[] }) => [i.name, i.versions]));
    expect(byName).toEqual({ 'support-reply': [1, 2], 'product-description': [1], 'ticket-router': [1], 'meeting-notes': [1] });
    expect(first.json.skipped).toEqual([]);
    const v2 = await getVersion('support-reply', 2);
    expect(v2.json.bedrock.importedFrom).toMatch(/:prompt\/[0-9A-Z]{10}:2$/);
    expect(v2.json.template.messages[0].content).toContain('{{order_id}}');
    const audit = await api.t.db.auditEvent.findFirst({ where: { action: 'bedrock.import', target: 'support-reply' } });
    expect(audit).toMatchObject({ actorType: 'api_key', details: { versions: [1, 2] } });

    const again = await runImport({});
    expect(again.json.imported).toEqual([]);
    expect(again.json.skipped).toHaveLength(5);
    expect(new Set(again.json.skipped.map((s: { reason: string }) => s.reason))).toEqual(new Set(['already_imported']));

    // A new version in Bedrock: only it is imported.
    const agent = bedrockAgentClient(sim);
    const id = /:prompt\/([0-9A-Z]{10})/.exec(v2.json.bedrock.importedFrom)![1]!;
    const draft = await agent.send(new GetPromptCommand({ promptIdentifier: id }));
    const variant = draft.variants![0]!;
    await agent.send(new UpdatePromptCommand({ promptIdentifier: id, name: draft.name, defaultVariant: variant.name, variants: [{ ...variant, inferenceConfiguration: { text: { temperature: 0.1 } } }] }));
    await agent.send(new CreatePromptVersionCommand({ promptIdentifier: id, description: 'Cooler' }));
    const third = await runImport({ promptIds: [id, 'ZZZZZZZZZZ'] });
    expect(third.json.imported).toEqual([{ name: 'support-reply', versions: [3], bedrockPromptId: id }]);
    expect(third.json.skipped).toEqual(expect.arrayContaining([expect.objectContaining({ id: 'ZZZZZZZZZZ', reason: 'not_found' }), expect.objectContaining({ id, version: '1', reason: 'already_imported' })]));
    const list = await call(importer.GET, 'GET', '/api/v1/import/bedrock-prompts', { token: api.tokens.admin });
    expect(list.json.items.every((p: { imported: boolean }) => p.imported)).toBe(true);
  });

  it('skips a Bedrock prompt whose name a Promptdeck prompt already has', async () => {
    const name = uniqueName('taken');
    expect((await call(r.prompts.POST, 'POST', '/api/v1/prompts', { token: api.tokens.deployer, body: { name } })).status).toBe(201);
    sim.addPrompts([{ ...DEMO_BEDROCK_PROMPTS[1]!, name }]);
    const listed = await call(importer.GET, 'GET', '/api/v1/import/bedrock-prompts', { token: api.tokens.admin });
    const id = listed.json.items.find((p: { name: string }) => p.name === name).id as string;
    const res = await runImport({ promptIds: [id] });
    expect(res.json).toEqual({ imported: [], skipped: [expect.objectContaining({ id, reason: 'name_taken' })] });
  });

  it('rejects malformed prompt ids with 400', async () => {
    const res = await runImport({ promptIds: ['../../etc'] });
    expect(res.status).toBe(400);
    expect(res.json.error.details[0].path).toBe('promptIds.0');
  });
});

describe('publish a version to Bedrock', () => {
  it('creates a Bedrock prompt and version, records the ARNs, and is idempotent per version', async () => {
    const name = await promptWith({ system: 'You are terse.', messages: [{ role: 'user', content: 'Summarize: {{text}}' }] });
    expect((await publishVersion(name, 1, api.tokens.editor)).status).toBe(403);
    const res = await publishVersion(name, 1);
    expect(res.status, res.text).toBe(200);
    expect(res.json).toMatchObject({ created: true, promptArn: expect.stringMatching(/^arn:aws:bedrock:us-east-1:123456789012:prompt\/[0-9A-Z]{10}$/) });
    expect(res.json.promptVersionArn).toBe(`${res.json.promptArn}:1`);
    const v = await getVersion(name, 1);
    expect(v.json.bedrock).toMatchObject({ promptArn: res.json.promptArn, promptVersionArn: res.json.promptVersionArn, importedFrom: null });
    const stored = await bedrockAgentClient(sim).send(new GetPromptCommand({ promptIdentifier: res.json.promptVersionArn }));
    expect(stored.variants?.[0]?.templateConfiguration).toMatchObject({ chat: { system: [{ text: 'You are terse.' }], messages: [{ role: 'user', content: [{ text: 'Summarize: {{text}}' }] }] } });
    expect(stored.variants?.[0]).toMatchObject({ modelId: 'amazon.nova-lite-v1:0', inferenceConfiguration: { text: { temperature: 0.3, maxTokens: 300 } } });

    const again = await publishVersion(name, 1);
    expect(again.json).toMatchObject({ created: false, promptVersionArn: res.json.promptVersionArn });
    const v2 = await call(r.versions.POST, 'POST', `/api/v1/prompts/${name}/versions`, { token: api.tokens.editor, params: { name }, body: { template: { messages: [{ role: 'user', content: 'Shorten: {{text}}' }] }, modelId: 'amazon.nova-lite-v1:0' } });
    expect(v2.status).toBe(201);
    const second = await publishVersion(name, 2);
    expect(second.json).toMatchObject({ created: true, promptArn: res.json.promptArn, promptVersionArn: `${res.json.promptArn}:2` });
    const audit = await api.t.db.auditEvent.findMany({ where: { action: 'bedrock.publish', target: { startsWith: `${name}@` } } });
    expect(audit.map((a) => a.target).sort()).toEqual([`${name}@1`, `${name}@2`]);
  });

  it('publishes an imported prompt back to the Bedrock prompt it came from', async () => {
    const res = await publishVersion('product-description', 1);
    expect(res.status, res.text).toBe(200);
    const v = await getVersion('product-description', 1);
    expect(v.json.bedrock.importedFrom.startsWith(`${res.json.promptArn}:`)).toBe(true);
  });

  it('refuses templates Bedrock cannot express (400) and content Bedrock rejects (400 from its ValidationException)', async () => {
    const sections = await promptWith({ messages: [{ role: 'user', content: '{{#items}}- {{.}}\n{{/items}}' }] });
    const refused = await publishVersion(sections, 1);
    expect(refused.status).toBe(400);
    expect(refused.json.error.code).toBe('validation_error');
    expect(refused.json.error.message).toContain('section');

    const empty = await promptWith({ system: 'Be brief.', messages: [{ role: 'user', content: '{{! nothing but a comment }}' }] });
    const rejected = await publishVersion(empty, 1);
    expect(rejected.status, rejected.text).toBe(400);
    expect(rejected.json.error.message).toContain('CreatePrompt');
    expect((await getVersion(empty, 1)).json.bedrock).toBeNull();
  });

  it('answers 502 when Bedrock denies CreatePrompt and 429 when it throttles; nothing is recorded', async () => {
    const name = await promptWith({ messages: [{ role: 'user', content: 'Hello {{who}}' }] });
    faults({ deniedOperations: ['bedrock:CreatePrompt'] });
    const denied = await publishVersion(name, 1);
    expect(denied.status).toBe(502);
    expect(denied.json.error).toMatchObject({ code: 'upstream_error', details: { type: 'access_denied', operation: 'CreatePrompt' } });
    faults({ controlPlaneRps: 1 });
    expect((await publishVersion(name, 1)).status).toBe(200);
    const other = await promptWith({ messages: [{ role: 'user', content: 'Bye {{who}}' }] });
    const throttled = await publishVersion(other, 1);
    expect(throttled.status).toBe(429);
    faults({});
    expect((await getVersion(other, 1)).json.bedrock).toBeNull();
  });

  it('answers 404 for a version that does not exist', async () => {
    const name = await promptWith({ messages: [{ role: 'user', content: 'Hi' }] });
    expect((await publishVersion(name, 9)).status).toBe(404);
    expect((await publishVersion('no-such-prompt', 1)).status).toBe(404);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, ctxFor, uniqueName, type TestDb } from '../test/db';
import { expectError, expectInvalid, versionBody } from '../test/helpers';
import { createPrompt, getPrompt } from './prompts';
import { createVersion } from './versions';
import { isValidModelId, LabelNameSchema, SelectorSchema, SettableLabelSchema } from './schemas';

/** Every rule in schemas.ts, exercised through createVersion (service level). */
let t: TestDb;
let name: string;
beforeAll(async () => {
  t = await createTestDb();
  name = uniqueName('val');
  await createPrompt(ctxFor(t.db, 'editor'), { name });
});
afterAll(async () => {
  await t?.close();
});

const create = (body: Record<string, unknown>) => createVersion(ctxFor(t.db, 'editor'), name, body);
const withParams = (params: Record<string, unknown>) => create(versionBody({ params }));
const withModel = (modelId: unknown) => create(versionBody({ modelId }));
const withMessages = (messages: unknown, system?: string) => create(versionBody({ template: { ...(system ? { system } : {}), messages } }));
const user = (content = 'hi') => ({ role: 'user', content });
const assistant = (content = 'ok') => ({ role: 'assistant', content });

describe('params are checked against Bedrock limits', () => {
  it('accepts the boundaries', async () => {
    const v = await withParams({ temperature: 0, topP: 1, topK: 0, maxTokens: 1, stopSequences: ['a', 'b', 'c', 'd'] });
    expect(v.params).toEqual({ temperature: 0, topP: 1, topK: 0, maxTokens: 1, stopSequences: ['a', 'b', 'c', 'd'] });
    await expect(withParams({ temperature: 1, topP: 0, topK: 500, maxTokens: 4096 })).resolves.toMatchObject({ params: { temperature: 1 } });
  });

  it.each([
    ['temperature', -0.01],
    ['temperature', 1.01],
    ['temperature', '0.5'],
    ['topP', -0.1],
    ['topP', 1.5],
    ['topK', -1],
    ['topK', 2.5],
    ['maxTokens', 0],
    ['maxTokens', 10.5],
    ['maxTokens', -5],
  ])('rejects %s = %s', async (key, value) => {
    const issues = await expectInvalid(withParams({ [key]: value }), `params.${key}`);
    expect(issues.every((i) => i.message.length > 0)).toBe(true);
  });

  it('rejects more than 4 stop sequences, empty ones and unknown keys', async () => {
    await expectInvalid(withParams({ stopSequences: ['a', 'b', 'c', 'd', 'e'] }), 'params.stopSequences');
    await expectInvalid(withParams({ stopSequences: [''] }), 'params.stopSequences.0');
    const unknown = await expectInvalid(withParams({ temperature: 0.5, top_p: 0.9 }), 'params');
    expect(unknown[0]?.message).toMatch(/top_p/);
  });

  it('names every bad field at once', async () => {
    const issues = await expectInvalid(withParams({ temperature: 2, maxTokens: 0 }), 'params.temperature');
    expect(issues.map((i) => i.path)).toEqual(expect.arrayContaining(['params.temperature', 'params.maxTokens']));
  });
});

describe('model ids', () => {
  const good = [
    'anthropic.claude-3-5-haiku-20241022-v1:0',
    'amazon.nova-pro-v1:0',
    'meta.llama3-1-70b-instruct-v1:0',
    'amazon.titan-text-express-v1',
    'us.anthropic.claude-3-7-sonnet-20250219-v1:0',
    'eu.amazon.nova-lite-v1:0',
    'apac.anthropic.claude-3-5-sonnet-20240620-v1:0',
    'global.anthropic.claude-sonnet-4-20250514-v1:0',
    'arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-3-5-haiku-20241022-v1:0',
    'arn:aws:bedrock:us-east-1:123456789012:inference-profile/us.anthropic.claude-3-7-sonnet-20250219-v1:0',
    'arn:aws:bedrock:eu-west-1:123456789012:application-inference-profile/abc123def456',
    'arn:aws-us-gov:bedrock:us-gov-west-1:123456789012:provisioned-model/xyz',
  ];
  const bad = [
    '',
    'claude',
    'Anthropic.Claude',
    'anthropic claude',
    'anthropic.',
    '.claude',
    'https://bedrock.amazonaws.com/model',
    'arn:aws:s3:::my-bucket/key',
    'arn:aws:bedrock:us-east-1:123:foundation-model/x',
    'arn:aws:bedrock:us-east-1::agent/x',
    'anthropic.claude;drop table',
  ];

  it.each(good)('accepts %s', (id) => expect(isValidModelId(id)).toBe(true));
  it.each(bad)('rejects %j', (id) => expect(isValidModelId(id)).toBe(false));

  it('is enforced by createVersion and stored as given', async () => {
    const v = await withModel('us.anthropic.claude-3-7-sonnet-20250219-v1:0');
    expect(v.modelId).toBe('us.anthropic.claude-3-7-sonnet-20250219-v1:0');
    await expectInvalid(withModel('gpt-4o'), 'modelId');
    await expectInvalid(withModel(42), 'modelId');
    await expectInvalid(create({ template: { messages: [user()] } }), 'modelId');
  });
});

describe('templates', () => {
  it('accepts a single user message and user/assistant alternation', async () => {
    await expect(withMessages([user()])).resolves.toMatchObject({ variables: [] });
    const v = await withMessages([user('{{q}}'), assistant('{{a}}'), user('more {{q}}')], 'sys {{s}}');
    expect(v.variables).toEqual(['s', 'q', 'a']);
  });

  it('requires at least one message', async () => {
    await expectInvalid(withMessages([]), 'template.messages');
    await expectInvalid(create(versionBody({ template: { system: 'only system' } })), 'template.messages');
    await expectInvalid(create(versionBody({ template: undefined })), 'template');
  });

  it('requires the first message to come from the user', async () => {
    await expectInvalid(withMessages([assistant(), user()]), 'template.messages.0.role');
  });

  it('requires alternating roles', async () => {
    await expectInvalid(withMessages([user(), user()]), 'template.messages.1.role');
    await expectInvalid(withMessages([user(), assistant(), assistant()]), 'template.messages.2.role');
  });

  it('rejects unknown roles, empty messages and extra fields', async () => {
    await expectInvalid(withMessages([{ role: 'system', content: 'x' }]), 'template.messages.0.role');
    await expectInvalid(withMessages([user('')]), 'template.messages.0.content');
    await expectInvalid(withMessages([{ ...user(), name: 'n' }]), 'template.messages.0');
    await expectInvalid(create(versionBody({ template: { messages: [user()], tools: [] } })), 'template');
  });

  it('rejects templates that do not parse with template_error, naming where', async () => {
    const e = await expectError(withMessages([user('{{#open}} never closed')]), 'template_error');
    expect(e.status).toBe(400);
    expect(e.details).toEqual({ where: 'messages.0' });
    await expectError(withMessages([user('{{> partial}}')]), 'template_error');
  });

  it('rejects a body with unknown top-level fields or a long commit message', async () => {
    await expectInvalid(create(versionBody({ version: 7 })), '(body)');
    await expectInvalid(create(versionBody({ commitMessage: 'c'.repeat(1001) })), 'commitMessage');
    await expectInvalid(create('not an object' as unknown as Record<string, unknown>), '(body)');
  });

  it('creates no version and moves no counter for rejected input', async () => {
    const other = uniqueName('val');
    await createPrompt(ctxFor(t.db, 'editor'), { name: other });
    const bad = [versionBody({ params: { temperature: 9 } }), versionBody({ modelId: 'x' }), versionBody({ template: { messages: [] } })];
    for (const body of bad) await expectError(createVersion(ctxFor(t.db, 'editor'), other, body), 'validation_error');
    await expectError(createVersion(ctxFor(t.db, 'editor'), other, versionBody({ template: { messages: [user('{{#x}}')] } })), 'template_error');
    expect((await getPrompt(ctxFor(t.db, 'viewer'), other)).latestVersion).toBeNull();
    expect((await createVersion(ctxFor(t.db, 'editor'), other, versionBody())).version).toBe(1);
  });
});

describe('label names and selectors', () => {
  it('label names are 1-40 of a-z 0-9 . _ -', () => {
    for (const ok of ['production', 'a', 'canary-2', 'v1.2_rc', 'x'.repeat(40)]) expect(LabelNameSchema.safeParse(ok).success).toBe(true);
    for (const bad of ['', 'Prod', 'has space', 'x'.repeat(41), 'a/b', 'ü', '.', '..']) expect(LabelNameSchema.safeParse(bad).success).toBe(false);
    expect(SettableLabelSchema.safeParse('latest').success).toBe(false);
    expect(SettableLabelSchema.safeParse('latest-2').success).toBe(true);
  });

  it('selectors take label or version, not both; version must be a positive integer', () => {
    expect(SelectorSchema.parse({ version: '3' })).toEqual({ version: 3 });
    expect(SelectorSchema.safeParse({ label: 'production', version: '1' }).success).toBe(false);
    expect(SelectorSchema.safeParse({ version: '0' }).success).toBe(false);
    expect(SelectorSchema.safeParse({ version: 'abc' }).success).toBe(false);
    expect(SelectorSchema.safeParse({ version: '1.5' }).success).toBe(false);
  });
});

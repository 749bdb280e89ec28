import {
  AccessDeniedException,
  ConflictException,
  CreatePromptCommand,
  CreatePromptVersionCommand,
  DeletePromptCommand,
  GetPromptCommand,
  ListPromptsCommand,
  paginateListPrompts,
  ResourceNotFoundException,
  ServiceQuotaExceededException,
  ThrottlingException,
  UpdatePromptCommand,
  ValidationException,
  type BedrockAgentClient,
  type PromptVariant,
} from '@aws-sdk/client-bedrock-agent';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SimConfigError } from './config';
import { DEMO_BEDROCK_PROMPTS, startAwsSim, type AwsSim } from './index';
import { bedrockAgentClient } from './testing';

const chat = (text: string, extra: Partial<PromptVariant> = {}): PromptVariant => ({
  name: 'main',
  templateType: 'CHAT',
  modelId: 'anthropic.claude-3-5-haiku-20241022-v1:0',
  templateConfiguration: {
    chat: {
      system: [{ text: 'Be brief.' }],
      messages: [{ role: 'user', content: [{ text }] }],
      inputVariables: [{ name: 'topic' }],
    },
  },
  inferenceConfiguration: { text: { temperature: 0.2, maxTokens: 300 } },
  ...extra,
});

let sim: AwsSim;
let client: BedrockAgentClient;
let n = 0;
const unique = (base: string) => `${base}-${++n}`;

beforeAll(async () => {
  sim = await startAwsSim();
  client = bedrockAgentClient(sim);
});
afterAll(async () => {
  client.destroy();
  await sim.stop();
});

async function failure<T extends Error>(p: Promise<unknown>, type: new (...args: never[]) => T): Promise<T & { $metadata: { httpStatusCode?: number; attempts?: number }; fieldList?: { name: string; message: string }[] }> {
  const err = await p.then(
    () => new Error('expected the call to fail'),
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(type);
  return err as T & { $metadata: { httpStatusCode?: number; attempts?: number }; fieldList?: { name: string; message: string }[] };
}

describe('prompts and versions', () => {
  it('creates a DRAFT, cuts immutable numbered versions, and reads any of them by id, ARN or promptVersion', async () => {
    const name = unique('faq');
    const created = await client.send(new CreatePromptCommand({ name, description: 'FAQ answers', variants: [chat('Tell me about {{topic}}')], defaultVariant: 'main' }));
    expect(created.$metadata.httpStatusCode).toBe(201);
    expect(created).toMatchObject({ name, version: 'DRAFT', defaultVariant: 'main', description: 'FAQ answers' });
    expect(created.id).toMatch(/^[0-9A-Z]{10}$/);
    expect(created.arn).toBe(`arn:aws:bedrock:us-east-1:123456789012:prompt/${created.id}`);
    expect(created.createdAt).toBeInstanceOf(Date);
    const id = created.id ?? '';

    const v1 = await client.send(new CreatePromptVersionCommand({ promptIdentifier: id, description: 'first' }));
    expect(v1).toMatchObject({ version: '1', arn: `${created.arn}:1`, description: 'first' });
    await client.send(new UpdatePromptCommand({ promptIdentifier: id, name, variants: [chat('Explain {{topic}} in one line', { inferenceConfiguration: { text: { temperature: 0.9 } } })] }));
    const v2 = await client.send(new CreatePromptVersionCommand({ promptIdentifier: created.arn }));
    expect(v2.version).toBe('2');

    const old = await client.send(new GetPromptCommand({ promptIdentifier: id, promptVersion: '1' }));
    const oldChat = old.variants?.[0]?.templateConfiguration;
    expect(oldChat && 'chat' in oldChat ? oldChat.chat?.messages?.[0]?.content?.[0] : undefined).toEqual({ text: 'Tell me about {{topic}}' });
    expect(old.variants?.[0]?.inferenceConfiguration).toEqual({ text: { temperature: 0.2, maxTokens: 300 } });
    const byArn = await client.send(new GetPromptCommand({ promptIdentifier: `${created.arn}:2` }));
    expect(byArn.version).toBe('2');
    expect(byArn.variants?.[0]?.inferenceConfiguration).toEqual({ text: { temperature: 0.9 } });
    const draft = await client.send(new GetPromptCommand({ promptIdentifier: id }));
    expect(draft.version).toBe('DRAFT');

    const versions = await client.send(new ListPromptsCommand({ promptIdentifier: id }));
    expect(versions.promptSummaries?.map((s) => s.version)).toEqual(['DRAFT', '1', '2']);

    const deleted = await client.send(new DeletePromptCommand({ promptIdentifier: id, promptVersion: '1' }));
    expect(deleted).toMatchObject({ id, version: '1' });
    await failure(client.send(new GetPromptCommand({ promptIdentifier: id, promptVersion: '1' })), ResourceNotFoundException);
    await failure(client.send(new DeletePromptCommand({ promptIdentifier: id, promptVersion: 'DRAFT' })), ValidationException);
    await client.send(new DeletePromptCommand({ promptIdentifier: id }));
    const gone = await failure(client.send(new GetPromptCommand({ promptIdentifier: id })), ResourceNotFoundException);
    expect(gone.$metadata.httpStatusCode).toBe(404);
  });

  it('keeps TEXT templates, tool configurations (with their JSON schema) and extra model fields', async () => {
    const text: PromptVariant = {
      name: 'text',
      templateType: 'TEXT',
      modelId: 'amazon.nova-lite-v1:0',
      templateConfiguration: { text: { text: 'Write about {{topic}}.', inputVariables: [{ name: 'topic' }] } },
      additionalModelRequestFields: { inferenceConfig: { topK: 20 } },
    };
    const a = await client.send(new CreatePromptCommand({ name: unique('text'), variants: [text] }));
    expect((await client.send(new GetPromptCommand({ promptIdentifier: a.id }))).variants?.[0]).toEqual(text);

    const tools = chat('Route {{topic}}');
    tools.templateConfiguration = {
      chat: {
        messages: [{ role: 'user', content: [{ text: 'Route {{topic}}' }] }],
        toolConfiguration: {
          tools: [{ toolSpec: { name: 'route', description: 'Route it', inputSchema: { json: { type: 'object', properties: { team: { type: 'string' } } } } } }],
          toolChoice: { tool: { name: 'route' } },
        },
      },
    };
    const b = await client.send(new CreatePromptCommand({ name: unique('tools'), variants: [tools] }));
    const got = await client.send(new GetPromptCommand({ promptIdentifier: b.id }));
    expect(got.variants?.[0]?.templateConfiguration).toEqual(tools.templateConfiguration);
  });

  it('lists every prompt once across pages', async () => {
    const own = await startAwsSim();
    const c = bedrockAgentClient(own);
    try {
      for (let i = 0; i < 7; i++) await c.send(new CreatePromptCommand({ name: `p${i}`, variants: [chat('x {{topic}}')] }));
      const first = await c.send(new ListPromptsCommand({ maxResults: 3 }));
      expect(first.promptSummaries).toHaveLength(3);
      expect(first.nextToken).toBeTruthy();
      const names: string[] = [];
      for await (const p of paginateListPrompts({ client: c, pageSize: 3 }, {})) names.push(...(p.promptSummaries ?? []).map((s) => s.name ?? ''));
      expect(names).toEqual(['p0', 'p1', 'p2', 'p3', 'p4', 'p5', 'p6']);
      await failure(c.send(new ListPromptsCommand({ nextToken: 'garbage' })), ValidationException);
    } finally {
      c.destroy();
      await own.stop();
    }
  });

  it('replays a request with the same clientToken instead of creating twice', async () => {
    const name = unique('idem');
    const a = await client.send(new CreatePromptCommand({ name, variants: [chat('{{topic}}')], clientToken: `tok-${name}` }));
    const b = await client.send(new CreatePromptCommand({ name, variants: [chat('{{topic}}')], clientToken: `tok-${name}` }));
    expect(b.id).toBe(a.id);
    const v1 = await client.send(new CreatePromptVersionCommand({ promptIdentifier: a.id, clientToken: `v-${name}` }));
    const again = await client.send(new CreatePromptVersionCommand({ promptIdentifier: a.id, clientToken: `v-${name}` }));
    expect(again.version).toBe(v1.version);
  });
});

describe('errors like Bedrock Agent', () => {
  it('ConflictException (409) for a duplicate name, on create and on rename', async () => {
    const name = unique('dup');
    const other = await client.send(new CreatePromptCommand({ name: unique('other') }));
    await client.send(new CreatePromptCommand({ name }));
    const err = await failure(client.send(new CreatePromptCommand({ name })), ConflictException);
    expect(err.$metadata.httpStatusCode).toBe(409);
    await failure(client.send(new UpdatePromptCommand({ promptIdentifier: other.id, name })), ConflictException);
  });

  it('ValidationException with a fieldList for bad names, two variants, bad settings, a wrong defaultVariant', async () => {
    const badName = await failure(client.send(new CreatePromptCommand({ name: 'my prompt!' })), ValidationException);
    expect(badName.fieldList?.[0]?.name).toBe('name');
    expect(badName.message).toMatch(/regular expression pattern/);
    await failure(client.send(new CreatePromptCommand({ name: 'x'.repeat(201) })), ValidationException);
    const two = await failure(client.send(new CreatePromptCommand({ name: unique('two'), variants: [chat('a'), { ...chat('b'), name: 'b' }] })), ValidationException);
    expect(two.fieldList?.[0]?.name).toBe('variants');
    const hot = await failure(client.send(new CreatePromptCommand({ name: unique('hot'), variants: [chat('a', { inferenceConfiguration: { text: { temperature: 2 } } })] })), ValidationException);
    expect(hot.fieldList?.[0]?.name).toBe('variants.0.inferenceConfiguration.text.temperature');
    await failure(client.send(new CreatePromptCommand({ name: unique('stops'), variants: [chat('a', { inferenceConfiguration: { text: { stopSequences: ['1', '2', '3', '4', '5'] } } })] })), ValidationException);
    await failure(client.send(new CreatePromptCommand({ name: unique('dv'), variants: [chat('a')], defaultVariant: 'other' })), ValidationException);
    await failure(client.send(new CreatePromptCommand({ name: unique('desc'), description: 'd'.repeat(201) })), ValidationException);
    const mismatch = await failure(client.send(new CreatePromptCommand({ name: unique('mm'), variants: [{ ...chat('a'), templateType: 'TEXT' }] })), ValidationException);
    expect(mismatch.message).toMatch(/templateType TEXT needs templateConfiguration.text/);
    await failure(client.send(new GetPromptCommand({ promptIdentifier: 'ABCDEFGHIJ' })), ResourceNotFoundException);
  });

  it('ServiceQuotaExceededException past 10 versions of a prompt', async () => {
    const p = await client.send(new CreatePromptCommand({ name: unique('many'), variants: [chat('{{topic}}')] }));
    for (let i = 0; i < 10; i++) await client.send(new CreatePromptVersionCommand({ promptIdentifier: p.id }));
    const err = await failure(client.send(new CreatePromptVersionCommand({ promptIdentifier: p.id })), ServiceQuotaExceededException);
    expect(err.$metadata.httpStatusCode).toBe(402);
    const empty = await client.send(new CreatePromptCommand({ name: unique('empty') }));
    await failure(client.send(new CreatePromptVersionCommand({ promptIdentifier: empty.id })), ValidationException);
  });

  it('AccessDeniedException for denied operations, ThrottlingException over controlPlaneRps', async () => {
    const clock = { t: 1_000 };
    const own = await startAwsSim({ now: () => clock.t, config: { deniedOperations: ['bedrock:CreatePrompt'], controlPlaneRps: 1 } });
    const c = bedrockAgentClient(own, { maxAttempts: 2 });
    try {
      await failure(c.send(new CreatePromptCommand({ name: 'nope' })), AccessDeniedException);
      await c.send(new ListPromptsCommand({}));
      const err = await failure(c.send(new ListPromptsCommand({})), ThrottlingException);
      expect(err.$metadata.attempts).toBe(2);
      clock.t += 1_500;
      await c.send(new ListPromptsCommand({}));
    } finally {
      c.destroy();
      await own.stop();
    }
  });
});

describe('seed prompts', () => {
  it('starts with the demo prompts (with versions) when given them', async () => {
    const own = await startAwsSim({ prompts: DEMO_BEDROCK_PROMPTS });
    const c = bedrockAgentClient(own);
    try {
      const list = await c.send(new ListPromptsCommand({}));
      expect(list.promptSummaries?.map((s) => s.name)).toEqual(['support-reply', 'product-description', 'ticket-router', 'meeting-notes']);
      const support = list.promptSummaries?.[0]?.id ?? '';
      const versions = await c.send(new ListPromptsCommand({ promptIdentifier: support }));
      expect(versions.promptSummaries?.map((s) => s.version)).toEqual(['DRAFT', '1', '2']);
      const v1 = await c.send(new GetPromptCommand({ promptIdentifier: support, promptVersion: '1' }));
      const v2 = await c.send(new GetPromptCommand({ promptIdentifier: support, promptVersion: '2' }));
      expect(v1.variants?.[0]?.inferenceConfiguration).toEqual({ text: { temperature: 0.5, maxTokens: 400 } });
      expect(v2.variants?.[0]?.additionalModelRequestFields).toEqual({ top_k: 50 });
      own.addPrompts([
        {
          name: 'added-later',
          variants: [{ name: 'v', templateType: 'TEXT', modelId: 'amazon.nova-micro-v1:0', templateConfiguration: { text: { text: 'Hi {{who}}' } } }],
        },
      ]);
      expect((await c.send(new ListPromptsCommand({}))).promptSummaries).toHaveLength(5);
      const res = await fetch(`${own.url}/__sim/prompts`, { method: 'POST', body: JSON.stringify({ not: 'a list' }) });
      expect(res.status).toBe(400);
    } finally {
      c.destroy();
      await own.stop();
    }
  });

  it('refuses an invalid seed at start-up', async () => {
    await expect(startAwsSim({ prompts: [{ name: 'bad name' }] })).rejects.toBeInstanceOf(SimConfigError);
    await expect(startAwsSim({ prompts: [{ name: 'dup' }, { name: 'dup' }] })).rejects.toThrow(/already exists/);
  });
});

import { DeletePromptCommand, GetPromptCommand, type BedrockAgentClient } from '@aws-sdk/client-bedrock-agent';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_BEDROCK_PROMPTS, startAwsSim, type AwsSim } from '../aws-sim';
import { bedrockAgentClient } from '../aws-sim/testing';
import { AwsApiError } from './errors';
import { getBedrockPrompt, listBedrockPrompts, listBedrockPromptVersions, PromptConversionError, publishToBedrock, readBedrockPromptForImport, type PublishInput } from './prompt-management';

const HAIKU = 'anthropic.claude-3-5-haiku-20241022-v1:0';

let sim: AwsSim;
let client: BedrockAgentClient;
beforeAll(async () => {
  sim = await startAwsSim({ prompts: DEMO_BEDROCK_PROMPTS });
  client = bedrockAgentClient(sim);
});
afterAll(async () => {
  client.destroy();
  await sim.stop();
});

const idOf = async (name: string) => (await listBedrockPrompts(client)).find((p) => p.name === name)?.id ?? '';

describe('import', () => {
  it('reads every version of a prompt, oldest first, converted', async () => {
    const imported = await readBedrockPromptForImport(client, await idOf('support-reply'));
    expect(imported).toMatchObject({ name: 'support-reply', promptdeckName: 'support-reply', description: 'Answers a customer support question in the brand voice.' });
    expect(imported.versions.map((v) => v.bedrockVersion)).toEqual(['1', '2']);
    expect(imported.versions[1]?.arn).toBe(`${imported.arn}:2`);
    const [v1, v2] = imported.versions.map((v) => v.conversion);
    expect(v1?.ok && v1.version).toEqual({
      template: { system: 'You are a friendly support agent for Acme Outdoor Gear. Answer briefly.', messages: [{ role: 'user', content: 'Customer {{customer_name}} asks: {{question}}' }] },
      modelId: HAIKU,
      params: { temperature: 0.5, maxTokens: 400 },
      commitMessage: 'First version (Bedrock version 1)',
    });
    expect(v2?.ok && v2.version.params).toEqual({ temperature: 0.3, topP: 0.9, maxTokens: 400, topK: 50 });
  });

  it('notes what it cannot carry over: a TEXT template, a tool configuration; a never-versioned prompt gives its draft', async () => {
    const text = await readBedrockPromptForImport(client, await idOf('product-description'));
    expect(text.versions[0]?.conversion.notes.map((n) => n.code)).toEqual(['text_template_as_user_message']);
    const tools = await readBedrockPromptForImport(client, await idOf('ticket-router'));
    const conv = tools.versions[0]?.conversion;
    expect(conv?.notes.map((n) => n.code)).toEqual(['tools_not_imported']);
    expect(conv?.ok && conv.extras.toolConfiguration).toMatchObject({ tools: [{ toolSpec: { name: 'route_ticket' } }] });
    const draft = await readBedrockPromptForImport(client, await idOf('meeting-notes'));
    expect(draft.versions.map((v) => v.bedrockVersion)).toEqual(['DRAFT']);
    expect(draft.versions[0]?.conversion.ok).toBe(true);
  });

  it('lists prompts and versions across pages', async () => {
    const own = await startAwsSim({ prompts: Array.from({ length: 12 }, (_, i) => ({ name: `bulk-${i}`, variants: DEMO_BEDROCK_PROMPTS[1]?.variants, versions: i === 0 ? [{}, {}, {}] : [] })) });
    const c = bedrockAgentClient(own);
    try {
      const prompts = await listBedrockPrompts(c, { pageSize: 5 });
      expect(prompts.map((p) => p.name)).toEqual(Array.from({ length: 12 }, (_, i) => `bulk-${i}`));
      const versions = await listBedrockPromptVersions(c, prompts[0]?.id ?? '', { pageSize: 2 });
      expect(versions.map((v) => v.version)).toEqual(['1', '2', '3']);
    } finally {
      c.destroy();
      await own.stop();
    }
  });

  it('throws typed errors: not found, validation', async () => {
    await expect(getBedrockPrompt(client, 'ZZZZZZZZZZ')).rejects.toMatchObject({ kind: 'not_found', operation: 'GetPrompt', httpStatus: 404 });
    const bad = await getBedrockPrompt(client, await idOf('support-reply'), 'v1').catch((e: unknown) => e);
    expect(bad).toBeInstanceOf(AwsApiError);
    expect(bad).toMatchObject({ kind: 'validation', fields: [{ name: 'promptVersion' }] });
  });
});

const version = (n: number, content: string): PublishInput['version'] => ({
  number: n,
  template: { system: 'Moderate comments.', messages: [{ role: 'user', content }] },
  modelId: HAIKU,
  params: { temperature: 0, maxTokens: 100, topK: 10 },
  commitMessage: `change ${n}`,
});

describe('publish', () => {
  it('creates the Bedrock prompt and version 1, then updates it and cuts version 2; both readable by ARN', async () => {
    const first = await publishToBedrock(client, { promptName: 'team.moderation', description: 'Flags rude comments', version: version(1, 'Comment: {{comment}}') });
    expect(first).toMatchObject({ created: true, bedrockVersion: '1', notes: [] });
    expect(first.promptArn).toMatch(/^arn:aws:bedrock:us-east-1:123456789012:prompt\/[0-9A-Z]{10}$/);
    expect(first.promptVersionArn).toBe(`${first.promptArn}:1`);

    const second = await publishToBedrock(client, { promptName: 'team.moderation', version: version(2, 'Rate: {{comment}}'), bedrockPromptId: first.promptId });
    expect(second).toMatchObject({ created: false, promptId: first.promptId, promptArn: first.promptArn, bedrockVersion: '2', promptVersionArn: `${first.promptArn}:2` });

    const v1 = await client.send(new GetPromptCommand({ promptIdentifier: first.promptVersionArn }));
    expect(v1).toMatchObject({ name: 'team-moderation', description: 'Promptdeck team.moderation v1: change 1', version: '1' });
    const chat = v1.variants?.[0]?.templateConfiguration;
    expect(chat && 'chat' in chat ? chat.chat?.messages?.[0]?.content : undefined).toEqual([{ text: 'Comment: {{comment}}' }]);
    expect(v1.variants?.[0]?.additionalModelRequestFields).toEqual({ top_k: 10 });
    const v2 = await client.send(new GetPromptCommand({ promptIdentifier: second.promptVersionArn }));
    const chat2 = v2.variants?.[0]?.templateConfiguration;
    expect(chat2 && 'chat' in chat2 ? chat2.chat?.inputVariables : undefined).toEqual([{ name: 'comment' }]);
  });

  it('adopts an existing Bedrock prompt of the same name, and recreates one deleted in Bedrock', async () => {
    sim.addPrompts([{ name: 'made-in-console', variants: DEMO_BEDROCK_PROMPTS[1]?.variants, versions: [{}] }]);
    const adopted = await publishToBedrock(client, { promptName: 'made-in-console', version: version(3, 'Q: {{question}}') });
    expect(adopted).toMatchObject({ created: false, promptId: await idOf('made-in-console'), bedrockVersion: '2' });

    const made = await publishToBedrock(client, { promptName: 'short-lived', version: version(1, 'x {{y}}') });
    await client.send(new DeletePromptCommand({ promptIdentifier: made.promptId }));
    const again = await publishToBedrock(client, { promptName: 'short-lived', version: version(2, 'x {{y}}'), bedrockPromptId: made.promptId });
    expect(again.created).toBe(true);
    expect(again.promptId).not.toBe(made.promptId);
    expect(again.bedrockVersion).toBe('1');
  });

  it('refuses a template Bedrock cannot express, before calling AWS', async () => {
    const before = sim.controlCalls().length;
    const err = await publishToBedrock(client, { promptName: 'sections', version: version(1, '{{#vip}}Dear VIP{{/vip}} {{q}}') }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(PromptConversionError);
    expect(err).toMatchObject({ reason: 'uses_sections' });
    expect(sim.controlCalls().length).toBe(before);
  });

  it('surfaces AWS refusals as AwsApiError: access denied, quota exceeded, throttled', async () => {
    const clock = { t: 9_000_000 };
    const own = await startAwsSim({ now: () => clock.t, config: { deniedOperations: ['bedrock:CreatePrompt'] } });
    const c = bedrockAgentClient(own, { maxAttempts: 3 });
    try {
      await expect(publishToBedrock(c, { promptName: 'denied', version: version(1, '{{a}}') })).rejects.toMatchObject({ kind: 'access_denied', operation: 'CreatePrompt' });
      own.setConfig({ deniedOperations: [] });
      const made = await publishToBedrock(c, { promptName: 'full', version: version(1, '{{a}}') });
      for (let n = 2; n <= 10; n++) {
        clock.t += 1_000;
        await publishToBedrock(c, { promptName: 'full', version: version(n, '{{a}}'), bedrockPromptId: made.promptId });
      }
      await expect(publishToBedrock(c, { promptName: 'full', version: version(11, '{{a}}'), bedrockPromptId: made.promptId })).rejects.toMatchObject({
        kind: 'quota_exceeded',
        operation: 'CreatePromptVersion',
        httpStatus: 402,
      });
      own.setConfig({ controlPlaneRps: 1 });
      clock.t += 5_000;
      await listBedrockPrompts(c);
      await expect(listBedrockPrompts(c)).rejects.toMatchObject({ kind: 'throttled', awsCode: 'ThrottlingException', attempts: 3 });
    } finally {
      c.destroy();
      await own.stop();
    }
  });
});

import { ConverseCommand, ConverseStreamCommand, ValidationException, type ConverseCommandInput, type ConverseStreamOutput } from '@aws-sdk/client-bedrock-runtime';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startAwsSim, type AwsSim } from './index';
import { bedrockClient } from './testing';

/** Tool use and prompt caching in the stand-in, through the real Bedrock Runtime client. */
let sim: AwsSim;
beforeAll(async () => {
  sim = await startAwsSim();
});
afterAll(async () => sim?.stop());
beforeEach(() => {
  sim.reset();
  sim.setConfig({ promptCacheMinTokens: 0 });
});

const SONNET = 'us.anthropic.claude-3-7-sonnet-20250219-v1:0';
const weather = {
  toolSpec: {
    name: 'get_weather',
    description: 'Current weather for a city',
    inputSchema: { json: { type: 'object', properties: { city: { type: 'string' }, unit: { type: 'string', enum: ['celsius', 'fahrenheit'] }, days: { type: 'integer', minimum: 1, maximum: 7 } }, required: ['city'] } },
  },
};
const lookup = { toolSpec: { name: 'lookup_order', description: 'Find an order by its number', inputSchema: { json: { type: 'object', properties: { orderId: { type: 'string' } } } } } };
const ask = (text: string): ConverseCommandInput['messages'] => [{ role: 'user', content: [{ text }] }];

async function events(stream: AsyncIterable<ConverseStreamOutput> | undefined): Promise<ConverseStreamOutput[]> {
  const out: ConverseStreamOutput[] = [];
  for await (const e of stream ?? []) out.push(e);
  return out;
}

describe('tool use', () => {
  it('calls the tool the message is about, deterministically, with input that follows the schema', async () => {
    const client = bedrockClient(sim);
    const input: ConverseCommandInput = { modelId: SONNET, messages: ask('What is the weather in Lisbon in fahrenheit for 3 days?'), toolConfig: { tools: [lookup, weather] } };
    const a = await client.send(new ConverseCommand(input));
    const b = await client.send(new ConverseCommand(input));
    expect(a.stopReason).toBe('tool_use');
    const content = a.output?.message?.content ?? [];
    expect(content[0]?.text).toMatch(/get_weather/); // Claude says what it does before an unforced call
    const use = content.find((c) => c.toolUse)?.toolUse;
    expect(use).toMatchObject({ name: 'get_weather', input: { city: 'Lisbon', unit: 'fahrenheit', days: 3 } });
    expect(use?.toolUseId).toMatch(/^tooluse_[A-Za-z0-9_-]{22}$/);
    expect(b.output).toEqual(a.output);
  });

  it('answers in text under auto when no tool fits, and always calls one under any or a named tool', async () => {
    const client = bedrockClient(sim);
    const auto = await client.send(new ConverseCommand({ modelId: SONNET, messages: ask('Tell me a story about dragons'), toolConfig: { tools: [weather] } }));
    expect(auto.stopReason).toBe('end_turn');
    expect(auto.output?.message?.content?.some((c) => c.toolUse)).toBe(false);
    const any = await client.send(new ConverseCommand({ modelId: SONNET, messages: ask('Tell me a story about dragons'), toolConfig: { tools: [weather], toolChoice: { any: {} } } }));
    expect(any.stopReason).toBe('tool_use');
    expect(any.output?.message?.content).toHaveLength(1); // forced: no preamble
    const named = await client.send(new ConverseCommand({ modelId: SONNET, messages: ask('weather please'), toolConfig: { tools: [weather, lookup], toolChoice: { tool: { name: 'lookup_order' } } } }));
    expect(named.output?.message?.content?.[0]?.toolUse?.name).toBe('lookup_order');
  });

  it('answers a toolResult in text', async () => {
    const client = bedrockClient(sim);
    const r = await client.send(
      new ConverseCommand({
        modelId: SONNET,
        toolConfig: { tools: [weather] },
        messages: [
          { role: 'user', content: [{ text: 'Weather in Lisbon?' }] },
          { role: 'assistant', content: [{ toolUse: { toolUseId: 'tooluse_1', name: 'get_weather', input: { city: 'Lisbon' } } }] },
          { role: 'user', content: [{ toolResult: { toolUseId: 'tooluse_1', content: [{ json: { temperature: 21, sky: 'sunny' } }] } }] },
        ],
      }),
    );
    expect(r.stopReason).toBe('end_turn');
    expect(r.output?.message?.content?.[0]?.text).toBeTruthy();
  });

  it('streams a tool call as contentBlockStart, toolUse input deltas and contentBlockStop', async () => {
    const client = bedrockClient(sim);
    const input = { modelId: SONNET, messages: ask('Weather in Porto?'), toolConfig: { tools: [weather], toolChoice: { tool: { name: 'get_weather' } } } };
    const whole = await client.send(new ConverseCommand(input));
    const evs = await events((await client.send(new ConverseStreamCommand(input))).stream);
    const start = evs.find((e) => e.contentBlockStart)?.contentBlockStart;
    expect(start?.start?.toolUse).toEqual({ toolUseId: whole.output?.message?.content?.[0]?.toolUse?.toolUseId, name: 'get_weather' });
    const pieces = evs.flatMap((e) => (e.contentBlockDelta?.delta?.toolUse ? [e.contentBlockDelta.delta.toolUse.input ?? ''] : []));
    expect(pieces.length).toBeGreaterThan(1);
    expect(JSON.parse(pieces.join(''))).toEqual(whole.output?.message?.content?.[0]?.toolUse?.input);
    expect(evs.some((e) => e.contentBlockStop?.contentBlockIndex === start?.contentBlockIndex)).toBe(true);
    expect(evs.find((e) => e.messageStop)?.messageStop?.stopReason).toBe('tool_use');
  });

  it('refuses what Bedrock refuses: a forced tool that is not listed, toolChoice any on a model without it, an empty tool list', async () => {
    const client = bedrockClient(sim);
    const refuse = async (input: ConverseCommandInput) => {
      const e = await client.send(new ConverseCommand(input)).catch((err: unknown) => err);
      expect(e).toBeInstanceOf(ValidationException);
      return (e as Error).message;
    };
    expect(await refuse({ modelId: SONNET, messages: ask('hi'), toolConfig: { tools: [weather], toolChoice: { tool: { name: 'nope' } } } })).toMatch(/nope/);
    expect(await refuse({ modelId: 'meta.llama3-1-70b-instruct-v1:0', messages: ask('hi'), toolConfig: { tools: [weather], toolChoice: { any: {} } } })).toMatch(/toolChoice\.any/);
    expect(await refuse({ modelId: SONNET, messages: ask('hi'), toolConfig: { tools: [] } })).toMatch(/toolConfig\.tools/);
  });
});

describe('prompt caching', () => {
  const system = 'You are a support assistant for a large catalog of products. '.repeat(40);
  const input = (question: string): ConverseCommandInput => ({
    modelId: SONNET,
    system: [{ text: system }, { cachePoint: { type: 'default' } }],
    messages: ask(question),
  });

  it('writes the prefix on the first call and reads it afterwards; usage counts the rest as input', async () => {
    const client = bedrockClient(sim);
    const first = await client.send(new ConverseCommand(input('Where is my order?')));
    const prefix = Math.ceil(system.length / 4);
    expect(first.usage).toMatchObject({ cacheWriteInputTokens: prefix, cacheReadInputTokens: 0 });
    const second = await client.send(new ConverseCommand(input('How do returns work?')));
    expect(second.usage).toMatchObject({ cacheReadInputTokens: prefix, cacheWriteInputTokens: 0 });
    expect(second.usage?.inputTokens).toBe(Math.ceil('How do returns work?'.length / 4));
    expect(second.usage?.totalTokens).toBe((second.usage?.inputTokens ?? 0) + prefix + (second.usage?.outputTokens ?? 0));
    // Streams report the same in their metadata event
    const evs = await events((await client.send(new ConverseStreamCommand(input('Any discounts?')))).stream);
    expect(evs.at(-1)?.metadata?.usage).toMatchObject({ cacheReadInputTokens: prefix, cacheWriteInputTokens: 0 });
  });

  it('caches per model and prefix, honours the minimum size, forgets on reset, refuses a fifth cache point', async () => {
    const client = bedrockClient(sim);
    await client.send(new ConverseCommand(input('a')));
    const other = await client.send(new ConverseCommand({ ...input('a'), modelId: 'anthropic.claude-3-5-haiku-20241022-v1:0' }));
    expect(other.usage?.cacheWriteInputTokens).toBeGreaterThan(0);
    const changed = await client.send(new ConverseCommand({ ...input('a'), system: [{ text: `${system}!` }, { cachePoint: { type: 'default' } }] }));
    expect(changed.usage).toMatchObject({ cacheReadInputTokens: 0 });
    sim.reset();
    sim.setConfig({ promptCacheMinTokens: 100_000 });
    const small = await client.send(new ConverseCommand(input('a')));
    expect(small.usage).toMatchObject({ cacheReadInputTokens: 0, cacheWriteInputTokens: 0 });
    const five = Array.from({ length: 5 }, () => ({ cachePoint: { type: 'default' as const } }));
    const e = await client.send(new ConverseCommand({ modelId: SONNET, system: [{ text: 'x' }, ...five], messages: ask('hi') })).catch((err: unknown) => err);
    expect(e).toBeInstanceOf(ValidationException);
  });

  it('a cache point after a message caches the conversation up to it', async () => {
    const client = bedrockClient(sim);
    const convo = (last: string): ConverseCommandInput => ({
      modelId: SONNET,
      system: [{ text: system }],
      messages: [
        { role: 'user', content: [{ text: 'Here is a long document. '.repeat(50) }, { cachePoint: { type: 'default' } }] },
        { role: 'assistant', content: [{ text: 'Understood.' }] },
        { role: 'user', content: [{ text: last }] },
      ],
    });
    const a = await client.send(new ConverseCommand(convo('Summarise it')));
    const b = await client.send(new ConverseCommand(convo('List its key points')));
    expect(a.usage?.cacheWriteInputTokens).toBeGreaterThan(0);
    expect(b.usage?.cacheReadInputTokens).toBe(a.usage?.cacheWriteInputTokens);
  });
});

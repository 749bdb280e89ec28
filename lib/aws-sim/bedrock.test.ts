import { BedrockRuntimeClient, BedrockRuntimeServiceException, ConverseCommand, type ConverseCommandInput } from '@aws-sdk/client-bedrock-runtime';
import { CloudWatchClient, GetMetricDataCommand } from '@aws-sdk/client-cloudwatch';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startAwsSim, type AwsSim } from './index';
import { bedrockClient } from './testing';

const HAIKU = 'anthropic.claude-3-5-haiku-20241022-v1:0';
const SONNET_US = 'us.anthropic.claude-3-7-sonnet-20250219-v1:0';

const ask = (text: string, extra: Partial<ConverseCommandInput> = {}): ConverseCommandInput => ({
  modelId: HAIKU,
  messages: [{ role: 'user', content: [{ text }] }],
  ...extra,
});

let sim: AwsSim;
beforeAll(async () => {
  sim = await startAwsSim();
});
afterAll(async () => {
  await sim.stop();
});

async function expectError(p: Promise<unknown>): Promise<BedrockRuntimeServiceException> {
  const err = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(BedrockRuntimeServiceException);
  return err as BedrockRuntimeServiceException;
}

describe('Converse', () => {
  it('answers over h2c (the default client) with usage, metrics and a request id', async () => {
    const client = bedrockClient(sim);
    try {
      const out = await client.send(new ConverseCommand(ask('How should we store product reviews in a database?')));
      const text = out.output?.message?.content?.[0]?.text ?? '';
      expect(out.output?.message?.role).toBe('assistant');
      expect(text.length).toBeGreaterThan(40);
      expect(text).toMatch(/database|product|reviews/);
      expect(out.stopReason).toBe('end_turn');
      expect(out.usage?.outputTokens).toBe(Math.ceil(text.length / 4));
      expect(out.usage?.totalTokens).toBe((out.usage?.inputTokens ?? 0) + (out.usage?.outputTokens ?? 0));
      expect(out.metrics?.latencyMs).toBeGreaterThanOrEqual(0);
      expect(out.$metadata.requestId).toMatch(/^[0-9a-f-]{36}$/);
      expect(out.$metadata.attempts).toBe(1);
      expect(sim.calls().find((c) => c.requestId === out.$metadata.requestId)?.httpVersion).toBe('2.0');
    } finally {
      client.destroy();
    }
  });

  it('is deterministic: same request, same answer over h2c, HTTP/1.1 and fetch; another request, another answer', async () => {
    const h2 = bedrockClient(sim);
    const h1 = bedrockClient(sim, { http1: true });
    try {
      const input = ask('Summarize the shipping policy for international orders.');
      const a = await h2.send(new ConverseCommand(input));
      const b = await h1.send(new ConverseCommand(input));
      expect(sim.calls().find((c) => c.requestId === b.$metadata.requestId)?.httpVersion).toBe('1.1');
      const res = await fetch(`${sim.url}/model/${encodeURIComponent(HAIKU)}/converse`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ messages: input.messages }),
      });
      expect(res.status).toBe(200);
      const c = (await res.json()) as { output: { message: { content: { text: string }[] } } };
      const other = await h2.send(new ConverseCommand(ask('Write a haiku about autumn leaves and coffee.')));
      const text = a.output?.message?.content?.[0]?.text;
      expect(b.output?.message?.content?.[0]?.text).toBe(text);
      expect(c.output.message.content[0]?.text).toBe(text);
      expect(other.output?.message?.content?.[0]?.text).not.toBe(text);
    } finally {
      h2.destroy();
      h1.destroy();
    }
  });

  it('accepts inference profiles and ARNs, and records them under the id as called', async () => {
    const client = bedrockClient(sim);
    try {
      const arn = 'arn:aws:bedrock:us-east-1::foundation-model/meta.llama3-1-8b-instruct-v1:0';
      for (const modelId of [SONNET_US, 'global.anthropic.claude-sonnet-4-20250514-v1:0', arn]) {
        const out = await client.send(new ConverseCommand(ask('Hello there, how are you today?', { modelId })));
        expect(out.stopReason).toBe('end_turn');
      }
      const ids = sim.calls().map((c) => c.modelId);
      expect(ids).toContain(SONNET_US);
      expect(ids).toContain('meta.llama3-1-8b-instruct-v1:0');
    } finally {
      client.destroy();
    }
  });

  it('answers JSON prompts with valid JSON using the keys the prompt shows', async () => {
    const client = bedrockClient(sim);
    const system = [{ text: 'You review comments. Answer with JSON only, exactly in this form:\n{"violation": true|false, "explanation": "<one sentence>"}' }];
    const moderate = async (comment: string, guideline = 'Be polite. No spam or advertising.') => {
      const out = await client.send(
        new ConverseCommand(ask(`<guideline>\n${guideline}\n</guideline>\n\n<comment>\n${comment}\n</comment>`, { system, inferenceConfig: { maxTokens: 200, stopSequences: ['\n\n'] } })),
      );
      return JSON.parse(out.output?.message?.content?.[0]?.text ?? '') as Record<string, unknown>;
    };
    try {
      const ok = await moderate('The battery life is worse than advertised, two stars.');
      const bad = await moderate('Only an idiot would buy this.');
      const spam = await moderate('Great deals at https://cheap.example click here!');
      expect(Object.keys(ok)).toEqual(['violation', 'explanation']);
      expect(ok.violation).toBe(false);
      expect(bad.violation).toBe(true);
      expect(spam.violation).toBe(true);
      expect(typeof bad.explanation).toBe('string');
      // Only the rules the guideline names apply: "Be polite." says nothing about spam.
      expect((await moderate('Great deals at https://cheap.example click here!', 'Be polite.')).violation).toBe(false);
    } finally {
      client.destroy();
    }
  });

  it('stops at maxTokens (max_tokens) and at a stop sequence (stop_sequence)', async () => {
    const client = bedrockClient(sim);
    try {
      const input = ask('Explain how caching improves latency for prompt serving.');
      const full = await client.send(new ConverseCommand(input));
      const fullText = full.output?.message?.content?.[0]?.text ?? '';
      expect(fullText).toContain('\n\n');

      const cut = await client.send(new ConverseCommand({ ...input, inferenceConfig: { maxTokens: 5 } }));
      const cutText = cut.output?.message?.content?.[0]?.text ?? '';
      expect(cut.stopReason).toBe('max_tokens');
      expect(cut.usage?.outputTokens).toBeLessThanOrEqual(5);
      expect(fullText.startsWith(cutText)).toBe(true);

      const stopped = await client.send(new ConverseCommand({ ...input, inferenceConfig: { stopSequences: ['\n\n'] } }));
      expect(stopped.stopReason).toBe('stop_sequence');
      expect(stopped.output?.message?.content?.[0]?.text).toBe(fullText.slice(0, fullText.indexOf('\n\n')));
    } finally {
      client.destroy();
    }
  });
});

describe('pointing unmodified clients at the stand-in', () => {
  it('works through AWS_ENDPOINT_URL_BEDROCK_RUNTIME / AWS_ENDPOINT_URL_CLOUDWATCH and dummy credentials (sim.clientEnv)', async () => {
    for (const [k, v] of Object.entries(sim.clientEnv)) vi.stubEnv(k, v);
    const bedrock = new BedrockRuntimeClient({});
    const cw = new CloudWatchClient({});
    try {
      const out = await bedrock.send(new ConverseCommand(ask('Say hello to the operations team.', { modelId: 'mistral.mistral-large-2407-v1:0' })));
      expect(out.stopReason).toBe('end_turn');
      const now = Date.now();
      const metrics = await cw.send(
        new GetMetricDataCommand({
          StartTime: new Date(now - 600_000),
          EndTime: new Date(now + 60_000),
          MetricDataQueries: [
            { Id: 'inv', MetricStat: { Metric: { Namespace: 'AWS/Bedrock', MetricName: 'Invocations', Dimensions: [{ Name: 'ModelId', Value: 'mistral.mistral-large-2407-v1:0' }] }, Period: 3600, Stat: 'Sum' } },
          ],
        }),
      );
      expect(metrics.MetricDataResults?.[0]?.Values).toEqual([1]);
    } finally {
      bedrock.destroy();
      cw.destroy();
      vi.unstubAllEnvs();
    }
  });
});

describe('Converse validation', () => {
  const cases: [string, ConverseCommandInput, RegExp][] = [
    ['temperature above 1', ask('hi', { inferenceConfig: { temperature: 1.5 } }), /inferenceConfig\.temperature.*less than or equal to 1/],
    ['topP below 0', ask('hi', { inferenceConfig: { topP: -0.1 } }), /inferenceConfig\.topP.*greater than or equal to 0/],
    ['maxTokens 0', ask('hi', { inferenceConfig: { maxTokens: 0 } }), /inferenceConfig\.maxTokens.*greater than or equal to 1/],
    ['5 stop sequences', ask('hi', { inferenceConfig: { stopSequences: ['a', 'b', 'c', 'd', 'e'] } }), /stopSequences.*less than or equal to 4/],
    ['no messages', { modelId: HAIKU, messages: [] }, /must start with a user message/],
    ['starting with assistant', { modelId: HAIKU, messages: [{ role: 'assistant', content: [{ text: 'hi' }] }] }, /must start with a user message/],
    [
      'not alternating',
      {
        modelId: HAIKU,
        messages: [
          { role: 'user', content: [{ text: 'a' }] },
          { role: 'user', content: [{ text: 'b' }] },
        ],
      },
      /must alternate between user and assistant/,
    ],
    ['an unknown model family', ask('hi', { modelId: 'acme.super-model-v1:0' }), /^The provided model identifier is invalid\.$/],
  ];

  it.each(cases)('rejects %s with a ValidationException (400, not retried)', async (_name, input, message) => {
    const client = bedrockClient(sim);
    try {
      const err = await expectError(client.send(new ConverseCommand(input)));
      expect(err.name).toBe('ValidationException');
      expect(err.$metadata.httpStatusCode).toBe(400);
      expect(err.$metadata.attempts).toBe(1);
      expect(err.message).toMatch(message);
    } finally {
      client.destroy();
    }
  });

  it('answers the wire format Bedrock uses for errors', async () => {
    const res = await fetch(`${sim.url}/model/${encodeURIComponent(HAIKU)}/converse`, { method: 'POST', body: '{"messages": 3' });
    expect(res.status).toBe(400);
    expect(res.headers.get('x-amzn-errortype')).toBe('ValidationException:http://internal.amazon.com/coral/com.amazon.bedrock/');
    expect(res.headers.get('x-amzn-requestid')).toMatch(/^[0-9a-f-]{36}$/);
    expect(await res.json()).toEqual({ message: 'Malformed input request, please reformat your input and try again.' });
  });
});

import {
  ConverseCommand,
  ConverseStreamCommand,
  ModelStreamErrorException,
  ThrottlingException,
  type ConverseStreamCommandInput,
  type ConverseStreamOutput,
} from '@aws-sdk/client-bedrock-runtime';
import { describe, expect, it } from 'vitest';
import { startAwsSim, type AwsSimOptions } from './index';
import { EventStreamWriter } from './eventstream';
import { bedrockClient } from './testing';

const input: ConverseStreamCommandInput = {
  modelId: 'us.anthropic.claude-3-7-sonnet-20250219-v1:0',
  messages: [{ role: 'user', content: [{ text: 'Describe a good rollback process for prompt versions.' }] }],
};

async function withSim<T>(options: AwsSimOptions, fn: (sim: Awaited<ReturnType<typeof startAwsSim>>) => Promise<T>): Promise<T> {
  const sim = await startAwsSim(options);
  try {
    return await fn(sim);
  } finally {
    await sim.stop();
  }
}

async function collect(events: AsyncIterable<ConverseStreamOutput> | undefined, seen: ConverseStreamOutput[] = []) {
  for await (const e of events ?? []) seen.push(e);
  return seen;
}

describe('ConverseStream', () => {
  it.each([
    ['h2c', false],
    ['HTTP/1.1', true],
  ])('streams deltas over %s that concatenate to the Converse answer, then stop reason and usage', async (_name, http1) => {
    await withSim({}, async (sim) => {
      const client = bedrockClient(sim, { http1 });
      try {
        const whole = await client.send(new ConverseCommand(input));
        const out = await client.send(new ConverseStreamCommand(input));
        expect(out.$metadata.httpStatusCode).toBe(200);
        expect(out.$metadata.requestId).toMatch(/^[0-9a-f-]{36}$/);
        const events = await collect(out.stream);

        const kinds = events.map((e) => Object.keys(e)[0]);
        expect(kinds[0]).toBe('messageStart');
        expect(kinds.slice(-3)).toEqual(['contentBlockStop', 'messageStop', 'metadata']);
        const deltas = events.flatMap((e) => (e.contentBlockDelta?.delta?.text !== undefined ? [e.contentBlockDelta.delta.text] : []));
        expect(deltas.length).toBeGreaterThan(3);
        expect(deltas.join('')).toBe(whole.output?.message?.content?.[0]?.text);
        expect(events.find((e) => e.messageStop)?.messageStop?.stopReason).toBe('end_turn');
        const meta = events.at(-1)?.metadata;
        expect(meta?.usage).toEqual(whole.usage);
        expect(meta?.metrics?.latencyMs).toBeGreaterThanOrEqual(0);
      } finally {
        client.destroy();
      }
    });
  });

  it('paces deltas with streamDelayMs and records time to first token', async () => {
    await withSim({ config: { latency: { baseMs: 30, streamDelayMs: 10 } } }, async (sim) => {
      const client = bedrockClient(sim);
      try {
        const started = Date.now();
        const out = await client.send(new ConverseStreamCommand({ ...input, inferenceConfig: { maxTokens: 12 } }));
        const events = await collect(out.stream);
        const deltas = events.filter((e) => e.contentBlockDelta).length;
        expect(events.find((e) => e.messageStop)?.messageStop?.stopReason).toBe('max_tokens');
        expect(Date.now() - started).toBeGreaterThanOrEqual(30 + (deltas - 1) * 10 - 5);
        const [call] = sim.calls();
        expect(call?.outcome).toBe('success');
        expect(call?.timeToFirstTokenMs).toBeGreaterThanOrEqual(25);
        expect(call?.latencyMs).toBeGreaterThanOrEqual(call?.timeToFirstTokenMs ?? 0);
      } finally {
        client.destroy();
      }
    });
  });

  it('throws ThrottlingException inside for-await after some deltas (mid-stream exception), not retried', async () => {
    const faults = { streamErrorRate: 1, streamErrorType: 'throttlingException' as const, streamErrorAfterDeltas: 2 };
    await withSim({ config: { faults } }, async (sim) => {
      const client = bedrockClient(sim);
      try {
        const out = await client.send(new ConverseStreamCommand(input));
        const seen: ConverseStreamOutput[] = [];
        const err = await collect(out.stream, seen).then(
          () => undefined,
          (e: unknown) => e,
        );
        expect(err).toBeInstanceOf(ThrottlingException);
        expect(seen.filter((e) => e.contentBlockDelta)).toHaveLength(2);
        expect(seen.some((e) => e.messageStop)).toBe(false);
        expect(sim.calls().map((c) => c.outcome)).toEqual(['throttle']);
      } finally {
        client.destroy();
      }
    });
  });

  it('surfaces modelStreamErrorException as ModelStreamErrorException', async () => {
    const faults = { streamErrorRate: 1, streamErrorType: 'modelStreamErrorException' as const, streamErrorAfterDeltas: 0 };
    await withSim({ config: { faults } }, async (sim) => {
      const client = bedrockClient(sim, { http1: true });
      try {
        const out = await client.send(new ConverseStreamCommand(input));
        const err = await collect(out.stream).then(
          () => undefined,
          (e: unknown) => e,
        );
        expect(err).toBeInstanceOf(ModelStreamErrorException);
        expect((err as ModelStreamErrorException).originalStatusCode).toBe(500);
        expect(sim.calls()[0]?.outcome).toBe('clientError');
      } finally {
        client.destroy();
      }
    });
  });

  it('frames events as application/vnd.amazon.eventstream', async () => {
    await withSim({}, async (sim) => {
      const res = await fetch(`${sim.url}/model/${encodeURIComponent(input.modelId ?? '')}/converse-stream`, {
        method: 'POST',
        body: JSON.stringify({ messages: input.messages }),
      });
      expect(res.headers.get('content-type')).toBe('application/vnd.amazon.eventstream');
      const bytes = new Uint8Array(await res.arrayBuffer());
      // First frame: total length prefix, then headers naming the event.
      const first = bytes.subarray(0, new DataView(bytes.buffer, bytes.byteOffset).getUint32(0));
      const frame = new EventStreamWriter().decode(first);
      expect(frame.headers).toMatchObject({ ':message-type': 'event', ':event-type': 'messageStart', ':content-type': 'application/json' });
      expect(JSON.parse(frame.body)).toEqual({ role: 'assistant' });
    });
  });
});

import {
  AccessDeniedException,
  ConverseCommand,
  InternalServerException,
  ModelNotReadyException,
  ResourceNotFoundException,
  ServiceUnavailableException,
  ThrottlingException,
  type ConverseCommandInput,
} from '@aws-sdk/client-bedrock-runtime';
import { describe, expect, it } from 'vitest';
import { startAwsSim, type AwsSim, type AwsSimOptions } from './index';
import { bedrockClient, type TestClientOptions } from './testing';

const MODEL = 'anthropic.claude-3-5-haiku-20241022-v1:0';
const input = (text = 'Is this product good for kids?', modelId = MODEL): ConverseCommandInput => ({
  modelId,
  messages: [{ role: 'user', content: [{ text }] }],
});

/** Runs `fn` with its own stand-in and a client to it, both closed afterwards. */
async function withSim(options: AwsSimOptions, clientOptions: TestClientOptions, fn: (sim: AwsSim, send: (i: ConverseCommandInput) => Promise<unknown>) => Promise<void>) {
  const sim = await startAwsSim(options);
  const client = bedrockClient(sim, clientOptions);
  try {
    await fn(sim, (i) => client.send(new ConverseCommand(i)));
  } finally {
    client.destroy();
    await sim.stop();
  }
}

const failure = (p: Promise<unknown>) =>
  p.then(
    () => {
      throw new Error('expected the call to fail');
    },
    (e: unknown) => e as Error & { $metadata: { attempts?: number; httpStatusCode?: number } },
  );

describe('quotas', () => {
  it('throttles the 3rd call at 2 RPM with a real ThrottlingException after the SDK retried 3 times', async () => {
    await withSim({ config: { rpm: 2 } }, {}, async (sim, send) => {
      await send(input());
      await send(input());
      const err = await failure(send(input()));
      expect(err).toBeInstanceOf(ThrottlingException);
      expect(err.message).toBe('Too many requests, please wait before trying again.');
      expect(err.$metadata.httpStatusCode).toBe(429);
      expect(err.$metadata.attempts).toBe(3);
      expect(sim.calls().map((c) => c.outcome)).toEqual(['success', 'success', 'throttle', 'throttle', 'throttle']);
    });
  });

  it('frees quota as the 60-second window slides (injected clock)', async () => {
    let now = Date.UTC(2026, 0, 1, 12, 0, 0);
    await withSim({ config: { rpm: 1 }, now: () => now }, { maxAttempts: 1 }, async (_sim, send) => {
      await send(input());
      expect(await failure(send(input()))).toBeInstanceOf(ThrottlingException);
      now += 59_000;
      expect(await failure(send(input()))).toBeInstanceOf(ThrottlingException);
      now += 1_001;
      await send(input());
    });
  });

  it('throttles on tokens per minute, per model id; per-model overrides apply', async () => {
    const other = 'amazon.nova-lite-v1:0';
    await withSim({ config: { tpm: 200, modelQuotas: { [other]: { rpm: 0 } } } }, { maxAttempts: 1 }, async (_sim, send) => {
      // ~113 input tokens and at most 20 output tokens: one call fits in 200 tokens per minute, two do not.
      const long = { ...input('Tell me about warehouse logistics and delivery routing. '.repeat(8)), inferenceConfig: { maxTokens: 20 } };
      await send(long);
      const err = await failure(send(long));
      expect(err).toBeInstanceOf(ThrottlingException);
      expect(err.message).toBe('Too many tokens, please wait before trying again.');
      await send({ ...long, modelId: `us.${MODEL}` }); // a cross-region profile has its own quota
      expect(await failure(send(input('hi', other)))).toBeInstanceOf(ThrottlingException);
    });
  });
});

describe('server faults', () => {
  it('retries a transient 503 (failNext) and succeeds on the 3rd attempt', async () => {
    await withSim({ config: { faults: { failNext: 2 } } }, {}, async (sim, send) => {
      const out = (await send(input())) as { $metadata: { attempts?: number } };
      expect(out.$metadata.attempts).toBe(3);
      expect(sim.calls().map((c) => [c.outcome, c.status, c.errorType])).toEqual([
        ['serverError', 503, 'ServiceUnavailableException'],
        ['serverError', 503, 'ServiceUnavailableException'],
        ['success', 200, undefined],
      ]);
      expect(sim.config().faults.failNext).toBe(0);
    });
  });

  it('gives up after 3 attempts when every call fails (rate 1.0), with the configured 5xx type', async () => {
    await withSim({ config: { faults: { serverErrorRate: 1, serverErrorType: 'InternalServerException' } } }, {}, async (_sim, send) => {
      const err = await failure(send(input()));
      expect(err).toBeInstanceOf(InternalServerException);
      expect(err.$metadata.httpStatusCode).toBe(500);
      expect(err.$metadata.attempts).toBe(3);
    });
  });

  it('draws rate-based faults from the seeded RNG: same seed, same sequence', async () => {
    const run = async () => {
      const outcomes: string[] = [];
      await withSim({ config: { seed: 42, faults: { serverErrorRate: 0.5 } } }, { maxAttempts: 1 }, async (sim, send) => {
        for (let i = 0; i < 12; i++) await send(input()).catch((e: unknown) => e);
        outcomes.push(...sim.calls().map((c) => c.outcome));
      });
      return outcomes;
    };
    const first = await run();
    expect(first).toContain('success');
    expect(first).toContain('serverError');
    expect(await run()).toEqual(first);
  });

  it('holds a call for hangMs, and never answers when hangMs is null (client times out)', async () => {
    await withSim({ config: { faults: { hangRate: 1, hangMs: 150 } } }, { maxAttempts: 1 }, async (sim, send) => {
      const started = Date.now();
      await send(input());
      expect(Date.now() - started).toBeGreaterThanOrEqual(140);
      sim.setConfig({ faults: { hangMs: null } });
      for (const http1 of [false, true]) {
        const client = bedrockClient(sim, { maxAttempts: 1, requestTimeout: 200, http1 });
        try {
          const err = await failure(client.send(new ConverseCommand(input())));
          expect(err.name).toBe('TimeoutError');
        } finally {
          client.destroy();
        }
      }
      expect(sim.calls()).toHaveLength(1); // calls never answered are not recorded
    });
  });
});

describe('model errors', () => {
  it('answers AccessDeniedException (403), ResourceNotFoundException (404) and ModelNotReadyException (429, retried) for listed models', async () => {
    const faults = { deniedModels: [MODEL], notFoundModels: ['anthropic.claude-v1'], notReadyModels: ['cohere.command-r-v1:0'] };
    await withSim({ config: { faults } }, {}, async (sim, send) => {
      const denied = await failure(send(input('hi', `us.${MODEL}`))); // listed by base id, called via a profile
      expect(denied).toBeInstanceOf(AccessDeniedException);
      expect(denied.$metadata).toMatchObject({ httpStatusCode: 403, attempts: 1 });

      const missing = await failure(send(input('hi', 'anthropic.claude-v1')));
      expect(missing).toBeInstanceOf(ResourceNotFoundException);
      expect(missing.$metadata).toMatchObject({ httpStatusCode: 404, attempts: 1 });

      const notReady = await failure(send(input('hi', 'cohere.command-r-v1:0')));
      expect(notReady).toBeInstanceOf(ModelNotReadyException);
      expect(notReady.$metadata).toMatchObject({ httpStatusCode: 429, attempts: 3 }); // retryable, like real Bedrock

      expect(sim.calls().every((c) => c.outcome === 'clientError')).toBe(true);
    });
  });
});

describe('admin endpoint', () => {
  it('reads and changes the configuration at runtime, and rejects invalid changes', async () => {
    await withSim({}, { maxAttempts: 1 }, async (sim, send) => {
      const get = await fetch(`${sim.url}/__sim/config`);
      expect(((await get.json()) as { rpm: number }).rpm).toBe(600);

      const post = await fetch(`${sim.url}/__sim/config`, { method: 'POST', body: JSON.stringify({ faults: { serverErrorRate: 1 } }) });
      expect(post.status).toBe(200);
      expect(((await post.json()) as { faults: { serverErrorRate: number; serverErrorType: string } }).faults).toMatchObject({
        serverErrorRate: 1,
        serverErrorType: 'ServiceUnavailableException',
      });
      expect(await failure(send(input()))).toBeInstanceOf(ServiceUnavailableException);

      const bad = await fetch(`${sim.url}/__sim/config`, { method: 'POST', body: JSON.stringify({ faults: { serverErrorRate: 2 }, bogus: 1 }) });
      expect(bad.status).toBe(400);
      expect(((await bad.json()) as { message: string }).message).toMatch(/faults\.serverErrorRate/);
      expect(() => sim.setConfig({ rpm: -1 })).toThrow(/rpm/);

      await fetch(`${sim.url}/__sim/config`, { method: 'POST', body: JSON.stringify({ faults: { serverErrorRate: 0 } }) });
      await send(input());
      const reset = await fetch(`${sim.url}/__sim/reset`, { method: 'POST' });
      expect(reset.status).toBe(200);
      expect(sim.calls()).toEqual([]);
    });
  });
});

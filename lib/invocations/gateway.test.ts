import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ZodError } from 'zod';
import { startAwsSim, type AwsSim } from '../aws-sim';
import { bedrockClient } from '../aws-sim/testing';
import { createPrompt } from '../catalog/prompts';
import { createVersion } from '../catalog/versions';
import { AppError } from '../errors';
import { createTestDb, ctxFor, uniqueName, type TestDb } from '../test/db';
import { prepareInvocation, runInvocation, startStreamingInvocation } from './gateway';
import { getInvocation, listInvocations } from './queries';
import { onModelTraffic, type TrafficEvent } from './traffic';

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
  sim.setConfig({ rpm: 600, faults: { serverErrorRate: 0, streamErrorRate: 0, hangRate: 0, deniedModels: [], notReadyModels: [] } });
});

const HAIKU = 'anthropic.claude-3-5-haiku-20241022-v1:0';

async function moderationPrompt(): Promise<string> {
  const name = uniqueName('gw');
  const editor = ctxFor(t.db, 'deployer');
  await createPrompt(editor, { name });
  await createVersion(editor, name, {
    template: {
      system: 'You review comments. Answer with JSON only: {"violation": true|false, "explanation": "..."}',
      messages: [{ role: 'user', content: '<comment>{{comment}}</comment>' }],
    },
    modelId: HAIKU,
    params: { temperature: 0, maxTokens: 200, topK: 40 },
    labels: ['production'],
  });
  return name;
}

const ctx = () => ctxFor(t.db, 'viewer');
const client = () => bedrockClient(sim, { maxAttempts: 3 });

async function failure(p: Promise<unknown>): Promise<AppError> {
  const e = await p.then(
    () => null,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(AppError);
  return e as AppError;
}

describe('gateway through the stand-in (real SDK)', () => {
  it('invokes production, renders variables, answers JSON, and logs everything', async () => {
    const name = await moderationPrompt();
    const s = sim as AwsSim;
    const p = await prepareInvocation(ctx(), name, { variables: { comment: 'Great blender!' }, metadata: { userRef: 'u-1' } }, { source: 'api', client: client() });
    const r = await runInvocation(p);
    expect(r.version).toBe(1);
    expect(r.modelId).toBe(HAIKU);
    expect(JSON.parse(r.output.text)).toHaveProperty('violation');
    expect(r.usage.inputTokens).toBeGreaterThan(0);
    expect(r.costUsd).toBeGreaterThan(0);
    const logged = await getInvocation(ctx(), r.invocationId);
    expect(logged).toMatchObject({ promptName: name, promptVersion: 1, label: 'production', status: 'ok', source: 'api', caller: 'viewer@test.local', attempts: 1, metadata: { userRef: 'u-1' } });
    expect(logged.input.messages[0]?.content).toBe('<comment>Great blender!</comment>');
    expect(logged.awsRequestId).toBeTruthy();
    expect(logged.params).toMatchObject({ topK: 40 });
    expect(s.calls()).toHaveLength(1);
  });

  it('streams deltas that add up to the logged output, with time to first token', async () => {
    const name = await moderationPrompt();
    const p = await prepareInvocation(ctx(), name, { variables: { comment: 'ok' }, stream: true }, { source: 'playground', client: client() });
    const stream = await startStreamingInvocation(p);
    const deltas: string[] = [];
    const r = await stream.consume((d) => deltas.push(d));
    expect(deltas.length).toBeGreaterThan(1);
    expect(deltas.join('')).toBe(r.output.text);
    expect(r.timeToFirstTokenMs).not.toBeNull();
    const logged = await getInvocation(ctx(), r.invocationId);
    expect(logged).toMatchObject({ source: 'playground', status: 'ok', output: { text: r.output.text } });
    expect(logged.timeToFirstTokenMs).not.toBeNull();
  });

  it('answers 429 throttled after the SDK retried, and logs the throttled call', async () => {
    const name = await moderationPrompt();
    sim.setConfig({ rpm: 1 });
    const events: TrafficEvent[] = [];
    const stop = onModelTraffic((e) => events.push(e));
    const first = await prepareInvocation(ctx(), name, { variables: { comment: 'a' } }, { source: 'api', client: client() });
    await runInvocation(first);
    const e = await failure(prepareInvocation(ctx(), name, { variables: { comment: 'b' } }, { source: 'api', client: client() }).then(runInvocation));
    stop();
    // The gateway reports its traffic (for the experiment rate limiter), throttles included.
    expect(events).toEqual([
      { kind: 'start', modelId: HAIKU, source: 'api' },
      { kind: 'done', modelId: HAIKU, source: 'api', attempts: 1 },
      { kind: 'start', modelId: HAIKU, source: 'api' },
      { kind: 'throttled', modelId: HAIKU, source: 'api' },
    ]);
    expect(e.code).toBe('throttled');
    expect(e.status).toBe(429);
    const details = e.details as { invocationId: string; attempts: number };
    expect(details.attempts).toBe(3);
    const logged = await getInvocation(ctx(), details.invocationId);
    expect(logged).toMatchObject({ status: 'throttled', errorCode: 'ThrottlingException', attempts: 3, output: null, costUsd: null });
    const list = await listInvocations(ctx(), { prompt: name, status: 'throttled' });
    expect(list.items.map((i) => i.id)).toEqual([details.invocationId]);
  });

  it('maps other model errors to 502 upstream_error with their type, and logs them', async () => {
    const name = await moderationPrompt();
    sim.setConfig({ faults: { deniedModels: [HAIKU] } });
    const denied = await failure(prepareInvocation(ctx(), name, { variables: { comment: 'x' } }, { source: 'api', client: client() }).then(runInvocation));
    expect(denied.status).toBe(502);
    expect(denied.details).toMatchObject({ type: 'access_denied', awsCode: 'AccessDeniedException', attempts: 1 });
    sim.setConfig({ faults: { deniedModels: [], serverErrorRate: 1 } });
    const down = await failure(prepareInvocation(ctx(), name, { variables: { comment: 'x' } }, { source: 'api', client: client() }).then(runInvocation));
    expect(down.code).toBe('upstream_error');
    expect(down.details).toMatchObject({ type: 'upstream', attempts: 3 });
    const logged = await getInvocation(ctx(), (down.details as { invocationId: string }).invocationId);
    expect(logged.status).toBe('error');
  });

  it('maps a request timeout and a model that is not ready', async () => {
    const name = await moderationPrompt();
    sim.setConfig({ faults: { hangRate: 1, hangMs: 3000 } });
    const slow = bedrockClient(sim, { maxAttempts: 1, requestTimeout: 200 });
    const timeout = await failure(prepareInvocation(ctx(), name, { variables: { comment: 'x' } }, { source: 'api', client: slow }).then(runInvocation));
    expect(timeout.details).toMatchObject({ type: 'timeout' });
    sim.setConfig({ faults: { hangRate: 0, notReadyModels: [HAIKU] } });
    const notReady = await failure(prepareInvocation(ctx(), name, { variables: { comment: 'x' } }, { source: 'api', client: bedrockClient(sim, { maxAttempts: 1 }) }).then(runInvocation));
    expect(notReady.details).toMatchObject({ type: 'model_not_ready', awsCode: 'ModelNotReadyException' });
    sim.setConfig({ faults: { notReadyModels: [] } });
  });

  it('a mid-stream exception rejects the stream and logs the partial output', async () => {
    const name = await moderationPrompt();
    sim.setConfig({ faults: { streamErrorRate: 1, streamErrorType: 'throttlingException' } });
    const p = await prepareInvocation(ctx(), name, { variables: { comment: 'x' }, stream: true }, { source: 'api', client: client() });
    const stream = await startStreamingInvocation(p);
    const e = await failure(stream.consume(() => undefined));
    expect(e.code).toBe('throttled');
    const logged = await getInvocation(ctx(), (e.details as { invocationId: string }).invocationId);
    expect(logged.status).toBe('throttled');
  });

  it('a stream the caller stops is logged as an error with what arrived, not as ok', async () => {
    const name = await moderationPrompt();
    sim.setConfig({ latency: { streamDelayMs: 40 } });
    try {
      const abort = new AbortController();
      const p = await prepareInvocation(ctx(), name, { variables: { comment: 'x' }, stream: true }, { source: 'playground', client: client() });
      const stream = await startStreamingInvocation(p, abort.signal);
      const e = await failure(stream.consume(() => abort.abort()));
      const logged = await getInvocation(ctx(), (e.details as { invocationId: string }).invocationId);
      expect(logged).toMatchObject({ status: 'error', errorCode: 'ClientAborted' });
      expect(logged.output?.text.length).toBeGreaterThan(0);
    } finally {
      sim.setConfig({ latency: { streamDelayMs: 0 } });
    }
  });

  it('does not reach the model (nor log) for bad input or missing variables', async () => {
    const name = await moderationPrompt();
    const missing = await failure(prepareInvocation(ctx(), name, { variables: {} }, { source: 'api', client: client() }));
    expect(missing.code).toBe('missing_variables');
    await expect(prepareInvocation(ctx(), name, { label: 'production', version: 1 }, { source: 'api', client: client() })).rejects.toBeInstanceOf(ZodError);
    const forbidden = await failure(prepareInvocation(ctxFor(t.db, 'reviewer'), name, { variables: { comment: 'x' } }, { source: 'api', client: client() }));
    expect(forbidden.code).toBe('forbidden');
    expect(sim.calls()).toHaveLength(0);
    expect((await listInvocations(ctx(), { prompt: name })).items).toHaveLength(0);
  });

  it('runs a playground override (model and parameters) without a new version; editors only', async () => {
    const name = await moderationPrompt();
    const viewer = await failure(prepareInvocation(ctx(), name, { variables: { comment: 'x' }, overrides: { modelId: 'amazon.nova-lite-v1:0' } }, { source: 'api', client: client() }));
    expect(viewer.code).toBe('forbidden');
    const p = await prepareInvocation(ctxFor(t.db, 'editor'), name, { variables: { comment: 'x' }, overrides: { modelId: 'amazon.nova-lite-v1:0', params: { maxTokens: 5 } } }, { source: 'playground', client: client() });
    const r = await runInvocation(p);
    expect(r.modelId).toBe('amazon.nova-lite-v1:0');
    expect(r.stopReason).toBe('max_tokens');
    expect(r.usage.outputTokens).toBeLessThanOrEqual(5);
    const logged = await getInvocation(ctx(), r.invocationId);
    expect(logged.metadata).toMatchObject({ overrides: { modelId: 'amazon.nova-lite-v1:0', params: { maxTokens: 5 } } });
  });

  it('runs an edited template (playground) without a new version; its variables are the edited ones', async () => {
    const name = await moderationPrompt();
    const template = { system: 'Be terse.', messages: [{ role: 'user' as const, content: 'Rate this: {{review}}' }] };
    const missing = await failure(prepareInvocation(ctxFor(t.db, 'editor'), name, { variables: { comment: 'x' }, overrides: { template } }, { source: 'playground', client: client() }));
    expect(missing.details).toEqual({ missing: ['review'] });
    const broken = await failure(prepareInvocation(ctxFor(t.db, 'editor'), name, { variables: {}, overrides: { template: { messages: [{ role: 'user', content: '{{#x}}' }] } } }, { source: 'playground', client: client() }));
    expect(broken.code).toBe('template_error');
    const p = await prepareInvocation(ctxFor(t.db, 'editor'), name, { variables: { review: 'Loud.' }, overrides: { template } }, { source: 'playground', client: client() });
    expect(p.call.system).toBe('Be terse.');
    expect(p.call.messages).toEqual([{ role: 'user', content: 'Rate this: Loud.' }]);
    const r = await runInvocation(p);
    const logged = await getInvocation(ctx(), r.invocationId);
    expect(logged.metadata).toMatchObject({ overrides: { template } });
    expect(logged.promptVersion).toBe(1);
  });
});

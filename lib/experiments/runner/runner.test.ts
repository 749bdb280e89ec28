import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startAwsSim, type AwsSim } from '../../aws-sim';
import { bedrockClient } from '../../aws-sim/testing';
import { createTestDb, ctxFor, uniqueName, type TestDb } from '../../test/db';
import { ExperimentRateLimiter } from '../rate';
import { cancelExperiment, createExperiment, getExperiment, listResults } from '../service';
import { createPrompt } from '../../catalog/prompts';
import { createVersion } from '../../catalog/versions';
import { dataset, HAIKU, judgePrompt, moderationPrompt } from '../testing/fixtures';
import { onExperimentFinished, type ExperimentFinished } from './hooks';
import { runExperimentSlice } from './worker';

/**
 * The runner through the stand-in (real SDK, real PostgreSQL). The stand-in's clock runs 60x
 * fast, so its per-minute quota is a per-second one and throttling tests take seconds.
 */
const WARP = 60;
let t: TestDb;
let sim: AwsSim;
const t0 = Date.now();
beforeAll(async () => {
  t = await createTestDb();
  sim = await startAwsSim({ now: () => t0 + (Date.now() - t0) * WARP });
});
afterAll(async () => {
  await sim?.stop();
  await t?.close();
});
beforeEach(() => {
  sim.reset();
  sim.setConfig({ rpm: 100_000, tpm: 100_000_000, latency: { baseMs: 5, perOutputTokenMs: 0, streamDelayMs: 0 } });
});

const editor = () => ctxFor(t.db, 'editor');
const limiter = () => new ExperimentRateLimiter({ initialRatePerSec: 200, maxRatePerSec: 2_000, backoffBaseMs: 20, backoffMaxMs: 200, quotaWindowMs: 60_000 / WARP, decreaseCooldownMs: 50 });
const runner = (over: Record<string, unknown> = {}) => ({ db: t.db, client: bedrockClient(sim, { maxAttempts: 1 }), limiter: limiter(), leaseMs: 5_000, sliceMs: 60_000, pollMs: 50, log: () => {}, ...over });

async function start(examples: number, body: Record<string, unknown> = {}) {
  const prompt = await moderationPrompt(t);
  const ds = await dataset(t, examples);
  const e = await createExperiment(editor(), { prompt, dataset: ds.name, evaluators: [{ type: 'json_field', path: 'violation' }, { type: 'json_valid' }], concurrency: 4, ...body });
  return { e, prompt, ds };
}

async function experimentInvocations(id: string) {
  return t.db.invocation.findMany({ where: { source: 'experiment', metadata: { path: ['experimentId'], equals: id } }, select: { id: true, status: true, metadata: true } });
}

describe('experiment runner (stand-in, PostgreSQL)', () => {
  it('runs every example x repetition once through the gateway path, logs source experiment, and summarises', async () => {
    const finished: ExperimentFinished[] = [];
    const off = onExperimentFinished((f) => void finished.push(f));
    const { e } = await start(10, { repetitions: 2 });
    expect(e.status).toBe('queued');
    expect(e.progress).toEqual({ total: 20, done: 0, errors: 0 });
    expect(await runExperimentSlice(e.id, runner())).toBe('finished');
    off();
    const after = await getExperiment(editor(), e.id);
    expect(after.status).toBe('succeeded');
    expect(after.progress).toEqual({ total: 20, done: 20, errors: 0 });
    expect(after.summary.results).toBe(20);
    expect(after.summary.passRate).toBeGreaterThan(0.5);
    expect(Object.keys(after.summary.perEvaluator)).toEqual(['json_field', 'json_valid']);
    expect(after.summary.perEvaluator.json_valid?.passRate).toBe(1);
    expect(after.summary.latencyP50Ms).not.toBeNull();
    expect(after.summary.inputTokens).toBeGreaterThan(0);
    const invs = await experimentInvocations(e.id);
    expect(invs).toHaveLength(20);
    const page = await listResults(editor(), e.id, { limit: '200' });
    expect(page.items).toHaveLength(20);
    expect(new Set(page.items.map((r) => r.invocationId)).size).toBe(20);
    expect(page.items.every((r) => r.status === 'ok' && r.scores.length === 2)).toBe(true);
    expect(finished.map((f) => [f.experimentId, f.status])).toEqual([[e.id, 'succeeded']]);
  });

  it('a tool call is evaluated as the JSON document of the answer: json_field on its input', async () => {
    const name = uniqueName('tool');
    const deployer = ctxFor(t.db, 'deployer');
    await createPrompt(deployer, { name });
    await createVersion(deployer, name, {
      template: { system: 'You help customers with their orders.', messages: [{ role: 'user', content: '{{question}}' }] },
      modelId: HAIKU,
      tools: [{ name: 'lookup_order', description: 'Find an order by its number', inputSchema: { type: 'object', properties: { orderId: { type: 'integer' } }, required: ['orderId'] } }],
      toolChoice: { tool: 'lookup_order' },
      outputSchema: { type: 'object' },
    });
    const ds = await t.db.dataset.create({ data: { name: uniqueName('ds'), createdBy: 'test' } });
    const want = (orderId: number) => JSON.stringify({ toolCalls: [{ name: 'lookup_order', input: { orderId } }] });
    await t.db.datasetExample.createMany({
      data: [
        { datasetId: ds.id, variables: { question: 'Where is my order 1234?' }, expectedOutput: want(1234), createdBy: 'test', createdAt: new Date(Date.UTC(2026, 0, 1, 0, 0, 0)) },
        { datasetId: ds.id, variables: { question: 'Has order 5678 shipped?' }, expectedOutput: want(9999), createdBy: 'test', createdAt: new Date(Date.UTC(2026, 0, 1, 0, 0, 1)) },
      ],
    });
    const e = await createExperiment(editor(), { prompt: name, dataset: ds.name, evaluators: [{ type: 'json_field', path: 'toolCalls[0].input' }, { type: 'json_field', name: 'tool', path: 'toolCalls[0].name' }] });
    expect(await runExperimentSlice(e.id, runner())).toBe('finished');
    const page = await listResults(editor(), e.id, { limit: '10' });
    expect(page.items.map((r) => r.status)).toEqual(['ok', 'ok']);
    expect(JSON.parse(page.items[0]!.output!)).toEqual({ text: '', toolCalls: [{ name: 'lookup_order', input: { orderId: 1234 } }] });
    expect(page.items[0]!.scores.map((s) => s.pass)).toEqual([true, true]);
    expect(page.items[1]!.scores.map((s) => [s.pass, s.reason])).toEqual([
      [false, 'Expected {"orderId":9999} at toolCalls[0].input, got {"orderId":5678}.'],
      [true, 'toolCalls[0].name is "lookup_order", as expected.'],
    ]);
    expect((await getExperiment(editor(), e.id)).summary.passRate).toBe(0.5);
  });

  it('backs off on throttling and still succeeds with no failed example', async () => {
    sim.setConfig({ rpm: 3 }); // 3 calls per (warped) minute = per real second
    const { e } = await start(15, { concurrency: 8 });
    expect(await runExperimentSlice(e.id, runner())).toBe('finished');
    const after = await getExperiment(editor(), e.id);
    expect(after.status).toBe('succeeded');
    expect(after.progress).toEqual({ total: 15, done: 15, errors: 0 });
    expect(after.summary.throttled).toBeGreaterThan(0);
    expect(after.summary.failedCalls).toBe(0);
    const invs = await experimentInvocations(e.id);
    expect(invs.filter((i) => i.status === 'ok')).toHaveLength(15);
    expect(invs.filter((i) => i.status === 'throttled').length).toBe(after.summary.throttled);
  }, 60_000);

  it('stops promptly when cancelled and keeps the results so far', async () => {
    sim.setConfig({ latency: { baseMs: 150, perOutputTokenMs: 0, streamDelayMs: 0 } });
    const { e } = await start(40, { concurrency: 2 });
    const running = runExperimentSlice(e.id, runner());
    const deadline = Date.now() + 20_000;
    while ((await getExperiment(editor(), e.id)).progress.done < 3) {
      if (Date.now() > deadline) throw new Error('no progress');
      await new Promise((r) => setTimeout(r, 50));
    }
    const cancelled = await cancelExperiment(editor(), e.id);
    expect(cancelled.status).toBe('cancelled');
    const at = Date.now();
    expect(await running).toBe('cancelled');
    expect(Date.now() - at).toBeLessThan(5_000);
    const after = await getExperiment(editor(), e.id);
    expect(after.status).toBe('cancelled');
    expect(after.progress.done).toBeLessThan(40);
    expect(await runExperimentSlice(e.id, runner())).toBe('cancelled');
  }, 30_000);

  it('resumes after a crash: recorded results are kept, dead claims are taken over, nothing is doubled', async () => {
    const { e } = await start(12);
    // A first worker records 5 results, then "dies" holding two claims (never released).
    const crashed = runner();
    let n = 0;
    const ac = new AbortController();
    const origin = crashed.client;
    const first = runExperimentSlice(e.id, { ...crashed, client: origin, concurrency: 1, signal: ac.signal, sliceMs: 60_000 });
    while ((await getExperiment(editor(), e.id)).progress.done < 5) await new Promise((r) => setTimeout(r, 20));
    ac.abort(new Error('stopping'));
    await expect(first).rejects.toThrow();
    n = (await getExperiment(editor(), e.id)).progress.done;
    const pending = await t.db.experimentResult.findMany({ where: { experimentId: e.id, status: 'pending' }, take: 2, orderBy: { position: 'asc' } });
    await t.db.experimentResult.updateMany({ where: { id: { in: pending.map((p) => p.id) } }, data: { status: 'running', claimToken: 'dead-worker', claimedAt: new Date(Date.now() - 10_000) } });
    const before = (await experimentInvocations(e.id)).filter((i) => i.status === 'ok').length;

    expect(await runExperimentSlice(e.id, runner())).toBe('finished');
    const after = await getExperiment(editor(), e.id);
    expect(after.status).toBe('succeeded');
    expect(after.progress).toEqual({ total: 12, done: 12, errors: 0 });
    const rows = await t.db.experimentResult.findMany({ where: { experimentId: e.id } });
    expect(rows).toHaveLength(12);
    expect(rows.every((r) => r.status === 'ok')).toBe(true);
    // The second worker made exactly the calls the first did not record.
    const calls = (await experimentInvocations(e.id)).filter((i) => i.status === 'ok').length;
    expect(calls - before).toBe(12 - n);
  }, 30_000);

  it('two workers share one experiment without doing any row twice', async () => {
    const { e } = await start(30, { concurrency: 4 });
    const [a, b] = await Promise.all([runExperimentSlice(e.id, runner({ concurrency: 2 })), runExperimentSlice(e.id, runner({ concurrency: 2 }))]);
    expect([a, b]).toEqual(['finished', 'finished']);
    const after = await getExperiment(editor(), e.id);
    expect(after.progress).toEqual({ total: 30, done: 30, errors: 0 });
    const invs = await experimentInvocations(e.id);
    expect(invs).toHaveLength(30);
    const keys = invs.map((i) => `${(i.metadata as { exampleId: string }).exampleId}:${(i.metadata as { repetition: number }).repetition}`);
    expect(new Set(keys).size).toBe(30);
  }, 30_000);

  it('llm_judge: calls are logged; an answer that is not the JSON asked for is a per-result error', async () => {
    const good = await judgePrompt(t);
    const bad = await judgePrompt(t, true);
    const { e } = await start(4, { evaluators: [{ type: 'llm_judge', name: 'judge', prompt: good }, { type: 'llm_judge', name: 'chatty', prompt: bad }] });
    expect(await runExperimentSlice(e.id, runner())).toBe('finished');
    const after = await getExperiment(editor(), e.id);
    expect(after.status).toBe('succeeded');
    expect(after.summary.perEvaluator.chatty).toEqual({ passRate: 0, meanScore: 0, errors: 4 });
    expect(after.summary.perEvaluator.judge?.errors).toBe(0);
    expect(after.summary.perEvaluator.judge?.meanScore).toBeGreaterThan(0.5);
    const results = await listResults(editor(), e.id, {});
    for (const r of results.items) {
      const chatty = r.scores.find((s) => s.evaluator === 'chatty');
      expect(chatty?.error).toBe(true);
      expect(chatty?.reason).toMatch(/did not answer JSON/);
      expect(chatty?.invocationId).toBeTruthy();
    }
    const invs = await experimentInvocations(e.id);
    expect(invs).toHaveLength(4 * 3); // the call and two judge calls per result
    expect(invs.filter((i) => (i.metadata as { judgeFor?: string }).judgeFor)).toHaveLength(8);
  });
});

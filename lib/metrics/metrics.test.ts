import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAwsSim, type AwsSim } from '../aws-sim';
import { bedrockClient, cloudWatchClient } from '../aws-sim/testing';
import { bedrockQueries } from '../aws/cloudwatch';
import { createPrompt } from '../catalog/prompts';
import { moveLabel, rollbackLabel } from '../catalog/labels';
import { createVersion } from '../catalog/versions';
import { submitFeedback } from '../feedback/votes';
import { ingestInvocations } from '../invocations/ingest';
import { prepareInvocation, runInvocation } from '../invocations/gateway';
import { createTestDb, ctxFor, uniqueName, type TestDb } from '../test/db';
import { expectError, expectInvalid } from '../test/helpers';
import { choosePeriod, getBedrockMetrics } from './bedrock';
import { promptMetrics } from './prompts';

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

const HOUR = 3600_000;
const DAY = 24 * HOUR;

describe('choosePeriod', () => {
  const now = Date.parse('2026-11-20T12:00:00Z');
  const at = (msAgo: number) => new Date(now - msAgo);
  it('keeps charts near 360 points and within CloudWatch retention', () => {
    expect(choosePeriod(at(HOUR), at(0), now)).toBe(60);
    expect(choosePeriod(at(3 * HOUR), at(0), now)).toBe(60);
    expect(choosePeriod(at(12 * HOUR), at(0), now)).toBe(120);
    expect(choosePeriod(at(DAY), at(0), now)).toBe(300);
    expect(choosePeriod(at(7 * DAY), at(0), now)).toBe(1800);
    // older than 15 days: 5-minute data at best; older than 63 days: hourly
    expect(choosePeriod(at(20 * DAY), at(20 * DAY - HOUR), now) % 300).toBe(0);
    expect(choosePeriod(at(70 * DAY), at(70 * DAY - HOUR), now) % 3600).toBe(0);
  });
});

describe('GetMetricData through the stand-in (real SDK)', () => {
  it('builds one batched request with every series for a model', () => {
    const q = bedrockQueries('amazon.nova-lite-v1:0', 60);
    expect(q.map((x) => x.MetricStat?.Metric?.MetricName)).toEqual([
      'Invocations',
      'InvocationThrottles',
      'InvocationLatency',
      'InvocationLatency',
      'InputTokenCount',
      'OutputTokenCount',
      'InvocationClientErrors',
      'InvocationServerErrors',
    ]);
    expect(q.every((x) => x.MetricStat?.Metric?.Dimensions?.[0]?.Value === 'amazon.nova-lite-v1:0')).toBe(true);
    expect(bedrockQueries(null, 60)[0]?.MetricStat?.Metric?.Dimensions).toEqual([]);
  });

  it('a burst over the simulated quota shows as InvocationThrottles; deploy markers come along', async () => {
    const model = 'amazon.nova-micro-v1:0';
    const name = uniqueName('metrics');
    const deployer = ctxFor(t.db, 'deployer');
    await createPrompt(deployer, { name });
    await createVersion(deployer, name, { template: { messages: [{ role: 'user', content: 'Say {{x}}' }] }, modelId: model, labels: ['production'] });
    await createVersion(deployer, name, { template: { messages: [{ role: 'user', content: 'Say {{x}}!' }] }, modelId: model });
    await moveLabel(deployer, name, 'production', { version: 2, reason: 'try v2' });
    await rollbackLabel(deployer, name, 'production', { reason: 'back' });
    sim.setConfig({ rpm: 4 });
    const client = bedrockClient(sim, { maxAttempts: 1 });
    const results = await Promise.allSettled(
      Array.from({ length: 7 }, async () => runInvocation(await prepareInvocation(ctxFor(t.db, 'viewer'), name, { variables: { x: 'hi' } }, { source: 'api', client }))),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(4);
    sim.setConfig({ rpm: 600 });

    // The default window ends now: calls and moves of the current minute are in it.
    const m = await getBedrockMetrics(ctxFor(t.db, 'viewer'), { modelId: model }, { client: cloudWatchClient(sim) });
    const sum = (k: string) => (m.series[k] ?? []).reduce((s, p) => s + p.v, 0);
    expect(m.period).toBe(60);
    expect(sum('Invocations')).toBe(4);
    expect(sum('InvocationThrottles')).toBe(3);
    expect(sum('InvocationClientErrors')).toBe(0);
    expect(sum('InputTokenCount')).toBeGreaterThan(0);
    expect((m.series.InvocationLatencyP90 ?? []).length).toBeGreaterThan(0);
    const mine = m.deploys.filter((d) => d.prompt === name);
    expect(mine.map((d) => [d.action, d.fromVersion, d.toVersion])).toEqual([
      ['deploy', null, 1],
      ['deploy', 1, 2],
      ['rollback', 2, 1],
    ]);
    expect(mine[0]?.modelIds).toEqual([model]);
  });

  it('turns CloudWatch failures into clear errors, and validates the query', async () => {
    const ctx = ctxFor(t.db, 'viewer');
    const down = await startAwsSim();
    const client = cloudWatchClient(down);
    await down.stop();
    const e = await expectError(getBedrockMetrics(ctx, { from: new Date(Date.now() - 7 * HOUR).toISOString() }, { client }), 'upstream_error');
    expect(e.status).toBe(502);
    await expectInvalid(getBedrockMetrics(ctx, { period: 90 }, { client }), 'period');
    await expectInvalid(getBedrockMetrics(ctx, { from: 'yesterday' }, { client }), 'from');
    await expectInvalid(getBedrockMetrics(ctx, { from: new Date().toISOString(), to: new Date(Date.now() - HOUR).toISOString() }, { client }), 'from');
    await expectError(getBedrockMetrics(ctx, { from: new Date(Date.now() - 30 * DAY).toISOString(), period: 60 }, { client }), 'validation_error');
  });
});

describe('per-version figures from the invocation log', () => {
  it('counts, rates, latency percentiles, tokens, cost and votes per version', async () => {
    const name = uniqueName('pm');
    await createPrompt(ctxFor(t.db, 'editor'), { name });
    const rec = (version: number, status: string, latencyMs: number) => ({
      promptName: name,
      promptVersion: version,
      modelId: 'anthropic.claude-3-5-haiku-20241022-v1:0',
      input: { messages: [{ role: 'user', content: 'x' }] },
      status,
      latencyMs,
      ...(status === 'ok' ? { usage: { inputTokens: 1000, outputTokens: 100 } } : {}),
      startedAt: new Date(Date.now() - HOUR).toISOString(),
    });
    // A playground run with another model is not one of the version's figures.
    const overridden = { ...rec(1, 'ok', 9999), metadata: { overrides: { modelId: 'amazon.nova-pro-v1:0' } } };
    const items = [...[100, 200, 300, 400].map((l) => rec(1, 'ok', l)), rec(1, 'throttled', 5), rec(2, 'ok', 50), rec(2, 'error', 10), overridden];
    const { ids } = await ingestInvocations(ctxFor(t.db, 'editor'), { items });
    await submitFeedback(ctxFor(t.db, 'viewer'), ids[0]!, { score: 1 });
    await submitFeedback(ctxFor(t.db, 'viewer'), ids[5]!, { score: -1 });
    const m = await promptMetrics(ctxFor(t.db, 'viewer'), name, {});
    expect(m.versions.map((v) => v.version)).toEqual([2, 1]);
    const v1 = m.versions[1]!;
    expect(v1).toMatchObject({ invocations: 5, throttled: 1, errors: 0, thumbsUp: 1, thumbsDown: 0, latencyP50Ms: 250, inputTokens: 4000, outputTokens: 400 });
    expect(v1.latencyP95Ms).toBe(385);
    // Haiku: 4 x (1000 x $0.80 + 100 x $4.00) / 1M
    expect(v1.costUsd).toBeCloseTo(0.0048, 8);
    expect(m.versions[0]).toMatchObject({ invocations: 2, errors: 1, thumbsDown: 1 });
    expect(m.total.invocations).toBe(7);
    expect(m.total.excludedOverrideRuns).toBe(1); // said where the figure is shown
    // 24 h window: a month is 30 windows
    expect(m.total.projectedMonthlyCostUsd).toBeCloseTo(((m.total.costUsd ?? 0) * 30), 2);
    const old = await promptMetrics(ctxFor(t.db, 'viewer'), name, { from: new Date(Date.now() - 3 * DAY).toISOString(), to: new Date(Date.now() - 2 * DAY).toISOString() });
    expect(old.versions).toEqual([]);
    expect(old.total.projectedMonthlyCostUsd).toBeNull();
    expect(old.total.excludedOverrideRuns).toBe(0);
    await expectError(promptMetrics(ctxFor(t.db, 'viewer'), `nope-${name}`, {}), 'not_found');
  });
});

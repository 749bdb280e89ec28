import { ConverseCommand, type ConverseCommandOutput } from '@aws-sdk/client-bedrock-runtime';
import {
  CloudWatchServiceException,
  GetMetricDataCommand,
  ListMetricsCommand,
  type GetMetricDataCommandInput,
  type MetricDataQuery,
} from '@aws-sdk/client-cloudwatch';
import { describe, expect, it } from 'vitest';
import { startAwsSim, type AwsSim, type AwsSimOptions } from './index';
import { bedrockClient, cloudWatchClient } from './testing';

const HAIKU = 'anthropic.claude-3-5-haiku-20241022-v1:0';
const NOVA = 'amazon.nova-lite-v1:0';
const T0 = Date.UTC(2026, 5, 1, 10, 0, 0); // aligned to the hour

const stat = (id: string, metricName: string, statName: string, modelId: string | undefined, period = 60): MetricDataQuery => ({
  Id: id,
  MetricStat: {
    Metric: { Namespace: 'AWS/Bedrock', MetricName: metricName, Dimensions: modelId ? [{ Name: 'ModelId', Value: modelId }] : [] },
    Period: period,
    Stat: statName,
  },
});

async function withSim(options: AwsSimOptions, fn: (sim: AwsSim, tools: Tools) => Promise<void>) {
  const sim = await startAwsSim(options);
  const t = makeTools(sim);
  try {
    await fn(sim, t);
  } finally {
    t.destroy();
    await sim.stop();
  }
}

type Tools = ReturnType<typeof makeTools>;

function makeTools(sim: AwsSim) {
  const bedrock = bedrockClient(sim, { maxAttempts: 1 });
  const cw = cloudWatchClient(sim);
  return {
    converse: (text: string, modelId = HAIKU) =>
      bedrock.send(new ConverseCommand({ modelId, messages: [{ role: 'user', content: [{ text }] }] })).then(
        (out): ConverseCommandOutput | Error => out,
        (err: unknown) => err as Error,
      ),
    metrics: (queries: MetricDataQuery[], extra: Partial<GetMetricDataCommandInput> = {}) =>
      cw.send(new GetMetricDataCommand({ StartTime: new Date(T0 - 3_600_000), EndTime: new Date(T0 + 3_600_000), MetricDataQueries: queries, ...extra })),
    cw,
    destroy() {
      bedrock.destroy();
      cw.destroy();
    },
  };
}

describe('CloudWatch GetMetricData (AWS/Bedrock)', () => {
  it('reports a burst over quota: Invocations = successful calls only, InvocationThrottles > 0, token sums match usage', async () => {
    await withSim({ config: { rpm: 3 }, now: () => T0 + 5_000 }, async (_sim, { converse, metrics }) => {
      const results = [];
      for (let i = 0; i < 5; i++) results.push(await converse(`Question number ${i} about return policies for shoes`));
      const ok = results.filter((r): r is ConverseCommandOutput => !(r instanceof Error));
      expect(ok).toHaveLength(3);
      expect(results.filter((r) => r instanceof Error).map((e) => (e as Error).name)).toEqual(['ThrottlingException', 'ThrottlingException']);

      const out = await metrics([
        stat('inv', 'Invocations', 'Sum', HAIKU),
        stat('thr', 'InvocationThrottles', 'Sum', HAIKU),
        stat('cli', 'InvocationClientErrors', 'Sum', HAIKU),
        stat('inTok', 'InputTokenCount', 'Sum', HAIKU),
        stat('outTok', 'OutputTokenCount', 'Sum', HAIKU),
      ]);
      const byId = Object.fromEntries((out.MetricDataResults ?? []).map((r) => [r.Id, r]));
      expect(out.Messages).toEqual([]);
      expect(byId.inv).toMatchObject({ Label: 'Invocations', StatusCode: 'Complete', Values: [3], Timestamps: [new Date(T0)] });
      expect(byId.thr?.Values).toEqual([2]);
      expect(byId.cli?.Values).toEqual([]);
      expect(byId.inTok?.Values).toEqual([ok.reduce((n, r) => n + (r.usage?.inputTokens ?? 0), 0)]);
      expect(byId.outTok?.Values).toEqual([ok.reduce((n, r) => n + (r.usage?.outputTokens ?? 0), 0)]);
    });
  });

  it('buckets by period (aligned), newest first by default or oldest first with ScanBy, per model or across models', async () => {
    let now = T0;
    await withSim({ now: () => now }, async (_sim, { converse, metrics }) => {
      now = T0 + 10_000;
      await converse('first');
      now = T0 + 70_000;
      await converse('second');
      await converse('third', NOVA);
      now = T0 + 200_000;
      await converse('fourth');

      const desc = await metrics([stat('inv', 'Invocations', 'Sum', HAIKU)]);
      expect(desc.MetricDataResults?.[0]?.Timestamps).toEqual([new Date(T0 + 180_000), new Date(T0 + 60_000), new Date(T0)]);
      expect(desc.MetricDataResults?.[0]?.Values).toEqual([1, 1, 1]);

      const asc = await metrics([stat('all', 'Invocations', 'Sum', undefined, 300)], { ScanBy: 'TimestampAscending' });
      expect(asc.MetricDataResults?.[0]).toMatchObject({ Timestamps: [new Date(T0)], Values: [4] });

      const window = await metrics([stat('inv', 'Invocations', 'SampleCount', HAIKU)], { StartTime: new Date(T0 + 60_000), EndTime: new Date(T0 + 120_000) });
      expect(window.MetricDataResults?.[0]?.Values).toEqual([1]);

      const other = await metrics([stat('nova', 'Invocations', 'Sum', NOVA), stat('none', 'Invocations', 'Sum', 'meta.llama3-1-8b-instruct-v1:0')]);
      expect(other.MetricDataResults?.map((r) => r.Values)).toEqual([[1], []]);
    });
  });

  it('computes Average, Minimum, Maximum, SampleCount and percentiles', async () => {
    await withSim({ now: () => T0 }, async (_sim, { converse, metrics }) => {
      const usages: number[] = [];
      for (const text of ['a', 'a'.repeat(40), 'a'.repeat(80), 'a'.repeat(400)]) {
        const out = await converse(text);
        if (out instanceof Error) throw out;
        usages.push(out.usage?.inputTokens ?? 0);
      }
      expect(usages).toEqual([1, 10, 20, 100]);
      const q = (id: string, s: string) => stat(id, 'InputTokenCount', s, HAIKU);
      const out = await metrics([q('avg', 'Average'), q('min', 'Minimum'), q('max', 'Maximum'), q('n', 'SampleCount'), q('p50', 'p50'), q('p90', 'p90'), q('p99', 'p99.9')]);
      expect(Object.fromEntries((out.MetricDataResults ?? []).map((r) => [r.Id, r.Values?.[0]]))).toEqual({
        avg: 32.75,
        min: 1,
        max: 100,
        n: 4,
        p50: 10,
        p90: 100,
        p99: 100,
      });
      const latency = await metrics([stat('lat', 'InvocationLatency', 'Maximum', HAIKU)]);
      expect(latency.MetricDataResults?.[0]?.Values?.[0]).toBeGreaterThanOrEqual(0);
    });
  });

  it('counts client and server errors separately, and a stream as TimeToFirstToken', async () => {
    await withSim({ now: () => T0, config: { faults: { deniedModels: [NOVA] } } }, async (sim, { converse, metrics }) => {
      expect(await converse('hi', NOVA)).toBeInstanceOf(Error);
      sim.setConfig({ faults: { failNext: 1 } });
      expect(await converse('hi')).toBeInstanceOf(Error);
      const res = await fetch(`${sim.url}/model/${HAIKU}/converse-stream`, { method: 'POST', body: JSON.stringify({ messages: [{ role: 'user', content: [{ text: 'stream me' }] }] }) });
      await res.arrayBuffer();
      const out = await metrics([
        stat('cli', 'InvocationClientErrors', 'Sum', NOVA),
        stat('srv', 'InvocationServerErrors', 'Sum', HAIKU),
        stat('inv', 'Invocations', 'Sum', undefined),
        stat('ttft', 'TimeToFirstToken', 'SampleCount', HAIKU),
      ]);
      expect(out.MetricDataResults?.map((r) => r.Values)).toEqual([[1], [1], [1], [1]]);
    });
  });

  it('rejects metric math and unsupported statistics with InvalidParameterValueException', async () => {
    await withSim({}, async (_sim, { metrics }) => {
      const math = await metrics([{ Id: 'e1', Expression: 'SUM(METRICS())' }]).catch((e: unknown) => e);
      expect(math).toBeInstanceOf(CloudWatchServiceException);
      expect((math as Error).name).toBe('InvalidParameterValueException');
      expect((math as Error).message).toMatch(/metric math expressions are not supported/);
      const bad = await metrics([stat('x', 'Invocations', 'tm99', HAIKU)]).catch((e: unknown) => e);
      expect((bad as Error).name).toBe('InvalidParameterValueException');
    });
  });

  it('lists metrics with data (ListMetrics) and answers unknown operations with UnknownOperationException', async () => {
    await withSim({}, async (sim, { converse, cw }) => {
      await converse('hello');
      const listed = await cw.send(new ListMetricsCommand({ Namespace: 'AWS/Bedrock', MetricName: 'Invocations' }));
      expect(listed.Metrics).toEqual([{ Namespace: 'AWS/Bedrock', MetricName: 'Invocations', Dimensions: [{ Name: 'ModelId', Value: HAIKU }] }]);

      const res = await fetch(sim.url, {
        method: 'POST',
        headers: { 'content-type': 'application/x-amz-json-1.0', 'x-amz-target': 'GraniteServiceVersion20100801.PutMetricData' },
        body: '{}',
      });
      expect(res.status).toBe(400);
      expect(((await res.json()) as { __type: string }).__type).toMatch(/UnknownOperationException$/);
    });
  });
});

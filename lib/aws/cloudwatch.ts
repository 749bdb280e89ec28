import { CloudWatchClient, GetMetricDataCommand, type MetricDataQuery } from '@aws-sdk/client-cloudwatch';

/** CloudWatch with the real SDK (endpoint, region, credentials from the usual AWS sources). */
const g = globalThis as unknown as { __promptdeckCloudWatch?: CloudWatchClient };
export function cloudWatch(): CloudWatchClient {
  g.__promptdeckCloudWatch ??= new CloudWatchClient({});
  return g.__promptdeckCloudWatch;
}

export const BEDROCK_METRICS = [
  'Invocations',
  'InvocationThrottles',
  'InvocationLatency',
  'InputTokenCount',
  'OutputTokenCount',
  'InvocationClientErrors',
  'InvocationServerErrors',
] as const;
export type BedrockMetric = (typeof BEDROCK_METRICS)[number];

/** One series per metric; latency also as p90. Ids must start with a lowercase letter. */
export interface SeriesSpec {
  id: string;
  key: string;
  metric: BedrockMetric;
  stat: string;
}

export const SERIES: SeriesSpec[] = [
  { id: 'invocations', key: 'Invocations', metric: 'Invocations', stat: 'Sum' },
  { id: 'throttles', key: 'InvocationThrottles', metric: 'InvocationThrottles', stat: 'Sum' },
  { id: 'latencyavg', key: 'InvocationLatency', metric: 'InvocationLatency', stat: 'Average' },
  { id: 'latencyp90', key: 'InvocationLatencyP90', metric: 'InvocationLatency', stat: 'p90' },
  { id: 'inputtokens', key: 'InputTokenCount', metric: 'InputTokenCount', stat: 'Sum' },
  { id: 'outputtokens', key: 'OutputTokenCount', metric: 'OutputTokenCount', stat: 'Sum' },
  { id: 'clienterrors', key: 'InvocationClientErrors', metric: 'InvocationClientErrors', stat: 'Sum' },
  { id: 'servererrors', key: 'InvocationServerErrors', metric: 'InvocationServerErrors', stat: 'Sum' },
];

export function bedrockQueries(modelId: string | null, period: number): MetricDataQuery[] {
  return SERIES.map((s) => ({
    Id: s.id,
    Label: s.key,
    MetricStat: {
      Metric: { Namespace: 'AWS/Bedrock', MetricName: s.metric, Dimensions: modelId ? [{ Name: 'ModelId', Value: modelId }] : [] },
      Period: period,
      Stat: s.stat,
    },
    ReturnData: true,
  }));
}

export interface Point {
  t: string;
  v: number;
}

/** One GetMetricData request for all series (following NextToken), points in time order. */
export async function fetchBedrockSeries(client: CloudWatchClient, modelId: string | null, from: Date, to: Date, period: number): Promise<Record<string, Point[]>> {
  const out: Record<string, Point[]> = Object.fromEntries(SERIES.map((s) => [s.key, [] as Point[]]));
  const byId = new Map(SERIES.map((s) => [s.id, s.key]));
  let token: string | undefined;
  do {
    const res = await client.send(
      new GetMetricDataCommand({ MetricDataQueries: bedrockQueries(modelId, period), StartTime: from, EndTime: to, ScanBy: 'TimestampAscending', NextToken: token }),
    );
    for (const r of res.MetricDataResults ?? []) {
      const key = byId.get(r.Id ?? '');
      if (!key) continue;
      const ts = r.Timestamps ?? [];
      const vs = r.Values ?? [];
      ts.forEach((t, i) => out[key]?.push({ t: t.toISOString(), v: vs[i] ?? 0 }));
    }
    token = res.NextToken;
  } while (token);
  for (const k of Object.keys(out)) out[k]?.sort((a, b) => a.t.localeCompare(b.t));
  return out;
}

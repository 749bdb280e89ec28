/**
 * What the stand-in served, and the `AWS/Bedrock` CloudWatch metrics computed from it, with
 * Bedrock's semantics: a throttled call counts only in InvocationThrottles (not as an invocation,
 * not as an error); client errors are 4xx other than throttling; server errors are 5xx.
 */

export type Outcome = 'success' | 'throttle' | 'clientError' | 'serverError';

export interface CallRecord {
  /** Epoch milliseconds (the stand-in's clock). */
  at: number;
  operation: 'Converse' | 'ConverseStream';
  /** The `ModelId` dimension: the model id as called (an ARN's resource id). */
  modelId: string;
  outcome: Outcome;
  status: number;
  errorType?: string;
  requestId: string;
  /** '2.0' (h2c) or '1.1'. */
  httpVersion: string;
  latencyMs?: number;
  inputTokens?: number;
  outputTokens?: number;
  timeToFirstTokenMs?: number;
}

export const BEDROCK_NAMESPACE = 'AWS/Bedrock';

/** Each metric: the sample a call contributes, or undefined when it contributes none. */
const METRICS: Record<string, (c: CallRecord) => number | undefined> = {
  Invocations: (c) => (c.outcome === 'success' ? 1 : undefined),
  InvocationThrottles: (c) => (c.outcome === 'throttle' ? 1 : undefined),
  InvocationClientErrors: (c) => (c.outcome === 'clientError' ? 1 : undefined),
  InvocationServerErrors: (c) => (c.outcome === 'serverError' ? 1 : undefined),
  InvocationLatency: (c) => (c.outcome === 'success' ? c.latencyMs : undefined),
  InputTokenCount: (c) => (c.outcome === 'success' ? c.inputTokens : undefined),
  OutputTokenCount: (c) => (c.outcome === 'success' ? c.outputTokens : undefined),
  TimeToFirstToken: (c) => (c.outcome === 'success' ? c.timeToFirstTokenMs : undefined),
  EstimatedTPMQuotaUsage: (c) => (c.outcome === 'success' ? (c.inputTokens ?? 0) + (c.outputTokens ?? 0) : undefined),
};

export const METRIC_NAMES = Object.keys(METRICS);

export class CallRecorder {
  private readonly list: CallRecord[] = [];

  record(call: CallRecord): void {
    this.list.push(call);
  }

  /** A copy of every call served, oldest first. */
  calls(): CallRecord[] {
    return [...this.list];
  }

  clear(): void {
    this.list.length = 0;
  }
}

export interface SeriesQuery {
  metricName: string;
  /** undefined = all models (the metric without dimensions). */
  modelId: string | undefined;
  /** Epoch seconds, [start, end). */
  start: number;
  end: number;
  period: number;
  stat: string;
}

const STAT = /^(Sum|Average|Maximum|Minimum|SampleCount|p(\d{1,2}(\.\d+)?|100))$/;

export function isSupportedStat(stat: string): boolean {
  return STAT.test(stat);
}

export function isKnownMetric(name: string): boolean {
  return name in METRICS;
}

function aggregate(values: number[], stat: string): number {
  const sorted = [...values].sort((a, b) => a - b);
  const sum = values.reduce((a, b) => a + b, 0);
  switch (stat) {
    case 'Sum':
      return sum;
    case 'Average':
      return sum / values.length;
    case 'Maximum':
      return sorted[sorted.length - 1] ?? 0;
    case 'Minimum':
      return sorted[0] ?? 0;
    case 'SampleCount':
      return values.length;
    default: {
      // pNN: nearest-rank percentile.
      const p = Number(stat.slice(1));
      const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
      return sorted[rank - 1] ?? 0;
    }
  }
}

/** Datapoints of one series, oldest first: period-aligned timestamps (epoch seconds) and values. */
export function computeSeries(calls: readonly CallRecord[], q: SeriesQuery): { timestamps: number[]; values: number[] } {
  const sample = METRICS[q.metricName];
  if (!sample) return { timestamps: [], values: [] };
  const buckets = new Map<number, number[]>();
  for (const c of calls) {
    if (q.modelId !== undefined && c.modelId !== q.modelId) continue;
    const t = c.at / 1000;
    if (t < q.start || t >= q.end) continue;
    const v = sample(c);
    if (v === undefined) continue;
    const bucket = Math.floor(t / q.period) * q.period;
    const list = buckets.get(bucket) ?? [];
    list.push(v);
    buckets.set(bucket, list);
  }
  const timestamps = [...buckets.keys()].sort((a, b) => a - b);
  return { timestamps, values: timestamps.map((t) => aggregate(buckets.get(t) ?? [], q.stat)) };
}

/** Metric names and model ids that have data, for ListMetrics. */
export function listSeries(calls: readonly CallRecord[]): { metricName: string; modelId: string }[] {
  const seen = new Set<string>();
  const out: { metricName: string; modelId: string }[] = [];
  for (const c of calls) {
    for (const [name, sample] of Object.entries(METRICS)) {
      const key = `${name}\u0000${c.modelId}`;
      if (sample(c) === undefined || seen.has(key)) continue;
      seen.add(key);
      out.push({ metricName: name, modelId: c.modelId });
    }
  }
  return out;
}

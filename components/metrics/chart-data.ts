import type { BedrockMetrics, DeployMarker } from '@/lib/metrics/bedrock';

/** One row per time bucket, every series side by side; counts missing from CloudWatch are 0. */
export interface Row {
  t: number;
  Invocations: number;
  InvocationThrottles: number;
  /** Throttles / (invocations + throttles), in percent; null when there were no calls. */
  ThrottleRate: number | null;
  InvocationLatency: number | null;
  InvocationLatencyP90: number | null;
  InputTokenCount: number;
  OutputTokenCount: number;
  InvocationClientErrors: number;
  InvocationServerErrors: number;
}

const COUNTS = ['Invocations', 'InvocationThrottles', 'InputTokenCount', 'OutputTokenCount', 'InvocationClientErrors', 'InvocationServerErrors'] as const;
const GAUGES = ['InvocationLatency', 'InvocationLatencyP90'] as const;

export function toRows(m: BedrockMetrics): Row[] {
  const from = Date.parse(m.from);
  const to = Date.parse(m.to);
  const step = m.period * 1000;
  const rows = new Map<number, Row>();
  const row = (t: number): Row => {
    let r = rows.get(t);
    if (!r) {
      r = { t, Invocations: 0, InvocationThrottles: 0, ThrottleRate: null, InvocationLatency: null, InvocationLatencyP90: null, InputTokenCount: 0, OutputTokenCount: 0, InvocationClientErrors: 0, InvocationServerErrors: 0 };
      rows.set(t, r);
    }
    return r;
  };
  // An even grid, so quiet buckets read as zero rather than a line drawn across the gap.
  if (step > 0 && (to - from) / step <= 2000) for (let t = Math.ceil(from / step) * step; t < to; t += step) row(t);
  for (const k of COUNTS) for (const p of m.series[k] ?? []) row(Date.parse(p.t))[k] += p.v;
  for (const k of GAUGES) for (const p of m.series[k] ?? []) row(Date.parse(p.t))[k] = Math.round(p.v);
  const out = [...rows.values()].sort((a, b) => a.t - b.t);
  for (const r of out) {
    const calls = r.Invocations + r.InvocationThrottles;
    r.ThrottleRate = calls > 0 ? Math.round((r.InvocationThrottles / calls) * 1000) / 10 : null;
  }
  return out;
}

export const hasData = (m: BedrockMetrics) => Object.values(m.series).some((s) => s.some((p) => p.v !== 0));

export function formatPeriod(seconds: number): string {
  if (seconds % 86_400 === 0) return `${seconds / 86_400} day${seconds === 86_400 ? '' : 's'}`;
  if (seconds % 3600 === 0) return `${seconds / 3600} hour${seconds === 3600 ? '' : 's'}`;
  if (seconds % 60 === 0) return `${seconds / 60} minute${seconds === 60 ? '' : 's'}`;
  return `${seconds} s`;
}

/** Markers closer than this many pixels would overlap: they become one marker with a count. */
export const MARKER_MIN_PX = 18;

/** Label moves whose markers would collide at this plot width share one marker (oldest first). */
export function groupDeploys(deploys: DeployMarker[], domain: [number, number], plotWidth: number): DeployMarker[][] {
  const gap = ((domain[1] - domain[0]) * MARKER_MIN_PX) / Math.max(plotWidth, 50);
  const groups: DeployMarker[][] = [];
  for (const d of deploys) {
    const last = groups[groups.length - 1];
    const first = last?.[0];
    if (last && first && Date.parse(d.at) - Date.parse(first.at) <= gap) last.push(d);
    else groups.push([d]);
  }
  return groups;
}

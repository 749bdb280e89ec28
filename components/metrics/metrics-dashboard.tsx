'use client';

import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { formatDistanceToNowStrict } from 'date-fns';
import { Activity } from 'lucide-react';
import { useEffect, useMemo, useState } from 'react';
import type { BedrockMetrics } from '@/lib/metrics/bedrock';
import { api, type ApiError } from '@/lib/client/api';
import { shortModelName } from '@/lib/client/models';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { Skeleton } from '@/components/ui/skeleton';
import { formatPeriod, hasData, toRows } from './chart-data';
import { DeployList } from './deploy-list';
import { MetricChart } from './metric-chart';
import { MetricsToolbar, useTimeZone } from './metrics-toolbar';
import { DEFAULT_RANGE, metricsQuery, type MetricsFilters } from './metrics-url';

const C = { indigo: '#6366f1', amber: '#f59e0b', red: '#ef4444', emerald: '#10b981', sky: '#0ea5e9', violet: '#8b5cf6', rose: '#f43f5e' };

/** "updated 12 s ago", ticking. */
function Updated({ at }: { at: number }) {
  const [, tick] = useState(0);
  useEffect(() => {
    const id = setInterval(() => tick((n) => n + 1), 5000);
    return () => clearInterval(id);
  }, []);
  return <span data-testid="metrics-updated">updated {at ? formatDistanceToNowStrict(at, { addSuffix: true }) : '—'}</span>;
}

export function MetricsDashboard({ filters, models, firstActivity }: { filters: MetricsFilters; models: string[]; firstActivity: string | null }) {
  const [auto, setAuto] = useState(true);
  const q = useQuery<BedrockMetrics, ApiError>({
    queryKey: ['bedrock-metrics', filters],
    // The window is computed at fetch time, so each refresh moves it forward.
    queryFn: () => api('GET /api/v1/metrics/bedrock', { query: Object.fromEntries(new URLSearchParams(metricsQuery(filters, Date.now(), firstActivity).query)) }),
    refetchInterval: auto ? 60_000 : false,
    placeholderData: keepPreviousData,
    retry: false,
  });
  const tz = useTimeZone();
  const m = q.data;
  const rows = useMemo(() => (m ? toRows(m) : []), [m]);
  // With one model chosen, only the label moves that involve that model.
  const deploys = useMemo(() => (m ? m.deploys.filter((d) => !m.modelId || d.modelIds.length === 0 || d.modelIds.includes(m.modelId)) : []), [m]);
  const domain: [number, number] = m ? [Date.parse(m.from), Date.parse(m.to)] : [0, 1];
  const common = { rows, domain, deploys };

  return (
    <>
      <MetricsToolbar filters={filters} models={models} auto={auto} setAuto={setAuto} onRefresh={() => void q.refetch()} refreshing={q.isFetching} />
      <p className="mb-4 flex flex-wrap gap-x-3 gap-y-1 text-xs text-zinc-500 dark:text-zinc-400" data-testid="metrics-meta">
        <span>{m?.modelId ? <>Model <span className="font-mono text-zinc-700 dark:text-zinc-300">{m.modelId}</span> ({shortModelName(m.modelId)})</> : 'All models'}</span>
        <span data-testid="metrics-timezone">{tz ? `Times in ${tz}` : ' '}</span>
        {m ? <span data-testid="metrics-period">Period: {formatPeriod(m.period)} per point</span> : null}
        {(filters.range ?? DEFAULT_RANGE) === 'fit' ? (
          <span data-testid="metrics-fit">{firstActivity ? 'Window fitted to the activity: from the first logged call or label move of the last 7 days (at least 10 minutes)' : 'No logged activity in the last 7 days: the last 24 hours'}</span>
        ) : null}
        <Updated at={q.dataUpdatedAt} />
        {auto ? null : <span>auto-refresh off</span>}
      </p>
      {q.isError ? (
        <Alert
          className="mb-4"
          tone={q.error.status === 429 ? 'warning' : 'error'}
          title={q.error.status === 429 ? 'CloudWatch throttled this request' : q.error.code === 'validation_error' ? 'This window cannot be shown' : 'CloudWatch could not be read'}
          action={
            <Button size="sm" onClick={() => void q.refetch()}>
              Try again
            </Button>
          }
        >
          <span data-testid="metrics-error">{q.error.message}</span>
          {q.error.status ? <span className="mt-1 block font-mono text-xs opacity-80">{q.error.status} {q.error.code}</span> : null}
        </Alert>
      ) : null}
      {!m && q.isPending ? (
        <div className="grid gap-4 lg:grid-cols-2" role="status" aria-label="Loading charts">
          {Array.from({ length: 4 }, (_, i) => (
            <Card key={i} className="p-4">
              <Skeleton className="mb-3 h-4 w-40" />
              <Skeleton className="h-52 w-full" />
            </Card>
          ))}
        </div>
      ) : m && !hasData(m) ? (
        <Card>
          <EmptyState icon={<Activity />} title="No Bedrock traffic in this window" description={`CloudWatch has no AWS/Bedrock data for ${m.modelId ? shortModelName(m.modelId) : 'any model'} between these times. Choose a longer window or another model.`} />
        </Card>
      ) : m ? (
        <div className="grid gap-4 lg:grid-cols-2">
          <MetricChart {...common} metric="Invocations" title="Throughput" description="Successful invocations per period (Invocations, Sum)." specs={[{ key: 'Invocations', name: 'Invocations', color: C.indigo, kind: 'area' }]} />
          <MetricChart
            {...common}
            metric="InvocationThrottles"
            title="Throttling"
            description="Calls refused over quota (InvocationThrottles) and the throttle rate: throttles / (invocations + throttles)."
            specs={[
              { key: 'InvocationThrottles', name: 'Throttles', color: C.amber, kind: 'bar' },
              { key: 'ThrottleRate', name: 'Throttle rate', color: C.rose, axis: 'right', dots: true },
            ]}
          />
          <MetricChart
            {...common}
            metric="InvocationLatency"
            title="Latency"
            description="InvocationLatency, average and p90."
            unit={(v) => (v >= 10_000 ? `${(v / 1000).toFixed(0)} s` : `${v} ms`)}
            specs={[
              { key: 'InvocationLatency', name: 'Average', color: C.sky, dots: true },
              { key: 'InvocationLatencyP90', name: 'p90', color: C.violet, dashed: true, dots: true },
            ]}
          />
          <MetricChart
            {...common}
            metric="TokenCount"
            title="Tokens"
            description="InputTokenCount and OutputTokenCount per period."
            specs={[
              { key: 'InputTokenCount', name: 'Input tokens', color: C.indigo },
              { key: 'OutputTokenCount', name: 'Output tokens', color: C.emerald },
            ]}
          />
          <MetricChart
            {...common}
            metric="Errors"
            title="Errors"
            description="InvocationClientErrors (4xx, e.g. validation, access) and InvocationServerErrors (5xx)."
            specs={[
              { key: 'InvocationClientErrors', name: 'Client errors', color: C.amber, kind: 'bar' },
              { key: 'InvocationServerErrors', name: 'Server errors', color: C.red, kind: 'bar' },
            ]}
          />
        </div>
      ) : null}
      {m ? <DeployList deploys={deploys} /> : null}
    </>
  );
}

'use client';

import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { BarChart3, ThumbsDown, ThumbsUp } from 'lucide-react';
import Link from 'next/link';
import { useState } from 'react';
import type { PromptMetrics, VersionMetrics } from '@/lib/metrics/prompts';
import { api } from '@/lib/client/api';
import { cn } from '@/lib/client/cn';
import { formatMs, formatUsd } from '@/lib/client/format';
import { LabelChip, sortLabels } from '@/components/catalog/label-chip';
import { Alert } from '@/components/ui/alert';
import { Card, CardHeader } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { Table, TBody, Td, Th, THead, Tr } from '@/components/ui/table';

const RANGES = [
  { value: '24h', label: '24h', ms: 86_400_000 },
  { value: '7d', label: '7d', ms: 7 * 86_400_000 },
  { value: '30d', label: '30d', ms: 30 * 86_400_000 },
] as const;
type Range = (typeof RANGES)[number]['value'];

const num = 'text-right font-mono text-[13px] tabular-nums whitespace-nowrap text-zinc-700 dark:text-zinc-300';
const compact = new Intl.NumberFormat('en', { notation: 'compact', maximumFractionDigits: 1 });
const pct = (part: number, whole: number) => (whole > 0 ? `${((part / whole) * 100).toFixed(part === 0 || part === whole ? 0 : 1)}%` : '—');
const muted = <span className="font-sans text-xs text-zinc-400 dark:text-zinc-500">—</span>;

function Rate({ part, whole, bad }: { part: number; whole: number; bad: (r: number) => 'ok' | 'warn' | 'bad' }) {
  if (whole === 0) return muted;
  const tone = bad(part / whole);
  return <span className={cn(tone === 'bad' ? 'text-red-600 dark:text-red-400' : tone === 'warn' ? 'text-amber-600 dark:text-amber-400' : '')}>{pct(part, whole)}</span>;
}

function Row({ prompt, v, labels }: { prompt: string; v: VersionMetrics; labels: string[] }) {
  const votes = v.thumbsUp + v.thumbsDown;
  const cost = formatUsd(v.costUsd);
  return (
    <Tr data-testid="version-metrics-row" data-version={v.version} data-invocations={v.invocations} data-thumbs-up={v.thumbsUp} data-thumbs-down={v.thumbsDown}>
      <Td className="whitespace-nowrap">
        <Link href={`/prompts/${prompt}/versions/${v.version}`} className="font-mono text-sm font-semibold text-zinc-900 hover:text-indigo-600 hover:underline dark:text-zinc-100 dark:hover:text-indigo-400">
          v{v.version}
        </Link>
        {sortLabels(labels).filter((l) => l !== 'latest').map((l) => (
          <LabelChip key={l} label={l} className="ml-1" />
        ))}
      </Td>
      <Td className={num}>{v.invocations}</Td>
      <Td className={num}>
        <Rate part={v.throttled} whole={v.invocations} bad={(r) => (r > 0.05 ? 'bad' : r > 0 ? 'warn' : 'ok')} />
      </Td>
      <Td className={num}>
        <Rate part={v.errors} whole={v.invocations} bad={(r) => (r > 0.02 ? 'bad' : r > 0 ? 'warn' : 'ok')} />
      </Td>
      <Td className={num}>
        {formatMs(v.latencyP50Ms)} <span className="text-zinc-400 dark:text-zinc-500">/</span> {formatMs(v.latencyP95Ms)}
      </Td>
      <Td className={num}>
        {compact.format(v.inputTokens)} <span className="text-zinc-400 dark:text-zinc-500">/</span> {compact.format(v.outputTokens)}
      </Td>
      <Td className={num}>{cost ?? <span className="font-sans text-xs text-zinc-500 dark:text-zinc-400" title="No price for this model">no price</span>}</Td>
      <Td className={num} data-testid="fallbacks">
        <Rate part={v.fallbacks ?? 0} whole={v.invocations} bad={(r) => (r > 0.2 ? 'bad' : r > 0 ? 'warn' : 'ok')} />
      </Td>
      <Td className={num} data-testid="cache-hit-rate">
        {v.cacheHitRate === null || v.cacheHitRate === undefined ? muted : `${Math.round(v.cacheHitRate * 100)}%`}
        {v.cacheSavingsUsd !== null && v.cacheSavingsUsd !== undefined ? <span className="block text-[11px] text-emerald-700 dark:text-emerald-400">{v.cacheSavingsUsd < 0 ? `cache writes cost ${formatUsd(-v.cacheSavingsUsd)} more` : `saved ${formatUsd(v.cacheSavingsUsd)}`}</span> : null}
      </Td>
      <Td className={num}>
        <span className="text-emerald-600 dark:text-emerald-400">{v.thumbsUp}</span> <span className="text-zinc-400 dark:text-zinc-500">/</span> <span className="text-red-600 dark:text-red-400">{v.thumbsDown}</span>
      </Td>
      <Td className={num} data-testid="thumbs-rate">
        <Rate part={v.thumbsUp} whole={votes} bad={(r) => (r < 0.5 ? 'bad' : r < 0.8 ? 'warn' : 'ok')} />
      </Td>
    </Tr>
  );
}

/** Per-version figures from the invocation log: traffic, failures, latency, tokens, cost, votes. */
export function VersionMetricsCard({ prompt, initial, labels }: { prompt: string; initial: PromptMetrics; labels: Record<number, string[]> }) {
  const [range, setRange] = useState<Range>('24h');
  const q = useQuery({
    queryKey: ['prompt-metrics', prompt, range],
    queryFn: () => {
      const ms = RANGES.find((r) => r.value === range)?.ms ?? 86_400_000;
      return api('GET /api/v1/metrics/prompts/{name}', { params: { name: prompt }, query: { from: new Date(Date.now() - ms).toISOString() } });
    },
    initialData: range === '24h' ? initial : undefined,
    placeholderData: keepPreviousData,
  });
  const m = q.data;
  const projected = m ? formatUsd(m.total.projectedMonthlyCostUsd) : null;
  return (
    <Card className="overflow-hidden" data-testid="version-metrics" data-range={range}>
      <CardHeader
        title="Version figures"
        description="From the invocation log: a drop in the thumbs-up rate or a rise in throttling after a deploy shows here."
        actions={
          <div role="group" aria-label="Time range" className="inline-flex rounded-md ring-1 ring-zinc-200 dark:ring-zinc-700">
            {RANGES.map((r) => (
              <button
                key={r.value}
                type="button"
                aria-pressed={range === r.value}
                onClick={() => setRange(r.value)}
                className={cn(
                  'cursor-pointer px-2.5 py-1 text-xs font-medium first:rounded-l-md last:rounded-r-md focus-visible:outline-2 focus-visible:outline-indigo-500',
                  range === r.value ? 'bg-zinc-900 text-white dark:bg-zinc-100 dark:text-zinc-900' : 'text-zinc-600 hover:bg-zinc-100 dark:text-zinc-400 dark:hover:bg-zinc-800',
                )}
              >
                {r.label}
              </button>
            ))}
          </div>
        }
      />
      {q.isError ? <Alert className="m-4">{q.error.message}</Alert> : null}
      {m && m.versions.length === 0 ? (
        <EmptyState
          icon={<BarChart3 />}
          title={`No invocations in the last ${range}`}
          description={
            m.total.excludedOverrideRuns > 0
              ? `${m.total.excludedOverrideRuns} run${m.total.excludedOverrideRuns === 1 ? '' : 's'} with overrides (another model, parameters or template) are in the Logs but are not a version's figures.`
              : 'Figures appear once the prompt is invoked through the gateway, the playground, or reported by an application.'
          }
        />
      ) : m ? (
        <div className={cn(q.isFetching && q.isPlaceholderData ? 'opacity-60' : '')}>
          <Table aria-label="Figures per version">
            <THead>
              <tr>
                <Th>Version</Th>
                <Th className="text-right">Calls</Th>
                <Th className="text-right" title="Throttled calls / all calls">Throttled</Th>
                <Th className="text-right" title="Failed calls (not throttling) / all calls">Errors</Th>
                <Th className="text-right">p50 / p95</Th>
                <Th className="text-right">Tokens in / out</Th>
                <Th className="text-right">Cost</Th>
                <Th className="text-right" title="Calls a fallback model answered / all calls">Fallbacks</Th>
                <Th className="text-right" title="Share of input tokens read from the prompt cache, and what it saved">Cache hits</Th>
                <Th className="text-right">
                  <span className="inline-flex items-center gap-1">
                    <ThumbsUp className="size-3" aria-label="Thumbs up" /> / <ThumbsDown className="size-3" aria-label="Thumbs down" />
                  </span>
                </Th>
                <Th className="text-right" title="Thumbs up / all votes">Up rate</Th>
              </tr>
            </THead>
            <TBody>
              {m.versions.map((v) => (
                <Row key={v.version} prompt={prompt} v={v} labels={labels[v.version] ?? []} />
              ))}
            </TBody>
          </Table>
          <p className="flex flex-wrap gap-x-4 gap-y-1 border-t border-zinc-200 px-4 py-2.5 text-xs text-zinc-600 dark:border-zinc-800 dark:text-zinc-400" data-testid="version-metrics-total">
            <span>
              {m.total.invocations} call{m.total.invocations === 1 ? '' : 's'} · {formatUsd(m.total.costUsd) ?? 'no price'}
            </span>
            <span data-testid="projected-monthly-cost">
              Projected monthly cost at the current rate: <span className="font-medium text-zinc-900 dark:text-zinc-100">{projected ?? 'no price'}</span>
            </span>
            {m.total.excludedOverrideRuns > 0 ? (
              <span data-testid="excluded-override-runs" data-value={m.total.excludedOverrideRuns}>
                Not counted: {m.total.excludedOverrideRuns} run{m.total.excludedOverrideRuns === 1 ? '' : 's'} with overrides (another model, parameters or template; see{' '}
                <Link href={`/logs?prompt=${encodeURIComponent(prompt)}`} className="font-medium text-indigo-600 hover:underline dark:text-indigo-400">
                  Logs
                </Link>
                )
              </span>
            ) : null}
          </p>
        </div>
      ) : null}
    </Card>
  );
}

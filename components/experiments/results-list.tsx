'use client';

import { useInfiniteQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { CheckCircle2, ExternalLink, ListFilter, SearchX, XCircle } from 'lucide-react';
import { formatMs, formatUsd } from '@/lib/client/format';
import { cn } from '@/lib/client/cn';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { Skeleton } from '@/components/ui/skeleton';
import { expApi } from './exp-api';
import { OutputDiff } from './output-diff';
import type { ExperimentStatus, Result } from './types';

export const resultPassed = (r: Result) => r.pass ?? (r.status === 'ok' && r.scores.length > 0 && r.scores.every((s) => s.pass));

function ResultItem({ r }: { r: Result }) {
  const passed = resultPassed(r);
  return (
    <li className="space-y-3 px-4 py-4" data-testid="result-row" data-pass={passed}>
      <div className="flex flex-wrap items-center gap-x-3 gap-y-1 text-xs text-zinc-500 dark:text-zinc-400">
        <span className={cn('inline-flex items-center gap-1 text-sm font-semibold', passed ? 'text-emerald-700 dark:text-emerald-400' : 'text-red-700 dark:text-red-400')}>
          {passed ? <CheckCircle2 className="size-4" aria-hidden /> : <XCircle className="size-4" aria-hidden />}
          {passed ? 'Pass' : r.status === 'ok' ? 'Fail' : `Call ${r.status}`}
        </span>
        <span className="min-w-0 truncate font-mono" title={r.exampleId}>
          example #{r.position + 1}
        </span>
        {r.repetition > 1 ? <span>repetition {r.repetition}</span> : null}
        <span className="tabular-nums">{formatMs(r.latencyMs)}</span>
        <span className="tabular-nums">{formatUsd(r.costUsd) ?? 'no price'}</span>
        {r.invocationId ? (
          <Link href={`/logs/${encodeURIComponent(r.invocationId)}`} className="ml-auto inline-flex items-center gap-1 font-medium text-indigo-600 hover:underline dark:text-indigo-400">
            Invocation
            <ExternalLink className="size-3" aria-hidden />
          </Link>
        ) : null}
      </div>
      {r.variables && Object.keys(r.variables).length > 0 ? (
        <dl className="flex min-w-0 flex-wrap gap-x-4 gap-y-1 text-xs">
          {Object.entries(r.variables).map(([k, v]) => (
            <div key={k} className="flex min-w-0 max-w-full gap-1">
              <dt className="font-mono text-zinc-500 dark:text-zinc-400">{k}</dt>
              <dd className="min-w-0 truncate text-zinc-800 dark:text-zinc-200">{typeof v === 'string' ? v : JSON.stringify(v)}</dd>
            </div>
          ))}
        </dl>
      ) : null}
      {r.error ? <p className="text-xs text-red-700 dark:text-red-400">{r.error}</p> : null}
      <OutputDiff expected={r.expectedOutput} output={r.output} />
      {r.scores.length > 0 ? (
        <ul className="space-y-1" aria-label="Evaluator verdicts">
          {r.scores.map((s) => (
            <li key={s.evaluator} className="flex min-w-0 items-start gap-2 text-xs" data-testid="verdict" data-pass={s.pass}>
              {s.pass ? <CheckCircle2 className="mt-px size-3.5 shrink-0 text-emerald-600" aria-label="passed" /> : <XCircle className="mt-px size-3.5 shrink-0 text-red-600" aria-label="failed" />}
              <span className="shrink-0 font-mono text-zinc-700 dark:text-zinc-300">{s.evaluator}</span>
              <span className="shrink-0 text-zinc-500 tabular-nums dark:text-zinc-400">{s.score.toFixed(2)}</span>
              <span className="min-w-0 break-words text-zinc-600 dark:text-zinc-400">{s.reason}</span>
            </li>
          ))}
        </ul>
      ) : null}
    </li>
  );
}

const PAGE = 25;

/** Every result of a run, failures-only on demand, a page at a time (cursor). */
export function ResultsList({ id, status, done, failuresOnly, setFailuresOnly }: { id: string; status: ExperimentStatus; done: number; failuresOnly: boolean; setFailuresOnly: (v: boolean) => void }) {
  const q = useInfiniteQuery({
    queryKey: ['experiment-results', id, failuresOnly, status === 'running' || status === 'queued' ? done : 'final'],
    queryFn: ({ pageParam }) => expApi.results(id, { cursor: pageParam, limit: PAGE, failed: failuresOnly }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: (prev) => prev,
  });
  const all = q.data?.pages.flatMap((p) => p.items) ?? [];
  const items = failuresOnly ? all.filter((r) => !resultPassed(r)) : all;
  return (
    <div>
      <div className="flex flex-wrap items-center justify-between gap-2 border-b border-zinc-200 px-4 py-3 dark:border-zinc-800">
        <h2 className="text-sm font-semibold text-zinc-900 dark:text-zinc-100">Results</h2>
        <div role="group" aria-label="Show" className="inline-flex rounded-md border border-zinc-300 p-0.5 dark:border-zinc-700">
          {[
            { v: false, label: 'All' },
            { v: true, label: 'Failures' },
          ].map((o) => (
            <button
              key={o.label}
              type="button"
              aria-pressed={failuresOnly === o.v}
              onClick={() => setFailuresOnly(o.v)}
              className={cn('inline-flex items-center gap-1 rounded px-2.5 py-1 text-xs font-medium', failuresOnly === o.v ? 'bg-zinc-900 text-white dark:bg-zinc-100 dark:text-zinc-900' : 'text-zinc-600 hover:bg-zinc-100 dark:text-zinc-300 dark:hover:bg-zinc-800')}
            >
              {o.v ? <ListFilter className="size-3" aria-hidden /> : null}
              {o.label}
            </button>
          ))}
        </div>
      </div>
      {q.isPending ? (
        <div className="space-y-3 p-4">
          {[0, 1, 2].map((i) => (
            <Skeleton key={i} className="h-24 w-full" />
          ))}
        </div>
      ) : q.isError ? (
        <Alert className="m-4" title="The results could not be loaded" action={<Button size="sm" onClick={() => void q.refetch()}>Try again</Button>}>
          {q.error.message}
        </Alert>
      ) : items.length === 0 ? (
        <EmptyState
          icon={<SearchX />}
          title={failuresOnly ? 'No failures' : 'No results yet'}
          description={failuresOnly ? (all.length > 0 || done > 0 ? 'Every result so far passed all evaluators.' : 'Nothing has failed so far.') : status === 'queued' ? 'The run is queued; results appear as calls finish.' : 'Results appear here as calls finish.'}
        />
      ) : (
        <ul className="divide-y divide-zinc-100 dark:divide-zinc-800" data-testid="results">
          {items.map((r) => (
            <ResultItem key={`${r.exampleId}:${r.repetition}`} r={r} />
          ))}
        </ul>
      )}
      {q.hasNextPage ? (
        <div className="border-t border-zinc-200 px-4 py-3 text-center dark:border-zinc-800">
          <Button size="sm" onClick={() => void q.fetchNextPage()} loading={q.isFetchingNextPage}>
            Load more results
          </Button>
        </div>
      ) : null}
    </div>
  );
}

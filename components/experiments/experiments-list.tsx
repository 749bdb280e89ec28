'use client';

import { useInfiniteQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { useState } from 'react';
import { FlaskConical, GitCompareArrows, SearchX } from 'lucide-react';
import { formatUsd } from '@/lib/client/format';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { Select } from '@/components/ui/input';
import { RelativeTime } from '@/components/ui/relative-time';
import { Skeleton } from '@/components/ui/skeleton';
import { Table, TBody, Td, Th, THead, Tr } from '@/components/ui/table';
import { Labelled } from '@/components/filters/filter-fields';
import { ModelName } from '@/components/catalog/model-name';
import { expApi } from './exp-api';
import { pct } from './format';
import { RunProgress, RunStatusBadge } from './run-status';
import { datasetName, EXPERIMENT_STATUSES, isActive, type Experiment, type ExperimentStatus } from './types';
import { usePickLists } from './use-pick-lists';

/** Two runs can be compared when they ran on the same dataset. */
export function comparable(a: Experiment | undefined, b: Experiment | undefined): boolean {
  return !!a && !!b && a.id !== b.id && a.dataset === b.dataset;
}

export function ExperimentsList() {
  const sp = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  const filters = { prompt: sp.get('prompt') ?? '', dataset: sp.get('dataset') ?? '', status: (sp.get('status') ?? '') as ExperimentStatus | '' };
  const lists = usePickLists();
  const [picked, setPicked] = useState<string[]>([]);
  const q = useInfiniteQuery({
    queryKey: ['experiments', filters],
    queryFn: ({ pageParam }) => expApi.list({ ...filters, cursor: pageParam, limit: 50 }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    refetchInterval: (query) => (query.state.data?.pages.some((p) => p.items.some((e) => isActive(e.status))) ? 3000 : false),
  });
  const items = q.data?.pages.flatMap((p) => p.items) ?? [];
  const byId = new Map(items.map((e) => [e.id, e]));
  const setFilter = (k: keyof typeof filters, v: string) => {
    const next = new URLSearchParams(sp.toString());
    if (v) next.set(k, v);
    else next.delete(k);
    setPicked([]);
    router.replace(`${pathname}${next.size ? `?${next}` : ''}`);
  };
  const toggle = (id: string) => setPicked((p) => (p.includes(id) ? p.filter((x) => x !== id) : [...p.slice(-1), id]));
  const [a, b] = picked.map((id) => byId.get(id));
  const canCompare = comparable(a, b);
  const filtered = !!(filters.prompt || filters.dataset || filters.status);
  // The older run is the base.
  const [base, head] = canCompare && a && b ? (a.createdAt <= b.createdAt ? [a, b] : [b, a]) : [undefined, undefined];

  return (
    <>
      <div className="mb-4 flex flex-wrap items-end gap-3">
        <Labelled id="f-prompt" label="Prompt" className="w-full sm:w-56">
          <Select id="f-prompt" value={filters.prompt} onChange={(e) => setFilter('prompt', e.target.value)}>
            <option value="">All prompts</option>
            {lists.prompts.map((p) => (
              <option key={p.name}>{p.name}</option>
            ))}
          </Select>
        </Labelled>
        <Labelled id="f-dataset" label="Dataset" className="w-full sm:w-56">
          <Select id="f-dataset" value={filters.dataset} onChange={(e) => setFilter('dataset', e.target.value)}>
            <option value="">All datasets</option>
            {lists.datasets.map((d) => (
              <option key={d.id}>{d.name}</option>
            ))}
          </Select>
        </Labelled>
        <Labelled id="f-status" label="Status" className="w-full sm:w-40">
          <Select id="f-status" value={filters.status} onChange={(e) => setFilter('status', e.target.value)}>
            <option value="">Any status</option>
            {EXPERIMENT_STATUSES.map((s) => (
              <option key={s}>{s}</option>
            ))}
          </Select>
        </Labelled>
        <div className="flex min-w-0 flex-1 flex-wrap items-center justify-end gap-2">
          <p className="text-xs text-zinc-500 dark:text-zinc-400" aria-live="polite">
            {picked.length === 0 ? 'Tick two runs on one dataset to compare them.' : picked.length === 1 ? 'Tick one more run on the same dataset.' : canCompare ? null : 'These runs used different datasets.'}
          </p>
          <Button asChild={canCompare} variant="primary" disabled={!canCompare} data-testid="compare-selected">
            {canCompare && base && head ? (
              <Link href={`/experiments/compare?base=${encodeURIComponent(base.id)}&head=${encodeURIComponent(head.id)}`}>
                <GitCompareArrows aria-hidden />
                Compare
              </Link>
            ) : (
              <span>
                <GitCompareArrows aria-hidden />
                Compare
              </span>
            )}
          </Button>
        </div>
      </div>
      <div className="overflow-hidden rounded-lg border border-zinc-200 bg-white shadow-xs dark:border-zinc-800 dark:bg-zinc-900">
        {q.isPending ? (
          <div className="space-y-2 p-4">
            {[0, 1, 2, 3].map((i) => (
              <Skeleton key={i} className="h-10 w-full" />
            ))}
          </div>
        ) : q.isError ? (
          <Alert className="m-4" title="The experiments could not be loaded" action={<Button size="sm" onClick={() => void q.refetch()}>Try again</Button>}>
            {q.error.message}
          </Alert>
        ) : items.length === 0 ? (
          filtered ? (
            <EmptyState icon={<SearchX />} title="No experiments match these filters" action={<Button asChild><Link href="/experiments">Clear filters</Link></Button>} />
          ) : (
            <EmptyState
              icon={<FlaskConical />}
              title="No experiments yet"
              description="Run a prompt version against a dataset of expected outputs to see how often it gets them right."
              action={<Button asChild variant="primary"><Link href="/experiments/new">New experiment</Link></Button>}
            />
          )
        ) : (
          <Table aria-label="Experiments">
            <THead>
              <tr>
                <Th className="w-8"><span className="sr-only">Pick</span></Th>
                <Th>Run</Th>
                <Th>Status</Th>
                <Th className="text-right">Pass rate</Th>
                <Th className="hidden text-right md:table-cell">Cost</Th>
                <Th className="hidden text-right md:table-cell">Started</Th>
              </tr>
            </THead>
            <TBody>
              {items.map((e) => (
                <Tr key={e.id} data-testid="experiment-row" data-id={e.id}>
                  <Td className="align-top">
                    <input type="checkbox" className="size-4 accent-indigo-600" aria-label={`Pick ${e.prompt} v${e.version} for comparison`} checked={picked.includes(e.id)} onChange={() => toggle(e.id)} disabled={isActive(e.status)} />
                  </Td>
                  <Td className="min-w-0 align-top">
                    <Link href={`/experiments/${encodeURIComponent(e.id)}`} className="font-medium text-zinc-900 hover:text-indigo-600 hover:underline dark:text-zinc-100">
                      {e.name || `${e.prompt} v${e.version}`}
                    </Link>
                    <p className="mt-0.5 text-xs text-zinc-500 dark:text-zinc-400">
                      {e.name ? `${e.prompt} v${e.version} · ` : ''}
                      <span className="font-mono">{datasetName(e)}</span> · <ModelName id={e.modelId} />
                      {e.suite ? ` · suite ${e.suite}` : ''}
                    </p>
                  </Td>
                  <Td className="align-top">
                    <div className="space-y-1.5">
                      <RunStatusBadge status={e.status} />
                      {isActive(e.status) ? <RunProgress progress={e.progress} status={e.status} compact /> : null}
                    </div>
                  </Td>
                  <Td className="text-right align-top font-semibold tabular-nums">{pct(e.summary?.passRate)}</Td>
                  <Td className="hidden text-right align-top text-zinc-600 tabular-nums md:table-cell dark:text-zinc-400">{formatUsd(e.summary?.costUsd) ?? '—'}</Td>
                  <Td className="hidden text-right align-top text-xs text-zinc-500 md:table-cell"><RelativeTime iso={e.createdAt} /></Td>
                </Tr>
              ))}
            </TBody>
          </Table>
        )}
      </div>
      {q.hasNextPage ? (
        <div className="mt-4 text-center">
          <Button size="sm" onClick={() => void q.fetchNextPage()} loading={q.isFetchingNextPage}>Load more</Button>
        </div>
      ) : null}
    </>
  );
}

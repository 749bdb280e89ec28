'use client';

import { useInfiniteQuery, useQueryClient } from '@tanstack/react-query';
import { Inbox, SearchX } from 'lucide-react';
import Link from 'next/link';
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { ActorKey } from '@/lib/auth/actor-ref';
import type { QueuePage } from '@/lib/feedback/queue-responses';
import { api } from '@/lib/client/api';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { AddToDatasetDialog } from './add-to-dataset-dialog';
import { ReviewCounts, ReviewShortcuts } from './review-counts';
import { ReviewFiltersBar } from './review-filters';
import { ReviewList } from './review-list';
import { ReviewPanel, type Mode } from './review-panel';
import { hasReviewFilters, queueQuery, type ReviewFilters } from './review-url';
import { queueKey, useReviewActions } from './use-review-actions';


/** Typing in a field, or a dialog open: single-key shortcuts stay off. */
function shortcutsOff(e: KeyboardEvent): boolean {
  if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey) return true;
  const t = e.target as HTMLElement | null;
  if (t && (t.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(t.tagName))) return true;
  return !!document.querySelector('[role="dialog"], [role="alertdialog"]');
}

export function ReviewQueue({ filters, initial, problem, prompts, models, me }: { filters: ReviewFilters; initial: QueuePage | null; problem: string | null; prompts: { name: string; latestVersion: number | null }[]; models: string[]; me: ActorKey }) {
  const qc = useQueryClient();
  const query = useMemo(() => queueQuery(filters), [filters]);
  const q = useInfiniteQuery({
    queryKey: [...queueKey, query],
    queryFn: ({ pageParam }) => api('GET /api/v1/review-queue', { query: { ...query, cursor: pageParam } }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (p) => p.nextCursor ?? undefined,
    initialData: initial ? { pages: [initial], pageParams: [undefined] } : undefined,
    enabled: !problem,
  });
  // Items acted on, by the revision they had: hidden until a reload shows them changed (or gone).
  const [gone, setGone] = useState<Map<string, number>>(() => new Map());
  const items = useMemo(() => (q.data?.pages ?? []).flatMap((p) => p.items).filter((i) => gone.get(i.invocationId) !== i.revision), [q.data, gone]);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const current = items.find((i) => i.invocationId === selectedId) ?? items[0] ?? null;
  const [mode, setMode] = useState<Mode>('none');
  const [datasetOpen, setDatasetOpen] = useState(false);
  const [lastDataset, setLastDataset] = useState<string | null>(null);

  const select = useCallback((id: string | null) => {
    setSelectedId(id);
    setMode('none');
  }, []);
  const step = useCallback(
    (by: 1 | -1) => {
      if (!current) return;
      const at = items.findIndex((i) => i.invocationId === current.invocationId);
      const next = items[Math.min(items.length - 1, Math.max(0, at + by))];
      if (next) select(next.invocationId);
    },
    [current, items, select],
  );
  const actions = useReviewActions({
    onDone: (item) => {
      const at = items.findIndex((i) => i.invocationId === item.invocationId);
      const next = items[at + 1] ?? items[at - 1] ?? null;
      setGone((g) => new Map(g).set(item.invocationId, item.revision));
      select(next && next.invocationId !== item.invocationId ? next.invocationId : null);
    },
    onUndone: (item) => {
      setGone((g) => {
        const n = new Map(g);
        n.delete(item.invocationId);
        return n;
      });
      // Back where it was (the reload brings its new revision); show it again.
      select(item.invocationId);
    },
  });

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (shortcutsOff(e)) return;
      const open = current?.status === 'open';
      const run: Record<string, (() => void) | undefined> = {
        j: () => step(1),
        k: () => step(-1),
        r: open ? () => setMode('resolve') : undefined,
        d: open ? () => setMode('dismiss') : undefined,
        a: current ? () => setDatasetOpen(true) : undefined,
      };
      const fn = run[e.key];
      if (fn) {
        e.preventDefault();
        fn();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [current, step]);

  const counts = q.data?.pages[0]?.counts;
  const filtered = hasReviewFilters(filters);
  return (
    <>
      <ReviewFiltersBar filters={filters} prompts={prompts} models={models} />
      {problem ? (
        <Alert className="mb-4" title="These filters cannot be used" action={<Button asChild size="sm" variant="ghost"><Link href="/review">Clear filters</Link></Button>}>
          {problem}
        </Alert>
      ) : null}
      <div className="mb-4 flex flex-wrap items-center justify-between gap-3 rounded-lg border border-zinc-200 bg-white px-4 py-2.5 dark:border-zinc-800 dark:bg-zinc-900">
        <ReviewCounts counts={counts} />
        <ReviewShortcuts />
      </div>
      {q.isError ? <Alert className="mb-4" title="The queue could not be loaded" action={<Button size="sm" onClick={() => void q.refetch()}>Retry</Button>}>{q.error.message}</Alert> : null}
      {items.length === 0 && !q.isFetching ? (
        <Card>
          {filtered ? (
            <EmptyState icon={<SearchX />} title="Nothing matches these filters" description="Try another status, prompt or age, or clear the filters." action={<Button asChild><Link href="/review">Clear filters</Link></Button>} />
          ) : (
            <EmptyState icon={<Inbox />} title="The queue is empty" description="Nothing waits for review. Invocations enter the queue with a thumbs down or a comment, from the app's users or from the Logs." action={<Button asChild><Link href="/logs?feedback=down">Thumbs-down invocations</Link></Button>} />
          )}
        </Card>
      ) : (
        <div className="grid gap-4 lg:grid-cols-[22rem_1fr]">
          <Card className="self-start overflow-hidden lg:sticky lg:top-20 lg:max-h-[calc(100vh-6rem)] lg:overflow-y-auto">
            <ReviewList items={items} selectedId={current?.invocationId ?? null} onSelect={select} me={me} />
            {q.hasNextPage ? (
              <div className="border-t border-zinc-200 p-2 text-center dark:border-zinc-800">
                <Button size="sm" variant="ghost" loading={q.isFetchingNextPage} onClick={() => void q.fetchNextPage()} data-testid="review-load-more">
                  Load more
                </Button>
              </div>
            ) : null}
          </Card>
          <div className="min-w-0">
            {current ? (
              <ReviewPanel key={current.invocationId} item={current} me={me} mode={mode} setMode={setMode} pending={actions.isPending} act={(a) => actions.mutate(a)} onAddToDataset={() => setDatasetOpen(true)} />
            ) : null}
          </div>
        </div>
      )}
      {current && datasetOpen ? (
        <AddToDatasetDialog
          key={current.invocationId}
          item={current}
          open={datasetOpen}
          onOpenChange={setDatasetOpen}
          lastDataset={lastDataset}
          onAdded={(dataset) => {
            setLastDataset(dataset);
            // Shown on the item at once; the reload confirms it.
            qc.setQueriesData<{ pages: QueuePage[] }>({ queryKey: queueKey }, (d) =>
              d ? { ...d, pages: d.pages.map((p) => ({ ...p, items: p.items.map((i) => (i.invocationId === current.invocationId ? { ...i, datasets: [...new Set([...i.datasets, dataset])] } : i)) })) } : d,
            );
            void qc.invalidateQueries({ queryKey: queueKey });
          }}
        />
      ) : null}
    </>
  );
}

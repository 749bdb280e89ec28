'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import { useState } from 'react';
import { Ban, ChevronRight, GitCompareArrows } from 'lucide-react';
import { toast } from 'sonner';
import { errorMessage } from '@/lib/client/api';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { ConfirmCancel, ConfirmDialog } from '@/components/ui/dialog';
import { PageHeader } from '@/components/ui/page-header';
import { RelativeTime } from '@/components/ui/relative-time';
import { PageSkeleton } from '@/components/ui/skeleton';
import { ModelName } from '@/components/catalog/model-name';
import { ParamsSummary } from '@/components/prompt/params-summary';
import { expApi } from './exp-api';
import { RunProgress, RunStatusBadge } from './run-status';
import { ResultsList } from './results-list';
import { SummaryCards } from './summary-cards';
import { datasetName, isActive, type Experiment } from './types';
import { runTitle } from './format';

/** How often a queued or running experiment is polled. */
const POLL_MS = 1500;

function CancelButton({ id }: { id: string }) {
  const [open, setOpen] = useState(false);
  const qc = useQueryClient();
  const m = useMutation({
    mutationFn: () => expApi.cancel(id),
    onSuccess: (e) => {
      setOpen(false);
      qc.setQueryData(['experiment', id], e);
      toast.success('The run was cancelled; finished results are kept.');
    },
    onError: (e) => toast.error(errorMessage(e)),
  });
  return (
    <ConfirmDialog
      open={open}
      onOpenChange={setOpen}
      title="Cancel this run?"
      description="Calls in flight finish; no new calls start. The results so far stay."
      trigger={
        <Button variant="danger-outline">
          <Ban aria-hidden />
          Cancel run
        </Button>
      }
    >
      <div className="flex justify-end gap-2">
        <ConfirmCancel asChild>
          <Button>Keep running</Button>
        </ConfirmCancel>
        <Button variant="danger" loading={m.isPending} onClick={() => m.mutate()}>
          Cancel run
        </Button>
      </div>
    </ConfirmDialog>
  );
}

export function ExperimentView({ id, initial, canRun }: { id: string; initial?: Experiment; canRun: boolean }) {
  const [failuresOnly, setFailuresOnly] = useState(false);
  const q = useQuery({
    queryKey: ['experiment', id],
    queryFn: () => expApi.get(id),
    initialData: initial,
    refetchInterval: (query) => (query.state.data && !isActive(query.state.data.status) ? false : POLL_MS),
  });
  if (q.isPending) return <PageSkeleton rows={6} />;
  if (q.isError) {
    return (
      <Alert title="This experiment could not be loaded" action={<Button size="sm" onClick={() => void q.refetch()}>Try again</Button>}>
        {q.error.message}
      </Alert>
    );
  }
  const e = q.data;
  const dataset = datasetName(e);
  const active = isActive(e.status);
  return (
    <>
      <nav aria-label="Breadcrumb" className="mb-3 flex items-center gap-1 text-xs text-zinc-500 dark:text-zinc-400">
        <Link href="/experiments" className="hover:text-zinc-900 dark:hover:text-zinc-100">
          Experiments
        </Link>
        <ChevronRight className="size-3" aria-hidden />
        <span className="min-w-0 truncate font-mono text-zinc-700 dark:text-zinc-300">{e.id.slice(0, 8)}</span>
      </nav>
      <PageHeader
        title={<span className="break-words">{runTitle(e, dataset)}</span>}
        meta={
          <>
            <RunStatusBadge status={e.status} />
            <Link href={`/prompts/${encodeURIComponent(e.prompt)}/versions/${e.version}`} className="font-mono hover:underline">
              {e.prompt} v{e.version}
            </Link>
            <span>
              dataset <span className="font-mono">{dataset}</span> (revision {e.datasetRevision})
            </span>
            <span className="inline-flex items-center gap-1">
              <ModelName id={e.modelId} />
            </span>
            <ParamsSummary params={e.params} />
            {e.repetitions > 1 ? <span>{e.repetitions} repetitions</span> : null}
            <span>
              started <RelativeTime iso={e.startedAt ?? e.createdAt} />
            </span>
          </>
        }
        actions={
          <>
            {!active ? (
              <Button asChild>
                <Link href={`/experiments/compare?base=${encodeURIComponent(e.id)}`}>
                  <GitCompareArrows aria-hidden />
                  Compare
                </Link>
              </Button>
            ) : null}
            {active && canRun ? <CancelButton id={e.id} /> : null}
          </>
        }
      />
      {e.error ? (
        <Alert className="mb-4" title="The run failed">
          {e.error}
        </Alert>
      ) : null}
      <Card className="mb-6 p-4">
        <RunProgress progress={e.progress} status={e.status} />
        <div className="mt-4">
          <SummaryCards summary={e.summary} />
        </div>
      </Card>
      <Card className="overflow-hidden">
        <ResultsList id={e.id} status={e.status} done={e.progress.done} failuresOnly={failuresOnly} setFailuresOnly={setFailuresOnly} />
      </Card>
    </>
  );
}

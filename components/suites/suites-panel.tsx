'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { ClipboardCheck, Pencil, Play, Plus, Trash2 } from 'lucide-react';
import { toast } from 'sonner';
import { errorMessage } from '@/lib/client/api';
import { Alert } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Card, CardHeader } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { Skeleton } from '@/components/ui/skeleton';
import { expApi } from '@/components/experiments/exp-api';
import { pct } from '@/components/experiments/format';
import { RunStatusBadge } from '@/components/experiments/run-status';
import { datasetName, type Suite } from '@/components/experiments/types';
import { SuiteDialog } from './suite-dialog';

function SuiteRow({ prompt, s, canWrite, runOn }: { prompt: string; s: Suite; canWrite: boolean; runOn: { version?: number } }) {
  const router = useRouter();
  const qc = useQueryClient();
  const run = useMutation({
    mutationFn: () => expApi.runSuite(prompt, s.name, runOn),
    onSuccess: (e) => {
      toast.success(`Running suite ${s.name} on v${e.version}`);
      router.push(`/experiments/${encodeURIComponent(e.id)}`);
    },
    onError: (e) => toast.error(errorMessage(e)),
  });
  const del = useMutation({
    mutationFn: () => expApi.deleteSuite(prompt, s.name),
    onSuccess: () => {
      toast.success(`Deleted suite ${s.name}; its runs are kept`);
      void qc.invalidateQueries({ queryKey: ['suites', prompt] });
    },
    onError: (e) => toast.error(errorMessage(e)),
  });
  const last = s.lastRun;
  return (
    <li className="space-y-2 px-4 py-3" data-testid="suite-row" data-suite={s.name}>
      <div className="flex flex-wrap items-center gap-2">
        <span className="font-mono text-sm font-semibold text-zinc-900 dark:text-zinc-100">{s.name}</span>
        {s.isDefault ? <Badge tone="indigo">default</Badge> : null}
        <span className="text-xs text-zinc-500 dark:text-zinc-400">
          {datasetName(s)} · {s.evaluators.length} evaluator{s.evaluators.length === 1 ? '' : 's'}
          {s.minPassRate != null ? ` · needs ${pct(s.minPassRate)}` : ''}
        </span>
      </div>
      <div className="flex flex-wrap items-center gap-2">
        {last ? (
          <Link href={`/experiments/${encodeURIComponent(last.experimentId)}`} className="inline-flex items-center gap-1.5 text-xs text-zinc-600 hover:underline dark:text-zinc-300">
            last run <RunStatusBadge status={last.status} /> {pct(last.passRate)}
            {last.passed === false ? <Badge tone="red">below threshold</Badge> : last.passed ? <Badge tone="green">passed</Badge> : null}
          </Link>
        ) : (
          <span className="text-xs text-zinc-500 dark:text-zinc-400">Never run</span>
        )}
        {canWrite ? (
          <div className="ml-auto flex gap-1">
            <Button size="sm" variant="primary" onClick={() => run.mutate()} loading={run.isPending} aria-label={`Run suite ${s.name}`}>
              <Play aria-hidden />
              Run
            </Button>
            <SuiteDialog prompt={prompt} suite={s} trigger={<Button size="sm" variant="ghost" aria-label={`Edit suite ${s.name}`}><Pencil aria-hidden /></Button>} />
            <Button size="sm" variant="ghost" aria-label={`Delete suite ${s.name}`} onClick={() => (window.confirm(`Delete suite ${s.name}? Its runs are kept.`) ? del.mutate() : undefined)} loading={del.isPending}>
              <Trash2 aria-hidden />
            </Button>
          </div>
        ) : null}
      </div>
    </li>
  );
}

/** A prompt's test suites: define them once (dataset, evaluators, minimum pass rate), run with one click. */
/** `runOn`: {} runs the production version; give a version when the prompt has no production label. */
export function SuitesPanel({ prompt, canWrite, runOn = {} }: { prompt: string; canWrite: boolean; runOn?: { version?: number } }) {
  const q = useQuery({ queryKey: ['suites', prompt], queryFn: () => expApi.suites(prompt) });
  const items = q.data?.items ?? [];
  return (
    <Card className="overflow-hidden" data-testid="suites-panel">
      <CardHeader
        title="Test suites"
        description="Run on the production version (else the newest); the default suite's result shows in the versions table."
        actions={canWrite ? <SuiteDialog prompt={prompt} first={items.length === 0} trigger={<Button size="sm"><Plus aria-hidden />New suite</Button>} /> : null}
      />
      {q.isPending ? (
        <div className="space-y-2 p-4">
          <Skeleton className="h-12 w-full" />
        </div>
      ) : q.isError ? (
        <Alert className="m-4" title="The suites could not be loaded">{q.error.message}</Alert>
      ) : items.length === 0 ? (
        <EmptyState icon={<ClipboardCheck />} title="No test suites yet" description="A suite is a dataset plus evaluators and the pass rate a version must reach before it ships." />
      ) : (
        <ul className="divide-y divide-zinc-100 dark:divide-zinc-800">
          {items.map((s) => (
            <SuiteRow key={s.id} prompt={prompt} s={s} canWrite={canWrite} runOn={runOn} />
          ))}
        </ul>
      )}
    </Card>
  );
}

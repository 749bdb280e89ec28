'use client';

import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { ChevronRight, Star } from 'lucide-react';
import { formatMs, formatUsd } from '@/lib/client/format';
import { shortModelName } from '@/lib/client/models';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Card, CardHeader } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { PageSkeleton } from '@/components/ui/skeleton';
import { Table, TBody, Td, Th, THead, Tr } from '@/components/ui/table';
import { ParamsSummary } from '@/components/prompt/params-summary';
import { expApi } from '@/components/experiments/exp-api';
import { pct } from '@/components/experiments/format';
import { RunProgress, RunStatusBadge } from '@/components/experiments/run-status';
import { datasetName, isActive, type Params } from '@/components/experiments/types';
import { chartPoints } from './grid-model';
import { SaveCellButton } from './save-cell-button';
import { SweepChart } from './sweep-chart';

const cellLabel = (c: { modelId: string; params: Params }) => `${shortModelName(c.modelId)} ${Object.entries(c.params).map(([k, v]) => `${k} ${String(v)}`).join(' ')}`.trim();

export function SweepView({ id, canWrite }: { id: string; canWrite: boolean }) {
  const q = useQuery({
    queryKey: ['sweep', id],
    queryFn: () => expApi.sweep(id),
    refetchInterval: (query) => (query.state.data && !query.state.data.cells.some((c) => isActive(c.status)) ? false : 2000),
  });
  if (q.isPending) return <PageSkeleton rows={6} />;
  if (q.isError) return <Alert title="This sweep could not be loaded" action={<Button size="sm" onClick={() => void q.refetch()}>Try again</Button>}>{q.error.message}</Alert>;
  const s = q.data;
  const { prompt, version } = s;
  const dataset = datasetName(s);
  const points = chartPoints(s.cells, s.pareto, cellLabel);
  const pareto = new Set(points.filter((p) => p.pareto).map((p) => p.id));
  const done = s.cells.filter((c) => !isActive(c.status)).length;
  return (
    <>
      <nav aria-label="Breadcrumb" className="mb-3 flex items-center gap-1 text-xs text-zinc-500 dark:text-zinc-400">
        <Link href="/experiments" className="hover:text-zinc-900 dark:hover:text-zinc-100">Experiments</Link>
        <ChevronRight className="size-3" aria-hidden />
        <span>Sweep {s.id.slice(0, 8)}</span>
      </nav>
      <PageHeader
        title={s.name || `Sweep of ${prompt} v${version}`}
        description={`${prompt} v${version} · ${s.cells.length} cells on dataset ${dataset}${s.repetitions > 1 ? `, ${s.repetitions} repetitions` : ''}; ${done} of ${s.cells.length} finished.`}
      />
      <Card className="mb-6 overflow-hidden">
        <CardHeader title="Pass rate against cost" description="Up is more accurate, left is cheaper. The Pareto cells are the sensible choices." />
        <SweepChart points={points} />
      </Card>
      <Card className="overflow-hidden">
        <CardHeader title="Cells" />
        <Table aria-label="Cells">
          <THead>
            <tr>
              <Th>Cell</Th>
              <Th>Status</Th>
              <Th className="text-right">Pass rate</Th>
              <Th className="text-right">Cost</Th>
              <Th className="hidden text-right md:table-cell">p50</Th>
              <Th><span className="sr-only">Actions</span></Th>
            </tr>
          </THead>
          <TBody>
            {s.cells.map((c) => (
              <Tr key={c.experimentId} data-testid="sweep-cell" data-pareto={pareto.has(c.experimentId)}>
                <Td className="align-top">
                  <div className="flex items-center gap-1.5">
                    {pareto.has(c.experimentId) ? <Star className="size-3.5 shrink-0 fill-indigo-500 text-indigo-500" aria-label="Pareto cell" /> : null}
                    <Link href={`/experiments/${encodeURIComponent(c.experimentId)}`} className="font-medium text-zinc-900 hover:underline dark:text-zinc-100">{shortModelName(c.modelId)}</Link>
                  </div>
                  <div className="mt-0.5 text-xs"><ParamsSummary params={c.params} /></div>
                </Td>
                <Td className="align-top">
                  <div className="space-y-1.5">
                    <RunStatusBadge status={c.status} />
                    {isActive(c.status) ? <RunProgress progress={c.progress} status={c.status} compact /> : null}
                  </div>
                </Td>
                <Td className="text-right align-top font-semibold tabular-nums">{pct(c.summary?.passRate)}</Td>
                <Td className="text-right align-top tabular-nums">{formatUsd(c.summary?.costUsd) ?? '—'}</Td>
                <Td className="hidden text-right align-top tabular-nums md:table-cell">{formatMs(c.summary?.latencyP50Ms)}</Td>
                <Td className="text-right align-top">
                  {canWrite ? <SaveCellButton prompt={prompt} version={version} modelId={c.modelId} params={c.params} sweepId={s.id} /> : null}
                </Td>
              </Tr>
            ))}
          </TBody>
        </Table>
      </Card>
    </>
  );
}

'use client';

import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useState } from 'react';
import { CheckCircle2, Scale, XCircle } from 'lucide-react';
import { formatMs, formatUsd } from '@/lib/client/format';
import { cn } from '@/lib/client/cn';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { PageSkeleton } from '@/components/ui/skeleton';
import { pairExamples, plainVerdict, unchangedIds, type PairedExample } from './compare-model';
import { expApi } from './exp-api';
import { deltaTone, pct, ppDelta, signed } from './format';
import { OutputDiff } from './output-diff';
import { resultPassed } from './results-list';
import { datasetName, type Experiment, type Result } from './types';

/** Every result of a run (compare pages pair them by example); at most 2,000. */
async function allResults(id: string): Promise<Result[]> {
  const out: Result[] = [];
  let cursor: string | undefined;
  for (let i = 0; i < 10; i++) {
    const page = await expApi.results(id, { cursor, limit: 200 });
    out.push(...page.items);
    if (!page.nextCursor) break;
    cursor = page.nextCursor;
  }
  return out;
}

function Delta({ label, value, tone, base, head }: { label: string; value: string; tone: 'good' | 'bad' | 'neutral'; base: string; head: string }) {
  return (
    <div className="min-w-0 rounded-lg border border-zinc-200 bg-white px-3 py-2.5 dark:border-zinc-800 dark:bg-zinc-900" data-testid="compare-delta">
      <p className="text-xs text-zinc-500 dark:text-zinc-400">{label}</p>
      <p className={cn('text-lg font-semibold tabular-nums', tone === 'good' ? 'text-emerald-700 dark:text-emerald-400' : tone === 'bad' ? 'text-red-700 dark:text-red-400' : 'text-zinc-900 dark:text-zinc-50')}>{value}</p>
      <p className="truncate text-[11px] text-zinc-500 tabular-nums dark:text-zinc-400">
        {base} → {head}
      </p>
    </div>
  );
}

function Side({ title, r }: { title: string; r: Result | null }) {
  if (!r) return <p className="text-xs text-zinc-500 italic">Not in {title.toLowerCase()}.</p>;
  const passed = resultPassed(r);
  return (
    <div className="min-w-0 space-y-2">
      <p className="flex items-center gap-1.5 text-xs font-medium text-zinc-600 dark:text-zinc-300">
        {passed ? <CheckCircle2 className="size-3.5 text-emerald-600" aria-hidden /> : <XCircle className="size-3.5 text-red-600" aria-hidden />}
        {title}: {passed ? 'pass' : 'fail'}
        {r.invocationId ? (
          <Link href={`/logs/${encodeURIComponent(r.invocationId)}`} className="ml-auto text-indigo-600 hover:underline dark:text-indigo-400">
            invocation
          </Link>
        ) : null}
      </p>
      <OutputDiff expected={r.expectedOutput} output={r.output} />
      <ul className="space-y-0.5">
        {r.scores
          .filter((s) => !s.pass)
          .map((s) => (
            <li key={s.evaluator} className="text-xs break-words text-zinc-600 dark:text-zinc-400">
              <span className="font-mono text-red-700 dark:text-red-400">{s.evaluator}</span> {s.reason}
            </li>
          ))}
      </ul>
    </div>
  );
}

function Pairs({ pairs, empty }: { pairs: PairedExample[]; empty: string }) {
  if (pairs.length === 0) return <p className="px-4 py-8 text-center text-sm text-zinc-500 dark:text-zinc-400">{empty}</p>;
  return (
    <ul className="divide-y divide-zinc-100 dark:divide-zinc-800">
      {pairs.map((p) => (
        <li key={p.exampleId} className="space-y-2 px-4 py-4" data-testid="compare-example">
          <p className="font-mono text-xs text-zinc-500" title={p.exampleId}>
            example …{p.exampleId.slice(-8)}
          </p>
          <div className="grid min-w-0 gap-4 lg:grid-cols-2">
            <Side title="Base" r={p.base} />
            <Side title="Head" r={p.head} />
          </div>
        </li>
      ))}
    </ul>
  );
}

function RunCard({ e, role }: { e: Experiment; role: string }) {
  return (
    <Link href={`/experiments/${encodeURIComponent(e.id)}`} className="block min-w-0 rounded-lg border border-zinc-200 bg-white px-3 py-2.5 hover:border-indigo-300 dark:border-zinc-800 dark:bg-zinc-900">
      <p className="text-[11px] font-medium tracking-wide text-zinc-500 uppercase">{role}</p>
      <p className="truncate font-medium text-zinc-900 dark:text-zinc-100">{e.name || `${e.prompt} v${e.version}`}</p>
      <p className="truncate text-xs text-zinc-500 dark:text-zinc-400">
        {e.prompt} v{e.version} · {e.modelId} · pass rate {pct(e.summary?.passRate)}
      </p>
    </Link>
  );
}

type Tab = 'regressed' | 'improved' | 'unchanged';

export function CompareView({ base, head }: { base: string; head: string }) {
  const [tab, setTab] = useState<Tab>('regressed');
  const cmp = useQuery({ queryKey: ['compare', base, head], queryFn: () => expApi.compare(base, head) });
  const results = useQuery({ queryKey: ['compare-results', base, head], queryFn: async () => Promise.all([allResults(base), allResults(head)]), enabled: cmp.isSuccess });
  if (cmp.isPending) return <PageSkeleton rows={5} />;
  if (cmp.isError) {
    return (
      <Alert title="These runs cannot be compared" action={<Button asChild size="sm"><Link href="/experiments">Pick other runs</Link></Button>}>
        {cmp.error.message}
      </Alert>
    );
  }
  const c = cmp.data;
  const v = plainVerdict(c.pValue, { regressed: c.regressed.length, improved: c.improved.length, unchanged: c.unchanged });
  const [br, hr] = results.data ?? [[], []];
  const lists: Record<Tab, string[]> = { regressed: c.regressed, improved: c.improved, unchanged: results.data ? unchangedIds(br, hr, [...c.regressed, ...c.improved]) : [] };
  const counts: Record<Tab, number> = { regressed: c.regressed.length, improved: c.improved.length, unchanged: c.unchanged };
  const s0 = c.base.summary;
  const s1 = c.head.summary;
  return (
    <div className="space-y-6">
      <div className="grid gap-3 md:grid-cols-2">
        <RunCard e={c.base} role="Base" />
        <RunCard e={c.head} role="Head" />
      </div>
      <Card className={cn('p-4', v.kind === 'real_difference' ? 'border-indigo-300 dark:border-indigo-800' : '')} data-testid="compare-verdict" data-kind={v.kind}>
        <div className="flex items-start gap-3">
          <Scale className="mt-0.5 size-5 shrink-0 text-indigo-600 dark:text-indigo-400" aria-hidden />
          <div className="min-w-0">
            <h2 className="font-semibold text-zinc-900 dark:text-zinc-50">{v.headline}</h2>
            <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-300">{v.text}</p>
            <p className="mt-1 text-xs text-zinc-500 dark:text-zinc-400">Exact McNemar test on the examples both runs share, dataset {datasetName(c.base)}.</p>
          </div>
        </div>
      </Card>
      <div className="grid grid-cols-2 gap-2 lg:grid-cols-4">
        <Delta label="Pass rate" value={ppDelta(c.delta.passRate)} tone={deltaTone(c.delta.passRate, true)} base={pct(s0?.passRate)} head={pct(s1?.passRate)} />
        <Delta label="Mean score" value={signed(c.delta.meanScore, (x) => x.toFixed(2))} tone={deltaTone(c.delta.meanScore, true)} base={s0?.meanScore?.toFixed(2) ?? '—'} head={s1?.meanScore?.toFixed(2) ?? '—'} />
        <Delta label="Latency p50" value={signed(c.delta.latencyP50Ms, (x) => formatMs(x))} tone={deltaTone(c.delta.latencyP50Ms, false)} base={formatMs(s0?.latencyP50Ms)} head={formatMs(s1?.latencyP50Ms)} />
        <Delta label="Cost" value={signed(c.delta.costUsd, (x) => formatUsd(x) ?? '—')} tone={deltaTone(c.delta.costUsd, false)} base={formatUsd(s0?.costUsd) ?? '—'} head={formatUsd(s1?.costUsd) ?? '—'} />
      </div>
      <Card className="overflow-hidden">
        <div role="tablist" aria-label="Examples" className="flex flex-wrap gap-1 border-b border-zinc-200 px-2 pt-2 dark:border-zinc-800">
          {(['regressed', 'improved', 'unchanged'] as Tab[]).map((t) => (
            <button
              key={t}
              role="tab"
              type="button"
              aria-selected={tab === t}
              onClick={() => setTab(t)}
              className={cn('-mb-px rounded-t-md border-b-2 px-3 py-2 text-sm font-medium capitalize', tab === t ? 'border-indigo-600 text-zinc-900 dark:text-zinc-50' : 'border-transparent text-zinc-500 hover:text-zinc-800 dark:hover:text-zinc-200')}
            >
              {t} <span className="tabular-nums text-zinc-400">{counts[t]}</span>
            </button>
          ))}
        </div>
        <div role="tabpanel" aria-label={tab}>
          {results.isPending ? (
            <PageSkeleton rows={3} />
          ) : results.isError ? (
            <Alert className="m-4" title="The results could not be loaded">{results.error.message}</Alert>
          ) : (
            <Pairs pairs={pairExamples(lists[tab], br, hr)} empty={tab === 'regressed' ? 'No example got worse.' : tab === 'improved' ? 'No example got better.' : 'Every shared example changed.'} />
          )}
        </div>
      </Card>
    </div>
  );
}

/** Without both runs: pick them (finished runs; the head must share the base's dataset). */
export function ComparePicker({ base }: { base?: string }) {
  const runs = useQuery({ queryKey: ['experiments', 'finished'], queryFn: () => expApi.list({ status: 'succeeded', limit: 200 }) });
  const [b, setB] = useState(base ?? '');
  const [h, setH] = useState('');
  if (runs.isPending) return <PageSkeleton rows={3} />;
  if (runs.isError) return <Alert title="The runs could not be loaded">{runs.error.message}</Alert>;
  const items = runs.data.items;
  if (items.length < 2) return <Card><EmptyState icon={<Scale />} title="Two finished runs are needed" description="Run a prompt against a dataset twice (another version, model or parameters) to compare the runs." action={<Button asChild variant="primary"><Link href="/experiments/new">New experiment</Link></Button>} /></Card>;
  const baseRun = items.find((e) => e.id === b);
  const heads = items.filter((e) => e.id !== b && (!baseRun || e.dataset === baseRun.dataset));
  const label = (e: Experiment) => `${e.name || `${e.prompt} v${e.version}`} · ${datasetName(e)} · ${pct(e.summary?.passRate)} · ${new Date(e.createdAt).toLocaleString()}`;
  return (
    <Card className="space-y-4 p-4">
      <div className="grid gap-4 md:grid-cols-2">
        <label className="block space-y-1.5 text-sm font-medium">
          <span>Base run</span>
          <select className="h-9 w-full rounded-md border border-zinc-300 bg-white px-2 text-sm dark:border-zinc-700 dark:bg-zinc-900" value={b} onChange={(e) => (setB(e.target.value), setH(''))}>
            <option value="">Pick the run to compare against</option>
            {items.map((e) => (
              <option key={e.id} value={e.id}>{label(e)}</option>
            ))}
          </select>
        </label>
        <label className="block space-y-1.5 text-sm font-medium">
          <span>Head run (same dataset)</span>
          <select className="h-9 w-full rounded-md border border-zinc-300 bg-white px-2 text-sm dark:border-zinc-700 dark:bg-zinc-900" value={h} onChange={(e) => setH(e.target.value)} disabled={!b}>
            <option value="">{heads.length ? 'Pick the newer run' : 'No other run on this dataset'}</option>
            {heads.map((e) => (
              <option key={e.id} value={e.id}>{label(e)}</option>
            ))}
          </select>
        </label>
      </div>
      <div className="flex justify-end">
        <Button asChild={!!(b && h)} variant="primary" disabled={!(b && h)}>
          {b && h ? <Link href={`/experiments/compare?base=${encodeURIComponent(b)}&head=${encodeURIComponent(h)}`}>Compare</Link> : <span>Compare</span>}
        </Button>
      </div>
    </Card>
  );
}

'use client';

import { CartesianGrid, ResponsiveContainer, Scatter, ScatterChart, Tooltip, XAxis, YAxis, ZAxis } from 'recharts';
import { formatUsd } from '@/lib/client/format';
import { pct } from '@/components/experiments/format';
import type { ChartPoint } from './grid-model';

function Tip({ active, payload }: { active?: boolean; payload?: readonly { payload?: ChartPoint }[] }) {
  const p = active ? payload?.[0]?.payload : undefined;
  if (!p) return null;
  return (
    <div className="rounded-md border border-zinc-200 bg-white px-2.5 py-1.5 text-xs shadow-lg dark:border-zinc-700 dark:bg-zinc-900">
      <p className="font-medium text-zinc-900 dark:text-zinc-100">{p.label}</p>
      <p className="text-zinc-600 dark:text-zinc-300">
        pass rate {pct(p.passRate)} · {formatUsd(p.costUsd) ?? '—'}
        {p.pareto ? ' · Pareto' : ''}
      </p>
    </div>
  );
}

/** Pass rate (up) against cost (left is cheaper); the cells no other cell beats on both are highlighted. */
export function SweepChart({ points }: { points: ChartPoint[] }) {
  const front = points.filter((p) => p.pareto).sort((a, b) => a.costUsd - b.costUsd);
  const rest = points.filter((p) => !p.pareto);
  if (points.length === 0) return <p className="px-4 py-10 text-center text-sm text-zinc-500 dark:text-zinc-400">The chart fills in as cells finish (a cell needs a pass rate and a priced model).</p>;
  return (
    <figure className="px-2 py-3" data-testid="sweep-chart" aria-label="Pass rate against cost">
      <div className="h-72 w-full">
        <ResponsiveContainer width="100%" height="100%">
          <ScatterChart margin={{ top: 10, right: 16, bottom: 20, left: 0 }}>
            <CartesianGrid strokeDasharray="3 3" className="stroke-zinc-200 dark:stroke-zinc-800" />
            <XAxis type="number" dataKey="costUsd" name="Cost" tickFormatter={(v: number) => formatUsd(v) ?? ''} tick={{ fontSize: 11 }} label={{ value: 'cost of the run', position: 'insideBottom', offset: -12, fontSize: 11 }} domain={['auto', 'auto']} />
            <YAxis type="number" dataKey="passRate" name="Pass rate" tickFormatter={(v: number) => pct(v)} domain={[0, 1]} tick={{ fontSize: 11 }} width={48} />
            <ZAxis range={[70, 70]} />
            <Tooltip content={<Tip />} cursor={{ strokeDasharray: '3 3' }} />
            <Scatter name="Other cells" data={rest} fill="#a1a1aa" />
            <Scatter name="Pareto cells" data={front} fill="#4f46e5" line={{ stroke: '#4f46e5', strokeDasharray: '4 3' }} shape="diamond" />
          </ScatterChart>
        </ResponsiveContainer>
      </div>
      <figcaption className="mt-1 flex flex-wrap gap-4 px-2 text-xs text-zinc-500 dark:text-zinc-400">
        <span className="inline-flex items-center gap-1.5">
          <span className="size-2.5 rotate-45 bg-indigo-600" aria-hidden /> Pareto cells ({front.length}): no other cell is both cheaper and more accurate
        </span>
        <span className="inline-flex items-center gap-1.5">
          <span className="size-2.5 rounded-full bg-zinc-400" aria-hidden /> other cells
        </span>
      </figcaption>
    </figure>
  );
}

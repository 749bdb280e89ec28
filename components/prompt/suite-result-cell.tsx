import Link from 'next/link';
import type { LatestRunDto } from '@/lib/experiments/responses';
import { cn } from '@/lib/client/cn';

const pct = (v: number | null) => (v === null ? '—' : `${Math.round(v * 1000) / 10}%`);

/** A version's latest run on the default suite: its pass rate (green/red against the threshold), linked to the run. */
export function SuiteResultCell({ run }: { run: LatestRunDto | null }) {
  if (!run) return <span className="text-xs text-zinc-400 dark:text-zinc-500">not run</span>;
  const running = run.status === 'queued' || run.status === 'running';
  return (
    <Link
      href={`/experiments/${encodeURIComponent(run.experimentId)}`}
      data-testid="version-suite-result"
      className={cn(
        'inline-flex items-center gap-1 rounded-md px-1.5 py-0.5 text-xs font-semibold tabular-nums ring-1 ring-inset hover:underline',
        running ? 'text-indigo-700 ring-indigo-600/20 dark:text-indigo-300' : run.passed === false || run.status === 'failed' ? 'bg-red-50 text-red-700 ring-red-600/20 dark:bg-red-500/10 dark:text-red-400' : run.passed ? 'bg-emerald-50 text-emerald-700 ring-emerald-600/20 dark:bg-emerald-500/10 dark:text-emerald-400' : 'text-zinc-700 ring-zinc-200 dark:text-zinc-300 dark:ring-zinc-700',
      )}
    >
      {running ? run.status : run.status === 'succeeded' ? pct(run.passRate) : run.status}
    </Link>
  );
}

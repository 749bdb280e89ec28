import { formatMs, formatUsd } from '@/lib/client/format';
import { cn } from '@/lib/client/cn';
import { pct, tokens } from './format';
import type { Summary } from './types';

function Stat({ label, value, hint, testId, tone }: { label: string; value: string; hint?: string; testId?: string; tone?: 'good' | 'bad' }) {
  return (
    <div className="min-w-0 rounded-lg border border-zinc-200 bg-white px-3 py-2.5 dark:border-zinc-800 dark:bg-zinc-900" data-testid={testId}>
      <p className="truncate text-xs text-zinc-500 dark:text-zinc-400">{label}</p>
      <p className={cn('mt-0.5 truncate text-lg font-semibold tabular-nums text-zinc-900 dark:text-zinc-50', tone === 'good' && 'text-emerald-700 dark:text-emerald-400', tone === 'bad' && 'text-red-700 dark:text-red-400')}>{value}</p>
      {hint ? <p className="truncate text-[11px] text-zinc-500 dark:text-zinc-400">{hint}</p> : null}
    </div>
  );
}

/** The run's figures: pass rate, mean score, latency, tokens, cost, throttles, then each evaluator. */
export function SummaryCards({ summary, minPassRate }: { summary: Summary | null; minPassRate?: number | null }) {
  if (!summary) return <p className="text-sm text-zinc-500 dark:text-zinc-400">The summary appears as soon as the first results are in.</p>;
  const below = minPassRate != null && summary.passRate != null ? summary.passRate < minPassRate : null;
  const evaluators = Object.entries(summary.perEvaluator ?? {});
  return (
    <div className="space-y-3">
      <div className="grid grid-cols-2 gap-2 sm:grid-cols-3 lg:grid-cols-7">
        <Stat label="Pass rate" value={pct(summary.passRate)} testId="summary-pass-rate" hint={minPassRate != null ? `needs ${pct(minPassRate)}` : 'all evaluators passed'} tone={below === null ? undefined : below ? 'bad' : 'good'} />
        <Stat label="Mean score" value={summary.meanScore == null ? '—' : summary.meanScore.toFixed(2)} testId="summary-mean-score" />
        <Stat label="Latency p50" value={formatMs(summary.latencyP50Ms)} />
        <Stat label="Latency p95" value={formatMs(summary.latencyP95Ms)} />
        <Stat label="Tokens" value={`${tokens(summary.inputTokens)} / ${tokens(summary.outputTokens)}`} hint="in / out" />
        <Stat label="Cost" value={formatUsd(summary.costUsd) ?? 'no price'} />
        <Stat label="Throttles" value={String(summary.throttled ?? 0)} hint="retried, not failed" />
      </div>
      {evaluators.length > 0 ? (
        <div className="flex flex-wrap gap-2" aria-label="Per evaluator">
          {evaluators.map(([name, s]) => (
            <div key={name} className="flex min-w-0 items-center gap-2 rounded-md border border-zinc-200 px-2.5 py-1.5 text-xs dark:border-zinc-800" data-testid="evaluator-rate">
              <span className="truncate font-mono text-zinc-700 dark:text-zinc-300">{name}</span>
              <span className="font-semibold tabular-nums text-zinc-900 dark:text-zinc-100">{pct(s.passRate)}</span>
              {s.meanScore != null ? <span className="text-zinc-500 tabular-nums dark:text-zinc-400">score {s.meanScore.toFixed(2)}</span> : null}
            </div>
          ))}
        </div>
      ) : null}
    </div>
  );
}

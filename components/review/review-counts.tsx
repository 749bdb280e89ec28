import type { QueueCounts } from '@/lib/feedback/queue';
import { Kbd } from '@/components/ui/kbd';

function Count({ label, value, testId }: { label: string; value: number | undefined; testId: string }) {
  return (
    <div className="flex items-baseline gap-1.5">
      <span className="text-lg font-semibold text-zinc-900 tabular-nums dark:text-zinc-50" data-testid={testId} data-value={value ?? ''}>
        {value ?? '—'}
      </span>
      <span className="text-xs text-zinc-500 dark:text-zinc-400">{label}</span>
    </div>
  );
}

/** Open, resolved today and mine: the whole queue, whatever the filters. */
export function ReviewCounts({ counts }: { counts: QueueCounts | undefined }) {
  return (
    <div className="flex flex-wrap items-center gap-x-6 gap-y-1" data-testid="review-counts" aria-label="Queue counts">
      <Count label="open" value={counts?.open} testId="review-count-open" />
      <Count label="resolved today" value={counts?.resolvedToday} testId="review-count-resolved-today" />
      <Count label="assigned to me" value={counts?.mine} testId="review-count-mine" />
    </div>
  );
}

/** The keyboard shortcuts, always on screen. */
export function ReviewShortcuts() {
  const keys: [string, string][] = [
    ['j', 'next'],
    ['k', 'previous'],
    ['r', 'resolve'],
    ['d', 'dismiss'],
    ['a', 'add to dataset'],
  ];
  return (
    <p className="flex flex-wrap items-center gap-x-3 gap-y-1 text-xs text-zinc-500 dark:text-zinc-400" data-testid="review-shortcuts" aria-label="Keyboard shortcuts">
      {keys.map(([k, what]) => (
        <span key={k} className="inline-flex items-center gap-1">
          <Kbd>{k}</Kbd> {what}
        </span>
      ))}
    </p>
  );
}

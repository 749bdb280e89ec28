import { Badge, type BadgeTone } from '@/components/ui/badge';
import { cn } from '@/lib/client/cn';
import { progressShare } from './format';
import type { ExperimentStatus } from './types';

const TONE: Record<ExperimentStatus, BadgeTone> = { queued: 'neutral', running: 'indigo', succeeded: 'green', failed: 'red', cancelled: 'amber' };
const DOT: Record<ExperimentStatus, string> = {
  queued: 'bg-zinc-400',
  running: 'bg-indigo-500 animate-pulse',
  succeeded: 'bg-emerald-500',
  failed: 'bg-red-500',
  cancelled: 'bg-amber-500',
};

export function RunStatusBadge({ status }: { status: ExperimentStatus }) {
  return (
    <Badge tone={TONE[status]} data-testid="run-status" data-status={status}>
      <span aria-hidden className={cn('size-1.5 rounded-full', DOT[status])} />
      {status}
    </Badge>
  );
}

/** done/total as a bar, with errors shown in red at the end of the done part. */
export function RunProgress({ progress, status, compact }: { progress: { total: number; done: number; errors: number }; status: ExperimentStatus; compact?: boolean }) {
  const share = progressShare(progress);
  const errShare = progress.total > 0 ? Math.min(share, progress.errors / progress.total) : 0;
  const label = `${progress.done} of ${progress.total} calls done${progress.errors ? `, ${progress.errors} failed` : ''}`;
  return (
    <div className={cn('min-w-0', compact ? 'w-28' : 'w-full')}>
      <div
        role="progressbar"
        aria-label="Progress"
        aria-valuemin={0}
        aria-valuemax={progress.total}
        aria-valuenow={progress.done}
        aria-valuetext={label}
        data-testid="run-progress"
        className={cn('flex overflow-hidden rounded-full bg-zinc-200 dark:bg-zinc-800', compact ? 'h-1.5' : 'h-2.5')}
      >
        <div className={cn('h-full transition-[width] duration-500', status === 'cancelled' ? 'bg-amber-500' : status === 'failed' ? 'bg-red-500' : 'bg-indigo-500')} style={{ width: `${(share - errShare) * 100}%` }} />
        <div className="h-full bg-red-500 transition-[width] duration-500" style={{ width: `${errShare * 100}%` }} />
      </div>
      {compact ? null : <p className="mt-1.5 text-xs text-zinc-500 tabular-nums dark:text-zinc-400">{label}</p>}
    </div>
  );
}

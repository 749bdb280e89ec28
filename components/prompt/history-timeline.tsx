import Link from 'next/link';
import { ArrowRight, Bird, CircleStop, History, Rocket, ShieldAlert, Trash2, TrendingUp, Undo2 } from 'lucide-react';
import type { LabelEventDto } from '@/lib/catalog/dto';
import { cn } from '@/lib/client/cn';
import { EmptyState } from '@/components/ui/empty-state';
import { ActorName } from '@/components/ui/actor-name';
import { RelativeTime } from '@/components/ui/relative-time';
import { LabelChip } from '@/components/catalog/label-chip';

const ACTION = {
  deploy: { icon: Rocket, verb: 'deployed', tone: 'bg-indigo-50 text-indigo-600 ring-indigo-200 dark:bg-indigo-500/10 dark:text-indigo-400 dark:ring-indigo-500/30' },
  rollback: { icon: Undo2, verb: 'rolled back', tone: 'bg-amber-50 text-amber-700 ring-amber-200 dark:bg-amber-500/10 dark:text-amber-300 dark:ring-amber-500/30' },
  remove: { icon: Trash2, verb: 'removed', tone: 'bg-red-50 text-red-600 ring-red-200 dark:bg-red-500/10 dark:text-red-400 dark:ring-red-500/30' },
  canary_start: { icon: Bird, verb: 'started a canary on', tone: 'bg-sky-50 text-sky-700 ring-sky-200 dark:bg-sky-500/10 dark:text-sky-300 dark:ring-sky-500/30' },
  canary_promote: { icon: TrendingUp, verb: 'promoted the canary of', tone: 'bg-emerald-50 text-emerald-700 ring-emerald-200 dark:bg-emerald-500/10 dark:text-emerald-300 dark:ring-emerald-500/30' },
  canary_stop: { icon: CircleStop, verb: 'stopped the canary of', tone: 'bg-zinc-100 text-zinc-600 ring-zinc-200 dark:bg-zinc-800 dark:text-zinc-300 dark:ring-zinc-700' },
  guard_rollback: { icon: ShieldAlert, verb: 'guard ended the canary of', tone: 'bg-red-50 text-red-700 ring-red-200 dark:bg-red-500/10 dark:text-red-300 dark:ring-red-500/30' },
} as const;

const V = ({ prompt, n }: { prompt: string; n: number | null }) =>
  n === null ? (
    <span className="text-zinc-400 dark:text-zinc-500">none</span>
  ) : (
    <Link href={`/prompts/${prompt}/versions/${n}`} className="font-semibold text-zinc-900 hover:text-indigo-600 hover:underline dark:text-zinc-100 dark:hover:text-indigo-400">
      v{n}
    </Link>
  );

export function HistoryTimeline({ prompt, events }: { prompt: string; events: LabelEventDto[] }) {
  if (events.length === 0) {
    return <EmptyState icon={<History />} title="No label moves yet" description="Deploys, rollbacks and removals show up here." className="py-8" />;
  }
  return (
    <ol className="relative px-4 py-3" aria-label="Label history">
      {events.map((e, i) => {
        const a = ACTION[e.action];
        const Icon = a.icon;
        return (
          <li key={e.id} className="relative flex gap-3 pb-5 last:pb-1" data-testid="history-event" data-action={e.action} data-label={e.label} data-from={e.fromVersion ?? ''} data-to={e.toVersion ?? ''}>
            {i < events.length - 1 ? <span aria-hidden className="absolute top-8 bottom-0 left-[13px] w-px bg-zinc-200 dark:bg-zinc-800" /> : null}
            <span className={cn('relative z-10 flex size-7 shrink-0 items-center justify-center rounded-full ring-1', a.tone)}>
              <Icon className="size-3.5" aria-hidden />
            </span>
            <div className="min-w-0 flex-1 pt-0.5">
              <p className="flex flex-wrap items-center gap-x-1.5 gap-y-1 text-sm text-zinc-700 dark:text-zinc-300">
                <ActorName display={e.actor} actorRef={e.actorRef} className="font-medium text-zinc-900 dark:text-zinc-100" />
                <span>{a.verb}</span>
                <LabelChip label={e.label} />
                <span className="inline-flex items-center gap-1 font-mono text-[13px]">
                  <V prompt={prompt} n={e.fromVersion} />
                  <ArrowRight className="size-3.5 text-zinc-400" aria-label="to" />
                  <V prompt={prompt} n={e.toVersion} />
                </span>
                <span className="text-xs text-zinc-500 dark:text-zinc-400">
                  · <RelativeTime iso={e.at} />
                </span>
              </p>
              {e.reason ? <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">“{e.reason}”</p> : null}
            </div>
          </li>
        );
      })}
    </ol>
  );
}

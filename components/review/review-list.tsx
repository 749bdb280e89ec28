'use client';

import { DatabaseZap, MessageSquare, ThumbsDown, ThumbsUp, UserRound } from 'lucide-react';
import { useEffect, useRef } from 'react';
import { sameActor, type ActorKey } from '@/lib/auth/actor-ref';
import type { ReviewItemDto } from '@/lib/feedback/queue';
import { cn } from '@/lib/client/cn';
import { RelativeTime } from '@/components/ui/relative-time';
import { categoryLabel } from '@/lib/feedback/schemas';
import { usePeople } from '@/components/shell/people';

/** The assignee's current name (plain text: the row itself is a button). */
function AssigneeName({ display, actorRef }: { display: string; actorRef: ReviewItemDto['assigneeRef'] }) {
  const { people } = usePeople();
  return <>{actorRef?.type === 'user' ? (people[actorRef.id]?.name ?? display) : display}</>;
}

/** Queue items as a list of buttons; the selected one is marked (aria-current) and kept in view. */
export function ReviewList({ items, selectedId, onSelect, me }: { items: ReviewItemDto[]; selectedId: string | null; onSelect: (id: string) => void; me: ActorKey }) {
  const listRef = useRef<HTMLUListElement>(null);
  useEffect(() => {
    if (!selectedId) return;
    const el = listRef.current?.querySelector<HTMLElement>(`[data-invocation-id="${CSS.escape(selectedId)}"]`);
    el?.scrollIntoView({ block: 'nearest' });
  }, [selectedId]);
  return (
    <ul ref={listRef} className="divide-y divide-zinc-100 dark:divide-zinc-800" aria-label="Queue items">
      {items.map((item) => {
        const on = item.invocationId === selectedId;
        const up = item.feedback.filter((f) => f.score === 1).length;
        const down = item.feedback.length - up;
        const comment = item.feedback.find((f) => f.comment)?.comment;
        const inv = item.invocation;
        return (
          <li key={item.invocationId} data-testid="review-item" data-invocation-id={item.invocationId} data-selected={on || undefined} data-status={item.status}>
            <button
              type="button"
              onClick={() => onSelect(item.invocationId)}
              aria-current={on ? 'true' : undefined}
              className={cn(
                'block w-full cursor-pointer border-l-2 px-3 py-2.5 text-left transition-colors focus-visible:outline-2 focus-visible:-outline-offset-2 focus-visible:outline-indigo-500',
                on ? 'border-indigo-500 bg-indigo-50/70 dark:border-indigo-400 dark:bg-indigo-500/10' : 'border-transparent hover:bg-zinc-50 dark:hover:bg-zinc-800/40',
              )}
            >
              <div className="flex items-center justify-between gap-2 text-xs">
                <span className="truncate font-mono font-medium text-zinc-900 dark:text-zinc-100">
                  {inv.promptName ?? 'no prompt'}
                  {inv.promptVersion ? <span className="text-zinc-500 dark:text-zinc-400">@v{inv.promptVersion}</span> : null}
                </span>
                <span className="shrink-0 text-zinc-500 dark:text-zinc-400">
                  <RelativeTime iso={item.enteredAt} />
                </span>
              </div>
              <p className={cn('mt-1 line-clamp-2 text-[13px]', comment ? 'text-zinc-800 dark:text-zinc-200' : 'text-zinc-500 italic dark:text-zinc-400')}>
                {comment ? (
                  <>
                    <MessageSquare className="mr-1 inline size-3 align-[-1px] text-zinc-400" aria-hidden />
                    {comment}
                  </>
                ) : (
                  (inv.output?.text ?? 'No output').slice(0, 160)
                )}
              </p>
              <div className="mt-1.5 flex items-center gap-2.5 text-[11px] text-zinc-500 dark:text-zinc-400">
                {down > 0 ? (
                  <span className="inline-flex items-center gap-0.5 text-red-600 dark:text-red-400">
                    <ThumbsDown className="size-3" aria-label="Thumbs down" />
                    {down}
                  </span>
                ) : null}
                {up > 0 ? (
                  <span className="inline-flex items-center gap-0.5 text-emerald-600 dark:text-emerald-400">
                    <ThumbsUp className="size-3" aria-label="Thumbs up" />
                    {up}
                  </span>
                ) : null}
                {item.assignee ? (
                  <span className="inline-flex min-w-0 items-center gap-0.5 truncate" title={`Assigned to ${item.assignee}`} data-testid="review-item-assignee">
                    <UserRound className="size-3 shrink-0" aria-hidden />
                    {sameActor(item.assigneeRef, me) ? 'you' : <AssigneeName display={item.assignee} actorRef={item.assigneeRef} />}
                  </span>
                ) : null}
                {item.datasets.length > 0 ? (
                  <span className="inline-flex items-center gap-0.5 text-indigo-600 dark:text-indigo-400" title={`In dataset ${item.datasets.join(', ')}`}>
                    <DatabaseZap className="size-3" aria-hidden />
                    {item.datasets.length === 1 ? item.datasets[0] : `${item.datasets.length} datasets`}
                  </span>
                ) : null}
                {item.status !== 'open' ? (
                  <span className="ml-auto">
                    {item.status === 'resolved' ? 'Resolved' : 'Dismissed'}
                    {item.category ? ` · ${categoryLabel(item.category)}` : ''}
                  </span>
                ) : null}
              </div>
            </button>
          </li>
        );
      })}
    </ul>
  );
}

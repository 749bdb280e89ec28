import { ThumbsDown, ThumbsUp } from 'lucide-react';
import { sameActor, type ActorKey } from '@/lib/auth/actor-ref';
import type { FeedbackDto, FeedbackSummary } from '@/lib/feedback/votes';
import { cn } from '@/lib/client/cn';
import { ActorName } from '@/components/ui/actor-name';
import { RelativeTime } from '@/components/ui/relative-time';

/** A vote of this user or key itself (not one it sent for an end user). */
const isMine = (f: FeedbackDto, me: ActorKey | undefined) => !f.userRef && sameActor(f.callerRef, me);

/** Up/down counts and the caller's own vote, from an invocation's feedback list. */
export function summarize(feedback: FeedbackDto[], me: ActorKey): FeedbackSummary {
  const mine = feedback.find((f) => isMine(f, me));
  return {
    up: feedback.filter((f) => f.score === 1).length,
    down: feedback.filter((f) => f.score === -1).length,
    mine: mine?.score ?? null,
    myComment: mine?.comment ?? null,
  };
}

/** Who voted what, with comments; `userRef` votes come from applications' end users. */
export function FeedbackList({ feedback, me, empty = 'No feedback yet.' }: { feedback: FeedbackDto[]; me?: ActorKey; empty?: string }) {
  if (feedback.length === 0) return <p className="px-4 py-3 text-sm text-zinc-500 dark:text-zinc-400">{empty}</p>;
  return (
    <ul className="divide-y divide-zinc-100 dark:divide-zinc-800" data-testid="feedback-list">
      {feedback.map((f) => {
        const Icon = f.score === 1 ? ThumbsUp : ThumbsDown;

        return (
          <li key={f.id} className="flex gap-2.5 px-4 py-2.5" data-testid="feedback-entry" data-score={f.score}>
            <span
              className={cn(
                'mt-0.5 flex size-6 shrink-0 items-center justify-center rounded-full',
                f.score === 1 ? 'bg-emerald-50 text-emerald-600 dark:bg-emerald-500/15 dark:text-emerald-400' : 'bg-red-50 text-red-600 dark:bg-red-500/15 dark:text-red-400',
              )}
            >
              <Icon className="size-3.5" aria-label={f.score === 1 ? 'Thumbs up' : 'Thumbs down'} />
            </span>
            <div className="min-w-0 flex-1 text-sm">
              <p className="text-xs text-zinc-500 dark:text-zinc-400">
                {f.userRef ? (
                  <span className="font-medium text-zinc-700 dark:text-zinc-300" title={`An end user of the application, reported by ${f.caller}`}>
                    user {f.userRef}
                  </span>
                ) : (
                  <ActorName display={f.caller} actorRef={f.callerRef} className="font-medium text-zinc-700 dark:text-zinc-300" you={isMine(f, me)} />
                )}{' '}
                · <RelativeTime iso={f.updatedAt} />
              </p>
              {f.comment ? <p className="mt-0.5 break-words whitespace-pre-wrap text-zinc-800 dark:text-zinc-200">{f.comment}</p> : null}
            </div>
          </li>
        );
      })}
    </ul>
  );
}

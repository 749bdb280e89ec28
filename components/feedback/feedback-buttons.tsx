'use client';

import { useMutation } from '@tanstack/react-query';
import { Popover } from 'radix-ui';
import { ThumbsDown, ThumbsUp } from 'lucide-react';
import { useId, useRef, useState } from 'react';
import { toast } from 'sonner';
import type { FeedbackDto, FeedbackSummary } from '@/lib/feedback/votes';
import { api, type ApiError } from '@/lib/client/api';
import { cn } from '@/lib/client/cn';
import { Button } from '@/components/ui/button';
import { Textarea } from '@/components/ui/input';

type Score = 1 | -1;
const EMPTY: FeedbackSummary = { up: 0, down: 0, mine: null, myComment: null };

/** The summary after the caller's vote changes from `prev.mine` to `score` (optimistic). */
function revote(prev: FeedbackSummary, score: Score, comment: string | null): FeedbackSummary {
  const s = { ...prev, mine: score, myComment: comment };
  if (prev.mine === 1) s.up--;
  if (prev.mine === -1) s.down--;
  if (score === 1) s.up++;
  else s.down++;
  return s;
}

/**
 * Thumbs up/down on one invocation, then an optional comment in a small popover. The caller's
 * own vote is highlighted; voting again replaces it (the API keys votes by voter).
 */
export function FeedbackButtons({ invocationId, initial, compact, onVoted, className }: { invocationId: string; initial?: FeedbackSummary | null; compact?: boolean; onVoted?: () => void; className?: string }) {
  const [summary, setSummary] = useState<FeedbackSummary>(initial ?? EMPTY);
  const [open, setOpen] = useState(false);
  const [draft, setDraft] = useState('');
  const commentId = useId();
  // Votes go out one after another: a comment saved right after the click must not be overtaken.
  const queue = useRef<Promise<unknown>>(Promise.resolve());
  const vote = useMutation<FeedbackDto, ApiError, { score: Score; comment?: string; prev: FeedbackSummary }>({
    mutationFn: ({ score, comment }) => {
      const next = queue.current.catch(() => undefined).then(() => api('POST /api/v1/invocations/{id}/feedback', { params: { id: invocationId }, body: comment ? { score, comment } : { score } }));
      queue.current = next;
      return next;
    },
    onSuccess: () => onVoted?.(),
    onError: (e, v) => {
      setSummary(v.prev);
      toast.error('Your feedback was not saved', { description: e.message });
    },
  });

  const choose = (score: Score) => {
    setDraft(summary.mine === score ? (summary.myComment ?? '') : '');
    if (summary.mine !== score) {
      const prev = summary;
      setSummary(revote(prev, score, null));
      vote.mutate({ score, prev });
    }
    setOpen(true);
  };
  const saveComment = () => {
    const comment = draft.trim();
    if (summary.mine !== null && comment !== (summary.myComment ?? '')) {
      const prev = summary;
      setSummary({ ...prev, myComment: comment || null });
      vote.mutate({ score: summary.mine, ...(comment ? { comment } : {}), prev });
    }
    setOpen(false);
  };

  const btn = (score: Score) => {
    const on = summary.mine === score;
    const Icon = score === 1 ? ThumbsUp : ThumbsDown;
    const count = score === 1 ? summary.up : summary.down;
    const word = score === 1 ? 'Thumbs up' : 'Thumbs down';
    return (
      <button
        type="button"
        onClick={() => choose(score)}
        aria-pressed={on}
        aria-label={`${word}${on ? ' (your vote)' : ''}, ${count} vote${count === 1 ? '' : 's'}`}
        title={on ? `${word}: your vote. Click to add or edit a comment.` : word}
        data-testid={score === 1 ? 'feedback-up' : 'feedback-down'}
        data-count={count}
        className={cn(
          'inline-flex cursor-pointer items-center gap-1 rounded-md font-medium tabular-nums transition-colors focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-indigo-500',
          compact ? 'h-7 px-1.5 text-xs' : 'h-8 px-2.5 text-sm ring-1 ring-zinc-200 ring-inset dark:ring-zinc-700',
          on
            ? score === 1
              ? 'bg-emerald-50 text-emerald-700 ring-emerald-300 dark:bg-emerald-500/15 dark:text-emerald-300 dark:ring-emerald-500/40'
              : 'bg-red-50 text-red-700 ring-red-300 dark:bg-red-500/15 dark:text-red-300 dark:ring-red-500/40'
            : 'text-zinc-500 hover:bg-zinc-100 hover:text-zinc-900 dark:text-zinc-400 dark:hover:bg-zinc-800 dark:hover:text-zinc-100',
        )}
      >
        <Icon className={cn(compact ? 'size-3.5' : 'size-4', on ? 'fill-current/20' : '')} aria-hidden />
        {count > 0 || !compact ? <span>{count}</span> : null}
      </button>
    );
  };

  return (
    <Popover.Root open={open} onOpenChange={setOpen}>
      <Popover.Anchor asChild>
        <div role="group" aria-label="Feedback" className={cn('inline-flex items-center', compact ? 'gap-0' : 'gap-1.5', className)} data-testid="feedback-buttons" data-mine={summary.mine ?? ''}>
          {btn(1)}
          {btn(-1)}
        </div>
      </Popover.Anchor>
      <Popover.Portal>
        <Popover.Content
          align="start"
          sideOffset={6}
          className="z-50 w-72 rounded-lg border border-zinc-200 bg-white p-3 shadow-lg dark:border-zinc-700 dark:bg-zinc-900"
          onOpenAutoFocus={(e) => {
            e.preventDefault();
            document.getElementById(commentId)?.focus();
          }}
        >
          <form
            onSubmit={(e) => {
              e.preventDefault();
              saveComment();
            }}
            className="space-y-2"
          >
            <label htmlFor={commentId} className="block text-xs font-medium text-zinc-700 dark:text-zinc-300">
              {summary.mine === -1 ? 'What was wrong?' : 'Anything to add?'} <span className="font-normal text-zinc-500 dark:text-zinc-400">optional comment</span>
            </label>
            <Textarea
              id={commentId}
              value={draft}
              onChange={(e) => setDraft(e.target.value)}
              maxLength={5000}
              rows={3}
              data-testid="feedback-comment"
              placeholder={summary.mine === -1 ? 'e.g. It flagged a harmless comment' : 'e.g. Exactly right'}
              onKeyDown={(e) => {
                if (e.key === 'Enter' && (e.metaKey || e.ctrlKey)) {
                  e.preventDefault();
                  saveComment();
                }
              }}
            />
            <div className="flex items-center justify-between gap-2">
              <span className="text-[11px] text-zinc-500 dark:text-zinc-400">Ctrl+Enter saves · Esc closes</span>
              <div className="flex gap-1.5">
                <Button size="sm" variant="ghost" onClick={() => setOpen(false)}>
                  Skip
                </Button>
                <Button size="sm" type="submit" variant="primary" data-testid="feedback-comment-save">
                  Save
                </Button>
              </div>
            </div>
          </form>
        </Popover.Content>
      </Popover.Portal>
    </Popover.Root>
  );
}

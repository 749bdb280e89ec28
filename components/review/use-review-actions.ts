'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { toast } from 'sonner';
import type { ReviewItemDto } from '@/lib/feedback/queue';
import { categoryLabel } from '@/lib/feedback/schemas';
import { api, type ApiError } from '@/lib/client/api';
import type { Category } from './review-forms';

export const queueKey = ['review-queue'] as const;

/** How long the Undo of a resolve or dismiss is offered. */
export const UNDO_MS = 8000;

export type ReviewAction =
  | { kind: 'resolve'; item: ReviewItemDto; body: { category: Category; note?: string } }
  | { kind: 'dismiss'; item: ReviewItemDto; body: { note?: string } }
  | { kind: 'assign'; item: ReviewItemDto; body: { assignee: 'me' | null } };

/**
 * Resolve, dismiss and assign, each sent with the item's revision (expectedRevision). After a
 * resolve or dismiss the caller moves on (`onDone`) and a toast offers Undo for a few seconds
 * (the item is reopened if nobody changed it since; `onUndone`). When another reviewer acted
 * first (409: who did what is shown), the caller moves on too.
 */
export function useReviewActions({ onDone, onUndone }: { onDone: (item: ReviewItemDto) => void; onUndone: (item: ReviewItemDto) => void }) {
  const qc = useQueryClient();
  const undo = async (updated: ReviewItemDto) => {
    try {
      const reopened = await api('POST /api/v1/review-queue/{id}/reopen', { params: { id: updated.invocationId }, body: { expectedRevision: updated.revision } });
      toast.success('Back in the queue', { description: 'The item is open again.' });
      onUndone(reopened);
    } catch (e) {
      toast.error('Could not undo', { description: (e as ApiError).message });
    }
    void qc.invalidateQueries({ queryKey: queueKey });
  };
  return useMutation<ReviewItemDto, ApiError, ReviewAction>({
    mutationFn: ({ kind, item, body }) => api(`POST /api/v1/review-queue/{id}/${kind}`, { params: { id: item.invocationId }, body: { ...body, expectedRevision: item.revision } }),
    onSuccess: (updated, a) => {
      if (a.kind !== 'assign') {
        const title = a.kind === 'resolve' ? `Resolved as ${categoryLabel(a.body.category)}` : 'Dismissed';
        toast.success(title, { duration: UNDO_MS, action: { label: 'Undo', onClick: () => void undo(updated) }, id: `review-${updated.invocationId}` });
        onDone(a.item);
      } else {
        toast.success(a.body.assignee ? 'Assigned to you' : 'Unassigned');
        qc.setQueriesData<{ pages: { items: ReviewItemDto[] }[] }>({ queryKey: queueKey }, (d) => (d ? { ...d, pages: d.pages.map((p) => ({ ...p, items: p.items.map((i) => (i.invocationId === updated.invocationId ? updated : i)) })) } : d));
      }
      void qc.invalidateQueries({ queryKey: queueKey });
    },
    onError: (e, a) => {
      if (e.status === 409) {
        toast.warning('Someone acted on this item first', { description: e.message, duration: 8000 });
        onDone(a.item);
        void qc.invalidateQueries({ queryKey: queueKey });
        return;
      }
      toast.error(`Could not ${a.kind} this item`, { description: e.message });
    },
  });
}

'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { toast } from 'sonner';
import type { ReviewItemDto } from '@/lib/feedback/queue';
import { REVIEW_CATEGORY_LABELS } from '@/lib/feedback/schemas';
import { api, type ApiError } from '@/lib/client/api';
import type { Category } from './review-forms';

export const queueKey = ['review-queue'] as const;

export type ReviewAction =
  | { kind: 'resolve'; item: ReviewItemDto; body: { category: Category; note?: string } }
  | { kind: 'dismiss'; item: ReviewItemDto; body: { note?: string } }
  | { kind: 'assign'; item: ReviewItemDto; body: { assignee: 'me' | null } };

/**
 * Resolve, dismiss and assign, each sent with the item's revision (expectedRevision). After a
 * resolve or dismiss, or when another reviewer acted first (409: who did what is shown), the
 * caller moves on (`onDone`) and the queue and counts are reloaded.
 */
export function useReviewActions({ onDone }: { onDone: (item: ReviewItemDto) => void }) {
  const qc = useQueryClient();
  return useMutation<ReviewItemDto, ApiError, ReviewAction>({
    mutationFn: ({ kind, item, body }) => api(`POST /api/v1/review-queue/{id}/${kind}`, { params: { id: item.invocationId }, body: { ...body, expectedRevision: item.revision } }),
    onSuccess: (updated, a) => {
      if (a.kind === 'resolve') toast.success(`Resolved as ${REVIEW_CATEGORY_LABELS[a.body.category]}`);
      if (a.kind === 'dismiss') toast.success('Dismissed');
      if (a.kind === 'assign') toast.success(a.body.assignee ? 'Assigned to you' : 'Unassigned');
      if (a.kind !== 'assign') onDone(a.item);
      else qc.setQueriesData<{ pages: { items: ReviewItemDto[] }[] }>({ queryKey: queueKey }, (d) => (d ? { ...d, pages: d.pages.map((p) => ({ ...p, items: p.items.map((i) => (i.invocationId === updated.invocationId ? updated : i)) })) } : d));
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

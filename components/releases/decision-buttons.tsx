'use client';

import { useMutation } from '@tanstack/react-query';
import { Check, X } from 'lucide-react';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { toast } from 'sonner';
import { api, type ApiError } from '@/lib/client/api';
import type { DeployRequestDto } from '@/lib/releases/responses';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { Textarea } from '@/components/ui/input';

/** Approve or reject a deploy request with an optional comment. */
export function DecisionButtons({ id, canApprove, canReject, whyNot }: { id: string; canApprove: boolean; canReject: boolean; whyNot?: string }) {
  const router = useRouter();
  const [comment, setComment] = useState('');
  const decide = useMutation<DeployRequestDto, ApiError, 'approve' | 'reject'>({
    mutationFn: (d) =>
      d === 'approve'
        ? api('POST /api/v1/deploy-requests/{id}/approve', { params: { id }, body: { comment: comment.trim() || undefined } })
        : api('POST /api/v1/deploy-requests/{id}/reject', { params: { id }, body: { comment: comment.trim() || undefined } }),
    onSuccess: (r) => {
      if (r.status === 'deployed') toast.success(`Deployed: ${r.label} now points at v${r.toVersion}`);
      else if (r.status === 'rejected') toast.info('Request rejected');
      else toast.success('Approved', { description: `${r.approvals.length} of ${r.approvalsNeeded} approvals.` });
      setComment('');
      router.refresh();
    },
    onError: () => router.refresh(),
  });
  return (
    <div className="space-y-3" data-testid="decision">
      {decide.error ? <Alert title={decide.error.code.replace(/_/g, ' ')}>{decide.error.message}</Alert> : null}
      {whyNot ? <p className="text-sm text-zinc-500 dark:text-zinc-400">{whyNot}</p> : null}
      <Field id="decision-comment" label="Comment" optional>
        <Textarea id="decision-comment" rows={2} value={comment} onChange={(e) => setComment(e.target.value)} />
      </Field>
      <div className="flex flex-wrap gap-2">
        <Button variant="primary" disabled={!canApprove} loading={decide.isPending && decide.variables === 'approve'} onClick={() => decide.mutate('approve')} data-testid="approve">
          <Check aria-hidden />
          Approve
        </Button>
        <Button variant="danger" disabled={!canReject} loading={decide.isPending && decide.variables === 'reject'} onClick={() => decide.mutate('reject')} data-testid="reject">
          <X aria-hidden />
          Reject
        </Button>
      </div>
    </div>
  );
}

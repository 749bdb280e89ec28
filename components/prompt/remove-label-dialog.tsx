'use client';

import { useMutation } from '@tanstack/react-query';
import { Trash2 } from 'lucide-react';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { toast } from 'sonner';
import { api, type ApiError } from '@/lib/client/api';
import { isConflict, labelErrorMessage } from '@/lib/client/labels';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { ConfirmCancel, ConfirmDialog } from '@/components/ui/dialog';
import { Field } from '@/components/ui/field';
import { Textarea } from '@/components/ui/input';

export function RemoveLabelDialog({ prompt, label, current }: { prompt: string; label: string; current: number }) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [failure, setFailure] = useState<string | null>(null);
  const remove = useMutation<void, ApiError, void>({
    mutationFn: () => api('DELETE /api/v1/prompts/{name}/labels/{label}', { params: { name: prompt, label }, query: { expectedVersion: current, reason: reason.trim() || undefined } }),
    onSuccess: () => {
      toast.success(`Removed label ${label}`);
      setOpen(false);
      router.refresh();
    },
    onError: (e) => {
      const msg = labelErrorMessage(e, label);
      setFailure(msg);
      if (isConflict(e)) {
        toast.error(msg);
        router.refresh();
      }
    },
  });

  return (
    <ConfirmDialog
      open={open}
      onOpenChange={(o) => {
        setOpen(o);
        if (o) {
          setReason('');
          setFailure(null);
        }
      }}
      trigger={
        <Button size="icon" variant="ghost" aria-label={`Remove ${label}`} title={`Remove ${label}`}>
          <Trash2 aria-hidden />
        </Button>
      }
      title={`Remove label ${label}?`}
      description={`${label} points at v${current}. Applications that fetch it will get 404 until it is deployed again. The removal is recorded in the history.`}
    >
      <form
        className="space-y-4"
        onSubmit={(e) => {
          e.preventDefault();
          remove.mutate();
        }}
      >
        {failure ? <Alert>{failure}</Alert> : null}
        <Field id={`remove-reason-${label}`} label="Reason" optional>
          <Textarea id={`remove-reason-${label}`} rows={2} value={reason} onChange={(e) => setReason(e.target.value)} />
        </Field>
        <div className="flex justify-end gap-2">
          <ConfirmCancel asChild>
            <Button>Cancel</Button>
          </ConfirmCancel>
          <Button type="submit" variant="danger" loading={remove.isPending}>
            Remove label
          </Button>
        </div>
      </form>
    </ConfirmDialog>
  );
}

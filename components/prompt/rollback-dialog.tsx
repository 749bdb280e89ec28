'use client';

import { useMutation } from '@tanstack/react-query';
import { ArrowRight, Undo2 } from 'lucide-react';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { toast } from 'sonner';
import type { LabelMoveResult } from '@/lib/catalog/dto';
import { api, type ApiError } from '@/lib/client/api';
import { isConflict, labelErrorMessage } from '@/lib/client/labels';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { ConfirmCancel, ConfirmDialog } from '@/components/ui/dialog';
import { Field } from '@/components/ui/field';
import { Textarea } from '@/components/ui/input';
import { Tooltip } from '@/components/ui/tooltip';

/** One-click rollback with a confirmation that shows "production: v3 → v2" and asks why. */
export function RollbackDialog({ prompt, label, current, target }: { prompt: string; label: string; current: number; target: number | null }) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [failure, setFailure] = useState<string | null>(null);
  const rollback = useMutation<LabelMoveResult, ApiError, void>({
    mutationFn: () => api('POST /api/v1/prompts/{name}/labels/{label}/rollback', { params: { name: prompt, label }, body: { reason: reason.trim() || undefined, expectedVersion: current } }),
    onSuccess: (r) => {
      toast.success(`Rolled back ${r.label} to v${r.version}`, { description: `It pointed at v${r.previousVersion ?? '—'}.` });
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

  const button = (
    <Button size="sm" variant="ghost" disabled={target === null} aria-label={`Roll back ${label}`} data-testid="rollback-button">
      <Undo2 aria-hidden />
      Rollback
    </Button>
  );
  if (target === null) {
    return (
      <Tooltip content="Nothing to roll back to: this label has no earlier version in its history.">
        <span tabIndex={0}>{button}</span>
      </Tooltip>
    );
  }

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
      trigger={button}
      title={`Roll back ${label}?`}
      description="Applications fetching this label get the earlier version immediately."
    >
      <form
        className="space-y-4"
        onSubmit={(e) => {
          e.preventDefault();
          rollback.mutate();
        }}
      >
        <div className="flex items-center gap-2 rounded-md border border-amber-200 bg-amber-50 px-3 py-2.5 font-mono text-sm text-amber-900 dark:border-amber-900/50 dark:bg-amber-950/40 dark:text-amber-200" data-testid="rollback-preview">
          <span className="font-semibold">{label}:</span>
          <span>v{current}</span>
          <ArrowRight className="size-4" aria-hidden />
          <span className="font-semibold">v{target}</span>
          <span className="sr-only">{`${label}: v${current} → v${target}`}</span>
        </div>
        {failure ? <Alert>{failure}</Alert> : null}
        <Field id={`rollback-reason-${label}`} label="Reason" optional hint="Shown in the label's history.">
          <Textarea
            id={`rollback-reason-${label}`}
            rows={2}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter' && !e.shiftKey) {
                e.preventDefault();
                rollback.mutate();
              }
            }}
          />
        </Field>
        <div className="flex justify-end gap-2">
          <ConfirmCancel asChild>
            <Button>Cancel</Button>
          </ConfirmCancel>
          <Button type="submit" variant="primary" loading={rollback.isPending}>
            Roll back to v{target}
          </Button>
        </div>
      </form>
    </ConfirmDialog>
  );
}

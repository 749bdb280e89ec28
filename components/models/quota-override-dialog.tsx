'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { toast } from 'sonner';
import { api, type ApiError } from '@/lib/client/api';
import type { HeadroomItem } from '@/lib/bedrock-catalog/responses';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Dialog, DialogFooter } from '@/components/ui/dialog';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';

const parse = (s: string): number | null | 'bad' => {
  const t = s.trim().replace(/[,_ ]/g, '');
  if (t === '') return null;
  return /^\d{1,10}$/.test(t) && Number(t) >= 1 ? Number(t) : 'bad';
};

/** Admin: set a model's quotas by hand (empty: use Service Quotas). Audited by the API. */
export function QuotaOverrideDialog({ item }: { item: HeadroomItem }) {
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const own = (m: HeadroomItem['rpm']) => (m.quotaSource === 'override' && m.quota !== null ? String(m.quota) : '');
  const [rpm, setRpm] = useState(own(item.rpm));
  const [tpm, setTpm] = useState(own(item.tpm));
  const save = useMutation<unknown, ApiError, { rpm: number | null; tpm: number | null }>({
    mutationFn: (body) => api('PUT /api/v1/metrics/quota-headroom/{modelId}', { params: { modelId: item.modelId }, body }),
    onSuccess: async (_, body) => {
      toast.success(body.rpm === null && body.tpm === null ? `Back to Service Quotas for ${item.modelId}` : `Saved the quotas of ${item.modelId}`);
      setOpen(false);
      await queryClient.invalidateQueries({ queryKey: ['quota-headroom'] });
    },
  });
  const r = parse(rpm);
  const t = parse(tpm);
  const hasOverride = item.rpm.quotaSource === 'override' || item.tpm.quotaSource === 'override';
  return (
    <Dialog
      open={open}
      onOpenChange={(o) => {
        setOpen(o);
        if (o) {
          setRpm(own(item.rpm));
          setTpm(own(item.tpm));
          save.reset();
        }
      }}
      title="Set quotas by hand"
      description={<span className="font-mono break-all">{item.modelId}</span>}
      trigger={
        <Button size="sm" variant="ghost" aria-label={`Set quotas for ${item.modelId}`}>
          Set quota
        </Button>
      }
    >
      <form
        className="space-y-4"
        onSubmit={(e) => {
          e.preventDefault();
          if (r === 'bad' || t === 'bad') return;
          if (r === null && t === null && !hasOverride) return setOpen(false);
          save.mutate({ rpm: r, tpm: t });
        }}
      >
        <p className="text-sm text-zinc-600 dark:text-zinc-400">For accounts where Service Quotas cannot be read, or to plan for a raised limit. Leave a field empty to use Service Quotas.</p>
        <Field id="override-rpm" label="Requests per minute" error={r === 'bad' ? 'A whole number of 1 or more, or empty.' : undefined}>
          <Input id="override-rpm" inputMode="numeric" value={rpm} onChange={(e) => setRpm(e.target.value)} placeholder={item.rpm.quotaSource === 'service_quotas' && item.rpm.quota !== null ? `${item.rpm.quota} (Service Quotas)` : 'e.g. 200'} />
        </Field>
        <Field id="override-tpm" label="Tokens per minute" error={t === 'bad' ? 'A whole number of 1 or more, or empty.' : undefined}>
          <Input id="override-tpm" inputMode="numeric" value={tpm} onChange={(e) => setTpm(e.target.value)} placeholder={item.tpm.quotaSource === 'service_quotas' && item.tpm.quota !== null ? `${item.tpm.quota} (Service Quotas)` : 'e.g. 200000'} />
        </Field>
        {save.error ? <Alert>{save.error.message}</Alert> : null}
        <DialogFooter>
          <Button type="button" variant="ghost" onClick={() => setOpen(false)}>
            Cancel
          </Button>
          <Button type="submit" variant="primary" disabled={save.isPending}>
            {save.isPending ? 'Saving…' : 'Save'}
          </Button>
        </DialogFooter>
      </form>
    </Dialog>
  );
}

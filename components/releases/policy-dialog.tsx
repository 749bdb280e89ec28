'use client';

import { useMutation } from '@tanstack/react-query';
import { ShieldCheck } from 'lucide-react';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { toast } from 'sonner';
import { api, type ApiError } from '@/lib/client/api';
import type { LabelPolicyDto } from '@/lib/releases/responses';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Dialog, DialogFooter } from '@/components/ui/dialog';
import { Field } from '@/components/ui/field';
import { Input, Select } from '@/components/ui/input';

/** Admins set a label's policy: protected, approvals (1-3), an optional experiment gate. */
export function PolicyDialog({ prompt, label, policy }: { prompt: string; label: string; policy: LabelPolicyDto | null }) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [isProtected, setProtected] = useState(policy?.protected ?? false);
  const [approvals, setApprovals] = useState(policy?.approvals ?? 1);
  const [dataset, setDataset] = useState(policy?.gate?.dataset ?? '');
  const [minPass, setMinPass] = useState(policy?.gate ? String(Math.round(policy.gate.minPassRate * 100)) : '80');
  const save = useMutation<LabelPolicyDto, ApiError>({
    mutationFn: () =>
      api('PUT /api/v1/prompts/{name}/labels/{label}/policy', {
        params: { name: prompt, label },
        body: { protected: isProtected, approvals, gate: dataset.trim() ? { dataset: dataset.trim(), minPassRate: Number(minPass) / 100 } : null },
      }),
    onSuccess: (p) => {
      toast.success(p.protected ? `${label} is protected` : `${label} is not protected`, { description: p.protected ? `Moves need ${p.approvals} approval${p.approvals === 1 ? '' : 's'}.` : 'Deployers move it directly.' });
      setOpen(false);
      router.refresh();
    },
  });
  const pct = Number(minPass);
  const pctBad = dataset.trim() !== '' && (!Number.isFinite(pct) || pct < 0 || pct > 100);
  return (
    <Dialog
      open={open}
      onOpenChange={(o) => {
        setOpen(o);
        if (o) save.reset();
      }}
      trigger={
        <Button size="sm" variant="ghost" aria-label={`Policy of ${label}`} title={`Policy of ${label}`} data-testid="policy-button">
          <ShieldCheck aria-hidden />
        </Button>
      }
      title={`Policy of ${label}`}
      description="A protected label moves only through approved deploy requests. Rollback stays one click for deployers."
    >
      <form
        noValidate
        className="space-y-4"
        onSubmit={(e) => {
          e.preventDefault();
          if (!pctBad) save.mutate();
        }}
      >
        {save.error ? <Alert>{save.error.message}</Alert> : null}
        <label className="flex items-center gap-2 text-sm font-medium">
          <input type="checkbox" checked={isProtected} onChange={(e) => setProtected(e.target.checked)} className="size-4 accent-indigo-600" data-testid="policy-protected" />
          Protected: require approval to move
        </label>
        <Field id="policy-approvals" label="Approvals needed">
          <Select id="policy-approvals" value={String(approvals)} onChange={(e) => setApprovals(Number(e.target.value))} disabled={!isProtected}>
            {[1, 2, 3].map((n) => (
              <option key={n} value={n}>
                {n} {n === 1 ? 'person' : 'people'} (not the requester)
              </option>
            ))}
          </Select>
        </Field>
        <div className="grid gap-3 sm:grid-cols-[1fr_8rem]">
          <Field id="policy-dataset" label="Gate dataset" optional hint="The version's latest succeeded experiment on this dataset must pass.">
            <Input id="policy-dataset" value={dataset} onChange={(e) => setDataset(e.target.value)} placeholder="e.g. golden-set" autoComplete="off" className="font-mono" />
          </Field>
          <Field id="policy-min" label="Min pass rate %" error={pctBad ? '0 to 100' : undefined}>
            <Input id="policy-min" type="number" min={0} max={100} value={minPass} onChange={(e) => setMinPass(e.target.value)} disabled={!dataset.trim()} />
          </Field>
        </div>
        <DialogFooter>
          <Button onClick={() => setOpen(false)}>Cancel</Button>
          <Button type="submit" variant="primary" loading={save.isPending} data-testid="policy-save">
            Save policy
          </Button>
        </DialogFooter>
      </form>
    </Dialog>
  );
}

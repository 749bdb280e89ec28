'use client';

import { useMutation } from '@tanstack/react-query';
import { ArrowRight, Rocket } from 'lucide-react';
import { useRouter } from 'next/navigation';
import { useState, type ReactNode } from 'react';
import { toast } from 'sonner';
import type { LabelPutResult } from '@/lib/catalog/responses';
import { SettableLabelSchema } from '@/lib/catalog/schemas';
import { api, type ApiError } from '@/lib/client/api';
import { cn } from '@/lib/client/cn';
import { isConflict, labelErrorMessage } from '@/lib/client/labels';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Dialog, DialogFooter } from '@/components/ui/dialog';
import { Field, fieldAria } from '@/components/ui/field';
import { Input, Select, Textarea } from '@/components/ui/input';
import { LabelChip } from '@/components/catalog/label-chip';

interface Props {
  prompt: string;
  /** Current settable labels and the version each points at (what the user sees). */
  labels: Record<string, number>;
  latestVersion: number;
  defaultLabel?: string;
  defaultVersion?: number;
  trigger?: ReactNode;
  /** Protected labels and the approvals each needs: these get a deploy request instead. */
  protectedLabels?: Record<string, number>;
  /** false (editors): every deploy becomes a request. */
  canMove?: boolean;
}

/**
 * Point a label at a version. Deploying is a deliberate act: no label is chosen in advance, and
 * only the Deploy button deploys (Enter in a field does not), naming what it will do.
 */
export function DeployDialog({ prompt, labels, latestVersion, defaultLabel = '', defaultVersion, trigger, protectedLabels = {}, canMove = true }: Props) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [label, setLabel] = useState(defaultLabel);
  const [version, setVersion] = useState(defaultVersion ?? latestVersion);
  const [reason, setReason] = useState('');
  const [labelError, setLabelError] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const target = label.trim();
  const current = labels[target] ?? null;
  const already = current === version;
  const needsRequest = !canMove || target in protectedLabels;

  const requestDeploy = useMutation<{ id: string }, ApiError, { label: string; version: number; reason: string }>({
    mutationFn: (v) => api('POST /api/v1/prompts/{name}/deploy-requests', { params: { name: prompt }, body: { label: v.label, version: v.version, reason: v.reason || undefined } }),
    onSuccess: (r) => {
      toast.success('Deploy request opened', { description: 'It deploys once approved.' });
      setOpen(false);
      router.push(`/releases/${r.id}`);
    },
    onError: (e) => setFailure(e.message),
  });

  const deploy = useMutation<LabelPutResult, ApiError, { label: string; version: number; expectedVersion: number | null; reason: string }>({
    mutationFn: (v) => api('PUT /api/v1/prompts/{name}/labels/{label}', { params: { name: prompt, label: v.label }, body: { version: v.version, expectedVersion: v.expectedVersion, reason: v.reason || undefined } }),
    onSuccess: (r) => {
      if (r.changed === false) toast.info(`${r.label} already points at v${r.version}`, { description: 'Nothing changed; no history entry was written.' });
      else toast.success(`${r.label} now points at v${r.version}`, { description: r.previousVersion ? `It pointed at v${r.previousVersion}.` : 'New label.' });
      setOpen(false);
      router.refresh();
    },
    onError: (e, v) => {
      const msg = labelErrorMessage(e, v.label);
      setFailure(msg);
      if (isConflict(e)) {
        toast.error(msg);
        router.refresh();
      }
    },
  });

  const submit = () => {
    const parsed = SettableLabelSchema.safeParse(label.trim());
    if (!parsed.success) {
      setLabelError(parsed.error.issues[0]?.message ?? 'Invalid label.');
      return;
    }
    setLabelError(null);
    setFailure(null);
    if (needsRequest) {
      requestDeploy.mutate({ label: parsed.data, version, reason: reason.trim() });
      return;
    }
    deploy.mutate({ label: parsed.data, version, expectedVersion: current, reason: reason.trim() });
  };

  const versions = Array.from({ length: latestVersion }, (_, i) => latestVersion - i);
  const existing = Object.keys(labels);

  return (
    <Dialog
      open={open}
      onOpenChange={(o) => {
        setOpen(o);
        if (o) {
          setLabel(defaultLabel);
          setVersion(defaultVersion ?? latestVersion);
          setReason('');
          setFailure(null);
          setLabelError(null);
        }
      }}
      trigger={
        trigger ?? (
          <Button>
            <Rocket aria-hidden />
            Deploy
          </Button>
        )
      }
      title="Deploy a version"
      description="Point a label at a version. Applications that fetch this label get it immediately."
    >
      {/* No implicit submission: Enter in a field never deploys; only the button does. */}
      <form noValidate className="space-y-4" onSubmit={(e) => e.preventDefault()}>
        {failure ? <Alert>{failure}</Alert> : null}
        <Field id="deploy-label" label="Label" error={labelError ?? undefined}>
          <Input
            {...fieldAria('deploy-label', labelError ?? undefined)}
            list="deploy-label-options"
            value={label}
            onChange={(e) => setLabel(e.target.value)}
            autoComplete="off"
            spellCheck={false}
            placeholder="e.g. production or staging"
            className="font-mono"
          />
          <datalist id="deploy-label-options">
            {existing.map((l) => (
              <option key={l} value={l} />
            ))}
          </datalist>
          {existing.length > 0 ? (
            <div className="flex flex-wrap items-center gap-1.5 pt-1">
              {existing.map((l) => (
                <button key={l} type="button" onClick={() => setLabel(l)} aria-pressed={target === l} className={cn('cursor-pointer rounded-md', target === l && 'ring-2 ring-indigo-500 ring-offset-1 dark:ring-offset-zinc-900')} title={`Deploy to ${l}`}>
                  <LabelChip label={l} version={labels[l]} />
                </button>
              ))}
            </div>
          ) : null}
        </Field>
        <Field id="deploy-version" label="Version">
          <Select id="deploy-version" value={String(version)} onChange={(e) => setVersion(Number(e.target.value))}>
            {versions.map((n) => (
              <option key={n} value={n}>
                v{n}
                {n === latestVersion ? ' (latest)' : ''}
              </option>
            ))}
          </Select>
        </Field>
        <div className="flex items-center gap-2 rounded-md bg-zinc-50 px-3 py-2 font-mono text-sm dark:bg-zinc-800/60" data-testid="deploy-preview">
          <span className="font-semibold">{label.trim() || '…'}</span>
          <span className="text-zinc-500">{current === null ? '(new label)' : `v${current}`}</span>
          <ArrowRight className="size-4 text-zinc-400" aria-label="to" />
          <span className="font-semibold text-indigo-600 dark:text-indigo-400">v{version}</span>
          {already ? <span className="font-sans text-xs text-zinc-500">already there</span> : null}
        </div>
        {needsRequest && target && !already ? (
          <Alert tone="info" title={target in protectedLabels ? `${target} is protected` : 'Deploys need approval'}>
            {target in protectedLabels
              ? `Moving it needs ${protectedLabels[target]} approval${protectedLabels[target] === 1 ? '' : 's'} from someone else: this opens a deploy request.`
              : 'Your role opens a deploy request; a deployer approves it.'}
          </Alert>
        ) : null}
        {target === 'production' && !already && !needsRequest ? (
          <p className="text-xs text-amber-700 dark:text-amber-400" data-testid="deploy-production-note">
            Applications that fetch production get v{version} as soon as you deploy.
          </p>
        ) : null}
        <Field id="deploy-reason" label="Reason" optional hint="Shown in the label's history.">
          <Textarea id="deploy-reason" rows={2} value={reason} onChange={(e) => setReason(e.target.value)} />
        </Field>
        <DialogFooter>
          <Button onClick={() => setOpen(false)}>Cancel</Button>
          <Button
            variant={target === 'production' && !needsRequest ? 'danger' : 'primary'}
            loading={deploy.isPending || requestDeploy.isPending}
            disabled={!target || already}
            title={!target ? 'Choose a label first' : already ? `${target} already points at v${version}` : undefined}
            onClick={submit}
            data-testid="deploy-submit"
          >
            {target ? `${needsRequest ? 'Request deploy of' : 'Deploy'} v${version} to ${target}` : 'Deploy'}
          </Button>
        </DialogFooter>
      </form>
    </Dialog>
  );
}

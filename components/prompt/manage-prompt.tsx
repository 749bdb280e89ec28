'use client';

import { useMutation } from '@tanstack/react-query';
import { Archive, ArchiveRestore, Trash2 } from 'lucide-react';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { toast } from 'sonner';
import type { PromptSummary } from '@/lib/catalog/dto';
import { api, type ApiError } from '@/lib/client/api';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Card, CardHeader } from '@/components/ui/card';
import { ConfirmCancel, ConfirmDialog } from '@/components/ui/dialog';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';

/** Archive or restore: one click, reversible. */
export function ArchiveButton({ name, archived }: { name: string; archived: boolean }) {
  const router = useRouter();
  const change = useMutation<PromptSummary, ApiError, boolean>({
    mutationFn: (to) => api('PATCH /api/v1/prompts/{name}', { params: { name }, body: { archived: to } }),
    onSuccess: (p) => {
      toast.success(p.archivedAt ? `Archived ${name}` : `Restored ${name}`, { description: p.archivedAt ? 'Hidden from the catalog; applications still get it.' : 'It is back in the catalog.' });
      router.refresh();
    },
    onError: (e) => toast.error(e.message),
  });
  return (
    <Button size="sm" onClick={() => change.mutate(!archived)} loading={change.isPending} data-testid={archived ? 'restore-prompt' : 'archive-prompt'}>
      {archived ? <ArchiveRestore aria-hidden /> : <Archive aria-hidden />}
      {archived ? 'Restore' : 'Archive'}
    </Button>
  );
}

/** Delete, confirmed by typing the name; only when no label points at a version. */
export function DeletePromptDialog({ name, labels }: { name: string; labels: string[] }) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [typed, setTyped] = useState('');
  const del = useMutation<void, ApiError, void>({
    mutationFn: () => api('DELETE /api/v1/prompts/{name}', { params: { name } }),
    onSuccess: () => {
      toast.success(`Deleted ${name}`);
      setOpen(false);
      router.push('/prompts');
      router.refresh();
    },
  });
  const blocked = labels.length > 0;
  return (
    <ConfirmDialog
      open={open}
      onOpenChange={(o) => {
        setOpen(o);
        if (o) {
          setTyped('');
          del.reset();
        }
      }}
      trigger={
        <Button size="sm" variant="danger-outline" data-testid="delete-prompt">
          <Trash2 aria-hidden />
          Delete
        </Button>
      }
      title={`Delete ${name}?`}
      description={blocked ? undefined : 'Its versions and label history are deleted for good. Logged invocations stay in the logs.'}
    >
      {blocked ? (
        <div className="space-y-4">
          <Alert tone="warning" title="Labels still point at this prompt">
            Remove {labels.length === 1 ? 'the label' : 'the labels'} {labels.join(', ')} first, so nothing applications fetch disappears by accident. Or archive the prompt to hide it.
          </Alert>
          <div className="flex justify-end">
            <ConfirmCancel asChild>
              <Button>Close</Button>
            </ConfirmCancel>
          </div>
        </div>
      ) : (
        <form
          className="space-y-4"
          onSubmit={(e) => {
            e.preventDefault();
            if (typed === name) del.mutate();
          }}
        >
          {del.error ? <Alert>{del.error.message}</Alert> : null}
          <Field id="delete-confirm" label={<>Type <span className="font-mono">{name}</span> to confirm</>}>
            <Input id="delete-confirm" value={typed} onChange={(e) => setTyped(e.target.value)} autoComplete="off" spellCheck={false} className="font-mono" />
          </Field>
          <div className="flex justify-end gap-2">
            <ConfirmCancel asChild>
              <Button>Cancel</Button>
            </ConfirmCancel>
            <Button type="submit" variant="danger" disabled={typed !== name} loading={del.isPending}>
              Delete prompt
            </Button>
          </div>
        </form>
      )}
    </ConfirmDialog>
  );
}

/** Archive / restore and delete, at the bottom of a prompt's page. */
export function ManagePromptCard({ prompt, labels, canDelete }: { prompt: Pick<PromptSummary, 'name' | 'archivedAt'>; labels: string[]; canDelete: boolean }) {
  const archived = !!prompt.archivedAt;
  return (
    <Card data-testid="manage-prompt">
      <CardHeader title="Manage" description={archived ? 'Archived: hidden from the catalog, still served to applications.' : 'Archiving hides the prompt from the catalog; applications still get it.'} />
      <div className="flex flex-wrap gap-2 p-4">
        <ArchiveButton name={prompt.name} archived={archived} />
        {canDelete ? <DeletePromptDialog name={prompt.name} labels={labels} /> : null}
      </div>
    </Card>
  );
}

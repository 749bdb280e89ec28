'use client';

import { useMutation } from '@tanstack/react-query';
import { Download, Plus, Trash2 } from 'lucide-react';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { toast } from 'sonner';
import { api, apiUrl } from '@/lib/client/api';
import { Button } from '@/components/ui/button';
import { ConfirmCancel, ConfirmDialog } from '@/components/ui/dialog';
import { ExampleDialog } from './example-dialog';
import { ImportDialog } from './import-dialog';

const exportHref = (dataset: string, format: 'csv' | 'jsonl') => apiUrl('/api/v1/datasets/{dataset}/export', { params: { dataset }, query: { format } });

/** The dataset page's toolbar: add, import, export, delete. */
export function DatasetActions({ dataset, examples, canWrite }: { dataset: string; examples: number; canWrite: boolean }) {
  const router = useRouter();
  const [adding, setAdding] = useState(false);
  const [addKey, setAddKey] = useState(0);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const changed = () => router.refresh();
  const remove = useMutation({
    mutationFn: () => api('DELETE /api/v1/datasets/{dataset}', { params: { dataset } }),
    onSuccess: () => {
      toast.success(`Deleted dataset ${dataset}`);
      router.push('/datasets');
      router.refresh();
    },
    onError: (e) => toast.error(e.message),
  });
  return (
    <div className="flex flex-wrap items-center gap-2">
      <Button asChild size="sm" variant="ghost">
        <a href={exportHref(dataset, 'jsonl')} download data-testid="export-jsonl">
          <Download aria-hidden />
          JSON Lines
        </a>
      </Button>
      <Button asChild size="sm" variant="ghost">
        <a href={exportHref(dataset, 'csv')} download data-testid="export-csv">
          <Download aria-hidden />
          CSV
        </a>
      </Button>
      {canWrite ? (
        <>
          <ImportDialog dataset={dataset} onImported={changed} />
          <Button
            variant="primary"
            data-testid="example-add"
            onClick={() => {
              setAddKey((k) => k + 1);
              setAdding(true);
            }}
          >
            <Plus aria-hidden />
            Add example
          </Button>
          {adding ? <ExampleDialog key={addKey} dataset={dataset} open onOpenChange={setAdding} onSaved={changed} /> : null}
          <Button size="icon" variant="ghost" aria-label="Delete dataset" data-testid="dataset-delete" onClick={() => setConfirmDelete(true)}>
            <Trash2 aria-hidden />
          </Button>
          <ConfirmDialog
            open={confirmDelete}
            onOpenChange={setConfirmDelete}
            title={`Delete ${dataset}?`}
            description={`Its ${examples} example${examples === 1 ? '' : 's'} go with it. A dataset that an experiment, test suite or sweep uses cannot be deleted.`}
          >
            <div className="flex justify-end gap-2">
              <ConfirmCancel asChild>
                <Button>Cancel</Button>
              </ConfirmCancel>
              <Button variant="danger" loading={remove.isPending} onClick={() => remove.mutate()} data-testid="dataset-delete-confirm">
                Delete dataset
              </Button>
            </div>
          </ConfirmDialog>
        </>
      ) : null}
    </div>
  );
}

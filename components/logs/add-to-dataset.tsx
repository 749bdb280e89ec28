'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { DatabaseZap } from 'lucide-react';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { toast } from 'sonner';
import { api, type ApiError } from '@/lib/client/api';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Dialog, DialogFooter } from '@/components/ui/dialog';
import { Field, fieldAria } from '@/components/ui/field';
import { Select, Textarea } from '@/components/ui/input';

/** The Logs page's bar for selected rows: add them to a dataset (variables and output of each). */
export function AddInvocationsBar({ ids, onClear, onAdded }: { ids: string[]; onClear: () => void; onAdded: () => void }) {
  const [open, setOpen] = useState(false);
  const n = ids.length;
  return (
    <div role="region" aria-label="Selected invocations" className="flex flex-wrap items-center gap-2 border-b border-zinc-200 bg-indigo-50/60 px-3 py-2 text-sm dark:border-zinc-800 dark:bg-indigo-950/30" data-testid="logs-selection">
      <span className="font-medium text-zinc-800 dark:text-zinc-200">
        {n} selected
      </span>
      <Button size="sm" variant="primary" onClick={() => setOpen(true)} data-testid="logs-add-to-dataset">
        <DatabaseZap aria-hidden />
        Add to dataset
      </Button>
      <Button size="sm" variant="ghost" onClick={onClear}>
        Clear
      </Button>
      {open ? <AddInvocationsDialog ids={ids} onOpenChange={setOpen} onAdded={onAdded} /> : null}
    </div>
  );
}

function AddInvocationsDialog({ ids, onOpenChange, onAdded }: { ids: string[]; onOpenChange: (o: boolean) => void; onAdded: () => void }) {
  const router = useRouter();
  const qc = useQueryClient();
  const datasets = useQuery({ queryKey: ['datasets'], queryFn: () => api('GET /api/v1/datasets', { query: { limit: 200 } }) });
  const list = datasets.data?.items ?? [];
  const [picked, setPicked] = useState<string | null>(null);
  const dataset = picked ?? list[0]?.name ?? '';
  const [expected, setExpected] = useState('');
  const add = useMutation<{ revision: number; ids: string[] }, ApiError>({
    mutationFn: () => api('POST /api/v1/datasets/{dataset}/examples/from-invocations', { params: { dataset }, body: { invocationIds: ids, ...(expected.trim() ? { expectedOutput: expected } : {}) } }),
    onSuccess: (r) => {
      void qc.invalidateQueries({ queryKey: ['datasets'] });
      toast.success(`Added ${r.ids.length} example${r.ids.length === 1 ? '' : 's'} to ${dataset} (revision ${r.revision})`, {
        action: { label: 'Open', onClick: () => router.push(`/datasets/${encodeURIComponent(dataset)}`) },
      });
      onAdded();
      onOpenChange(false);
    },
  });
  return (
    <Dialog open onOpenChange={onOpenChange} title={`Add ${ids.length} call${ids.length === 1 ? '' : 's'} to a dataset`} description="Each becomes an example: the call's variables, and as expected output its own output (or the text below). All are added or none.">
      <form
        className="space-y-4"
        onSubmit={(e) => {
          e.preventDefault();
          if (dataset) add.mutate();
        }}
      >
        {add.error ? <Alert>{add.error.message}</Alert> : null}
        {datasets.isError ? <Alert>The datasets could not be loaded: {datasets.error.message}</Alert> : null}
        {datasets.isSuccess && list.length === 0 ? <Alert tone="info">There is no dataset yet: create one on the Datasets page first.</Alert> : null}
        <Field id="logs-ds" label="Dataset">
          <Select {...fieldAria('logs-ds')} autoFocus value={dataset} disabled={!datasets.isSuccess || list.length === 0} onChange={(e) => setPicked(e.target.value)} data-testid="logs-dataset-pick">
            {!datasets.isSuccess ? <option value="">Loading…</option> : null}
            {list.map((d) => (
              <option key={d.id} value={d.name}>
                {d.name} ({d.examples} example{d.examples === 1 ? '' : 's'})
              </option>
            ))}
          </Select>
        </Field>
        <Field id="logs-expected" label="Expected output for all" optional hint="Leave empty to use each call's own output; correct single examples later on the dataset page.">
          <Textarea {...fieldAria('logs-expected', undefined, true)} className="font-mono text-[13px]" rows={3} value={expected} onChange={(e) => setExpected(e.target.value)} />
        </Field>
        <DialogFooter>
          <Button onClick={() => onOpenChange(false)}>Cancel</Button>
          <Button type="submit" variant="primary" disabled={!dataset} loading={add.isPending} data-testid="logs-add-confirm">
            Add {ids.length} example{ids.length === 1 ? '' : 's'}
          </Button>
        </DialogFooter>
      </form>
    </Dialog>
  );
}

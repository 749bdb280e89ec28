'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { toast } from 'sonner';
import type { AddedExamples } from '@/lib/datasets/responses';
import type { ReviewItemDto } from '@/lib/feedback/queue';
import { DatasetNameSchema } from '@/lib/feedback/schemas';
import { api, type ApiError } from '@/lib/client/api';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Dialog, DialogFooter } from '@/components/ui/dialog';
import { Field, fieldAria } from '@/components/ui/field';
import { Input, Select, Textarea } from '@/components/ui/input';

const NEW = '__new__';
type Errors = Partial<Record<'dataset' | 'name' | 'variables' | 'expectedOutput', string>>;
interface Values {
  dataset: string;
  name: string;
  description: string;
  variables: Record<string, unknown>;
  expectedOutput: string;
}

export const datasetsKey = ['datasets'] as const;

function parseVariables(text: string): Record<string, unknown> | string {
  try {
    const v: unknown = JSON.parse(text || '{}');
    return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : 'Variables are a JSON object, e.g. {"comment": "..."}.';
  } catch (e) {
    return `Not valid JSON: ${e instanceof Error ? e.message : 'parse error'}`;
  }
}

/** Keeps the item as a ground-truth example: variables and the output that would have been right. */
export function AddToDatasetDialog({ item, open, onOpenChange, lastDataset, onAdded }: { item: ReviewItemDto; open: boolean; onOpenChange: (o: boolean) => void; lastDataset: string | null; onAdded: (dataset: string) => void }) {
  const qc = useQueryClient();
  const router = useRouter();
  const datasets = useQuery({ queryKey: datasetsKey, queryFn: () => api('GET /api/v1/datasets', { query: { limit: 200 } }), enabled: open });
  const list = datasets.data?.items ?? [];
  const [picked, setPicked] = useState<string | null>(lastDataset);
  const dataset = picked ?? (datasets.isSuccess ? (list[0]?.name ?? NEW) : '');
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const [variables, setVariables] = useState(() => JSON.stringify(item.invocation.variables ?? {}, null, 2));
  const [expected, setExpected] = useState(item.invocation.output?.text ?? '');
  const [errors, setErrors] = useState<Errors>({});

  const add = useMutation<AddedExamples & { dataset: string }, ApiError, Values>({
    mutationFn: async (v) => {
      let target = v.dataset;
      if (target === NEW) {
        // A taken name comes back as a 409 with a field issue on `name`.
        target = (await api('POST /api/v1/datasets', { body: { name: v.name, ...(v.description ? { description: v.description } : {}) } })).name;
        setPicked(target);
        void qc.invalidateQueries({ queryKey: datasetsKey });
      }
      const ex = await api('POST /api/v1/datasets/{dataset}/examples', { params: { dataset: target }, body: { invocationId: item.invocationId, variables: v.variables, expectedOutput: v.expectedOutput } });
      return { ...ex, dataset: target };
    },
    onSuccess: (ex) => {
      void qc.invalidateQueries({ queryKey: datasetsKey });
      toast.success(`Added to ${ex.dataset} (revision ${ex.revision})`, { action: { label: 'Open', onClick: () => router.push(`/datasets/${encodeURIComponent(ex.dataset)}`) } });
      onAdded(ex.dataset);
      onOpenChange(false);
    },
    onError: (e) => {
      const next: Errors = {};
      for (const i of e.fieldIssues) {
        if (i.path === 'name' || i.path === 'expectedOutput' || i.path === 'variables' || i.path.startsWith('variables.')) next[i.path.startsWith('variables') ? 'variables' : (i.path as 'name' | 'expectedOutput')] = i.message;
      }
      setErrors(next);
    },
  });

  const submit = () => {
    const next: Errors = {};
    const vars = parseVariables(variables);
    if (typeof vars === 'string') next.variables = vars;
    if (!expected.trim()) next.expectedOutput = 'Write the output that would have been right.';
    if (!dataset) next.dataset = 'Choose a dataset.';
    if (dataset === NEW) {
      const n = DatasetNameSchema.safeParse(name.trim());
      if (!n.success) next.name = n.error.issues[0]?.message ?? 'Invalid name.';
    }
    setErrors(next);
    if (Object.keys(next).length > 0 || typeof vars === 'string') return;
    add.mutate({ dataset, name: name.trim(), description: description.trim(), variables: vars, expectedOutput: expected });
  };
  const failure = add.error && Object.keys(errors).length === 0 ? add.error.message : null;

  return (
    <Dialog open={open} onOpenChange={onOpenChange} title="Add to dataset" description="Keep this call as a ground-truth example: its variables and the output that would have been right." className="max-w-2xl">
      <form
        noValidate
        className="space-y-4"
        data-testid="add-to-dataset-form"
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        {failure ? <Alert>{failure}</Alert> : null}
        {datasets.isError ? <Alert>The datasets could not be loaded: {datasets.error.message}</Alert> : null}
        <Field id="ds-pick" label="Dataset" error={errors.dataset}>
          <Select {...fieldAria('ds-pick', errors.dataset)} autoFocus value={dataset} disabled={!datasets.isSuccess} onChange={(e) => setPicked(e.target.value)}>
            {!datasets.isSuccess ? <option value="">Loading…</option> : null}
            {list.map((d) => (
              <option key={d.id} value={d.name}>
                {d.name} ({d.examples} example{d.examples === 1 ? '' : 's'})
              </option>
            ))}
            <option value={NEW}>+ New dataset…</option>
          </Select>
        </Field>
        {dataset === NEW ? (
          <div className="grid gap-3 rounded-lg border border-zinc-200 p-3 sm:grid-cols-2 dark:border-zinc-800">
            <Field id="ds-name" label="Name" error={errors.name} hint="a-z, 0-9, - _ . (e.g. moderation-gt)">
              <Input {...fieldAria('ds-name', errors.name, true)} value={name} onChange={(e) => setName(e.target.value)} autoComplete="off" />
            </Field>
            <Field id="ds-description" label="Description" optional>
              <Input id="ds-description" value={description} onChange={(e) => setDescription(e.target.value)} maxLength={2000} />
            </Field>
          </div>
        ) : null}
        <Field id="ds-variables" label="Variables (JSON)" error={errors.variables} hint="From the invocation; edit as needed.">
          <Textarea {...fieldAria('ds-variables', errors.variables, true)} className="font-mono text-[13px]" rows={6} value={variables} onChange={(e) => setVariables(e.target.value)} spellCheck={false} />
        </Field>
        <Field id="ds-expected" label="Expected output" error={errors.expectedOutput} hint="Prefilled with the model's output: correct it to what would have been right.">
          <Textarea {...fieldAria('ds-expected', errors.expectedOutput, true)} className="font-mono text-[13px]" rows={6} value={expected} onChange={(e) => setExpected(e.target.value)} spellCheck={false} />
        </Field>
        <DialogFooter>
          {item.invocation.promptName ? (
            <span className="mr-auto text-xs text-zinc-500 dark:text-zinc-400">
              Source:{' '}
              <Link href={`/logs/${item.invocationId}`} className="font-mono hover:underline">
                {item.invocation.promptName}@v{item.invocation.promptVersion}
              </Link>
            </span>
          ) : null}
          <Button onClick={() => onOpenChange(false)}>Cancel</Button>
          <Button type="submit" variant="primary" loading={add.isPending} data-testid="add-to-dataset-submit">
            Add example
          </Button>
        </DialogFooter>
      </form>
    </Dialog>
  );
}

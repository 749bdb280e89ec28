'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation } from '@tanstack/react-query';
import { Plus } from 'lucide-react';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { toast } from 'sonner';
import type { z } from 'zod';
import type { DatasetDto } from '@/lib/feedback/datasets';
import { CreateDatasetSchema } from '@/lib/feedback/schemas';
import { api, isApiError, type ApiError } from '@/lib/client/api';
import { applyFieldIssues } from '@/lib/client/form';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Dialog, DialogFooter } from '@/components/ui/dialog';
import { Field, fieldAria } from '@/components/ui/field';
import { Input, Textarea } from '@/components/ui/input';

type In = z.input<typeof CreateDatasetSchema>;
type Out = z.output<typeof CreateDatasetSchema>;

/** A new, empty dataset (reviewers and admins); examples come from the review queue. */
export function CreateDatasetDialog() {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const form = useForm<In, unknown, Out>({ resolver: zodResolver(CreateDatasetSchema), defaultValues: { name: '', description: '' } });
  const { errors } = form.formState;
  const create = useMutation<DatasetDto, ApiError, Out>({
    mutationFn: (v) => api<DatasetDto>('POST', '/api/v1/datasets', v),
    onSuccess: (d) => {
      toast.success(`Created dataset ${d.name}`);
      setOpen(false);
      form.reset();
      router.push(`/datasets/${encodeURIComponent(d.name)}`);
    },
    onError: (e) => {
      if (isApiError(e)) applyFieldIssues(e, form.setError, ['name', 'description']);
    },
  });
  const failure = create.error && create.error.fieldIssues.length === 0 ? create.error.message : null;
  return (
    <Dialog
      open={open}
      onOpenChange={(o) => {
        setOpen(o);
        if (!o) create.reset();
      }}
      trigger={
        <Button variant="primary">
          <Plus aria-hidden />
          New dataset
        </Button>
      }
      title="New dataset"
      description="A named set of ground-truth examples."
    >
      <form noValidate onSubmit={form.handleSubmit((v) => create.mutate(v))} className="space-y-4">
        {failure ? <Alert>{failure}</Alert> : null}
        <Field id="dataset-name" label="Name" hint="a-z, 0-9, - _ . (e.g. moderation-gt)" error={errors.name?.message}>
          <Input {...fieldAria('dataset-name', errors.name?.message, true)} autoFocus autoComplete="off" {...form.register('name')} />
        </Field>
        <Field id="dataset-description" label="Description" optional error={errors.description?.message}>
          <Textarea {...fieldAria('dataset-description', errors.description?.message)} rows={3} {...form.register('description')} />
        </Field>
        <DialogFooter>
          <Button onClick={() => setOpen(false)}>Cancel</Button>
          <Button type="submit" variant="primary" loading={create.isPending}>
            Create dataset
          </Button>
        </DialogFooter>
      </form>
    </Dialog>
  );
}

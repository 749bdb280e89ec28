'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { Plus } from 'lucide-react';
import { useRouter } from 'next/navigation';
import { useForm } from 'react-hook-form';
import { toast } from 'sonner';
import type { z } from 'zod';
import type { DatasetDto } from '@/lib/feedback/datasets';
import { CreateDatasetSchema } from '@/lib/feedback/schemas';
import { applyFieldIssues } from '@/lib/client/form';
import { Button } from '@/components/ui/button';
import { api } from '@/lib/client/api';
import { FormDialog, useCreateDialog } from '@/components/ui/form-dialog';
import { Field, fieldAria } from '@/components/ui/field';
import { Input, Textarea } from '@/components/ui/input';

type In = z.input<typeof CreateDatasetSchema>;
type Out = z.output<typeof CreateDatasetSchema>;

/** A new, empty dataset (reviewers and admins); examples come from the review queue. */
export function CreateDatasetDialog() {
  const router = useRouter();
  const form = useForm<In, unknown, Out>({ resolver: zodResolver(CreateDatasetSchema), defaultValues: { name: '', description: '' } });
  const { errors } = form.formState;
  const { open, setOpen, mutation, failure } = useCreateDialog<Out, DatasetDto>({
    create: (body) => api('POST /api/v1/datasets', { body }),
    onCreated: (d) => {
      toast.success(`Created dataset ${d.name}`);
      form.reset();
      router.push(`/datasets/${encodeURIComponent(d.name)}`);
    },
    onFieldErrors: (e) => (applyFieldIssues(e, form.setError, ['name', 'description']), e.fieldIssues.length > 0),
  });
  return (
    <FormDialog
      open={open}
      setOpen={setOpen}
      trigger={
        <Button variant="primary">
          <Plus aria-hidden />
          New dataset
        </Button>
      }
      title="New dataset"
      description="A named set of ground-truth examples."
      onSubmit={form.handleSubmit((v) => mutation.mutate(v))}
      failure={failure}
      pending={mutation.isPending}
      submitLabel="Create dataset"
    >
      <Field id="dataset-name" label="Name" hint="a-z, 0-9, - _ . (e.g. moderation-gt)" error={errors.name?.message}>
        <Input {...fieldAria('dataset-name', errors.name?.message, true)} autoFocus autoComplete="off" {...form.register('name')} />
      </Field>
      <Field id="dataset-description" label="Description" optional error={errors.description?.message}>
        <Textarea {...fieldAria('dataset-description', errors.description?.message)} rows={3} {...form.register('description')} />
      </Field>
    </FormDialog>
  );
}

'use client';

import { useMutation } from '@tanstack/react-query';
import { Pencil } from 'lucide-react';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { toast } from 'sonner';
import type { PromptSummary } from '@/lib/catalog/dto';
import { UpdatePromptSchema, type UpdatePromptInput } from '@/lib/catalog/schemas';
import { api, isApiError, type ApiError } from '@/lib/client/api';
import { applyFieldIssues, schemaResolver } from '@/lib/client/form';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Dialog, DialogFooter } from '@/components/ui/dialog';
import { Field, fieldAria } from '@/components/ui/field';
import { Input, Textarea } from '@/components/ui/input';

interface Values {
  description: string;
  tags: string;
}

export const splitTags = (s: string) =>
  s
    .split(/[,\s]+/)
    .map((t) => t.trim())
    .filter(Boolean);

const toField = (path: string) => (path.startsWith('tags') ? 'tags' : path === 'description' ? path : null);
const resolver = schemaResolver<Values, UpdatePromptInput>(UpdatePromptSchema, (v) => ({ input: { description: v.description.trim(), tags: splitTags(v.tags) } }), toField);

/** Description and tags can change at any time (the name cannot: applications fetch by it). */
export function EditPromptDialog({ prompt }: { prompt: Pick<PromptSummary, 'name' | 'description' | 'tags'> }) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const defaults = { description: prompt.description, tags: prompt.tags.join(', ') };
  const form = useForm<Values, unknown, UpdatePromptInput>({ resolver, defaultValues: defaults });
  const { errors } = form.formState;
  const save = useMutation<PromptSummary, ApiError, UpdatePromptInput>({
    mutationFn: (input) => api('PATCH /api/v1/prompts/{name}', { params: { name: prompt.name }, body: input }),
    onSuccess: () => {
      toast.success(`Saved the details of ${prompt.name}`);
      setOpen(false);
      router.refresh();
    },
    onError: (e) => {
      if (isApiError(e)) applyFieldIssues(e, form.setError, toField);
    },
  });
  const failure = save.error && save.error.fieldIssues.length === 0 ? save.error.message : null;
  return (
    <Dialog
      open={open}
      onOpenChange={(o) => {
        setOpen(o);
        if (o) {
          form.reset(defaults);
          save.reset();
        }
      }}
      trigger={
        <Button size="sm" variant="ghost" data-testid="edit-prompt">
          <Pencil aria-hidden />
          Edit details
        </Button>
      }
      title={`Details of ${prompt.name}`}
      description="The description and tags help people find the prompt in the catalog. Versions are not affected."
    >
      <form noValidate onSubmit={form.handleSubmit((v) => save.mutate(v))} className="space-y-4">
        {failure ? <Alert>{failure}</Alert> : null}
        <Field id="edit-description" label="Description" optional error={errors.description?.message}>
          <Textarea {...fieldAria('edit-description', errors.description?.message)} rows={3} autoFocus {...form.register('description')} />
        </Field>
        <Field id="edit-tags" label="Tags" optional hint="Comma-separated, e.g. support, json." error={errors.tags?.message}>
          <Input {...fieldAria('edit-tags', errors.tags?.message, true)} autoComplete="off" {...form.register('tags')} />
        </Field>
        <DialogFooter>
          <Button onClick={() => setOpen(false)}>Cancel</Button>
          <Button type="submit" variant="primary" loading={save.isPending}>
            Save details
          </Button>
        </DialogFooter>
      </form>
    </Dialog>
  );
}

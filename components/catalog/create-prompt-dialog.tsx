'use client';

import { useMutation } from '@tanstack/react-query';
import { Plus } from 'lucide-react';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { toast } from 'sonner';
import type { PromptSummary } from '@/lib/catalog/dto';
import { CreatePromptSchema, type CreatePromptInput } from '@/lib/catalog/schemas';
import { api, isApiError, seg, type ApiError } from '@/lib/client/api';
import { applyFieldIssues, schemaResolver } from '@/lib/client/form';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Dialog, DialogFooter } from '@/components/ui/dialog';
import { Field, fieldAria } from '@/components/ui/field';
import { Input, Textarea } from '@/components/ui/input';

interface Values {
  name: string;
  description: string;
  tags: string;
}

const splitTags = (s: string) =>
  s
    .split(/[,\s]+/)
    .map((t) => t.trim())
    .filter(Boolean);

const resolver = schemaResolver<Values, CreatePromptInput>(
  CreatePromptSchema,
  (v) => ({ input: { name: v.name.trim(), description: v.description.trim() || undefined, tags: splitTags(v.tags).length ? splitTags(v.tags) : undefined } }),
  (path) => (path.startsWith('tags') ? 'tags' : path === 'name' || path === 'description' ? path : null),
);

export function CreatePromptDialog({ triggerLabel = 'Create prompt' }: { triggerLabel?: string }) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const form = useForm<Values, unknown, CreatePromptInput>({ resolver, defaultValues: { name: '', description: '', tags: '' } });
  const { errors } = form.formState;
  const create = useMutation<PromptSummary, ApiError, CreatePromptInput>({
    mutationFn: (input) => api<PromptSummary>('POST', '/api/v1/prompts', input),
    onSuccess: (p) => {
      toast.success(`Created prompt ${p.name}`);
      setOpen(false);
      form.reset();
      router.push(`/prompts/${seg(p.name)}`);
    },
    onError: (e) => {
      if (!isApiError(e)) return;
      if (e.code === 'prompt_exists') form.setError('name', { type: 'server', message: e.message }, { shouldFocus: true });
      else applyFieldIssues(e, form.setError, (p) => (p.startsWith('tags') ? 'tags' : ['name', 'description'].includes(p) ? p : null));
    },
  });
  const failure = create.error && create.error.code !== 'prompt_exists' && create.error.fieldIssues.length === 0 ? create.error.message : null;

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
          {triggerLabel}
        </Button>
      }
      title="Create prompt"
      description="A prompt is a named series of immutable versions. Add the first version next."
    >
      <form onSubmit={form.handleSubmit((v) => create.mutate(v))} noValidate className="space-y-4">
        {failure ? <Alert>{failure}</Alert> : null}
        <Field id="prompt-name" label="Name" hint='Lowercase letters, digits, "-", "_", "."; e.g. support-reply.' error={errors.name?.message}>
          <Input {...fieldAria('prompt-name', errors.name?.message, true)} autoFocus autoComplete="off" spellCheck={false} className="font-mono" {...form.register('name')} />
        </Field>
        <Field id="prompt-description" label="Description" optional error={errors.description?.message}>
          <Textarea {...fieldAria('prompt-description', errors.description?.message)} rows={3} {...form.register('description')} />
        </Field>
        <Field id="prompt-tags" label="Tags" optional hint="Comma-separated, e.g. support, json." error={errors.tags?.message}>
          <Input {...fieldAria('prompt-tags', errors.tags?.message, true)} autoComplete="off" {...form.register('tags')} />
        </Field>
        <DialogFooter>
          <Button onClick={() => setOpen(false)}>Cancel</Button>
          <Button type="submit" variant="primary" loading={create.isPending}>
            Create prompt
          </Button>
        </DialogFooter>
      </form>
    </Dialog>
  );
}

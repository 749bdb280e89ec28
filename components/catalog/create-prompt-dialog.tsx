'use client';

import { Plus } from 'lucide-react';
import { useRouter } from 'next/navigation';
import { useForm } from 'react-hook-form';
import { toast } from 'sonner';
import type { PromptSummary } from '@/lib/catalog/dto';
import { CreatePromptSchema, type CreatePromptInput } from '@/lib/catalog/schemas';
import { api, seg } from '@/lib/client/api';
import { applyFieldIssues, schemaResolver } from '@/lib/client/form';
import { Button } from '@/components/ui/button';
import { FormDialog, useCreateDialog } from '@/components/ui/form-dialog';
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
  const form = useForm<Values, unknown, CreatePromptInput>({ resolver, defaultValues: { name: '', description: '', tags: '' } });
  const { errors } = form.formState;
  const { open, setOpen, mutation, failure } = useCreateDialog<CreatePromptInput, PromptSummary>({
    create: (body) => api('POST /api/v1/prompts', { body }),
    onCreated: (p) => {
      toast.success(`Created prompt ${p.name}`);
      form.reset();
      // Straight to the first version's editor: a prompt without a version serves nothing.
      router.push(`/prompts/${seg(p.name)}/new`);
    },
    onFieldErrors: (e) => {
      if (e.code === 'prompt_exists') {
        form.setError('name', { type: 'server', message: e.message }, { shouldFocus: true });
        return true;
      }
      applyFieldIssues(e, form.setError, (p) => (p.startsWith('tags') ? 'tags' : ['name', 'description'].includes(p) ? p : null));
      return e.fieldIssues.length > 0;
    },
  });

  return (
    <FormDialog
      open={open}
      setOpen={setOpen}
      trigger={
        <Button variant="primary">
          <Plus aria-hidden />
          {triggerLabel}
        </Button>
      }
      title="Create prompt"
      description="A prompt is a named series of immutable versions. You write the first version next."
      onSubmit={form.handleSubmit((v) => mutation.mutate(v))}
      failure={failure}
      pending={mutation.isPending}
      submitLabel="Create prompt"
    >
      <Field id="prompt-name" label="Name" hint='Lowercase letters, digits, "-", "_", "."; e.g. support-reply.' error={errors.name?.message}>
        <Input {...fieldAria('prompt-name', errors.name?.message, true)} autoFocus autoComplete="off" spellCheck={false} className="font-mono" {...form.register('name')} />
      </Field>
      <Field id="prompt-description" label="Description" optional error={errors.description?.message}>
        <Textarea {...fieldAria('prompt-description', errors.description?.message)} rows={3} {...form.register('description')} />
      </Field>
      <Field id="prompt-tags" label="Tags" optional hint="Comma-separated, e.g. support, json." error={errors.tags?.message}>
        <Input {...fieldAria('prompt-tags', errors.tags?.message, true)} autoComplete="off" {...form.register('tags')} />
      </Field>
    </FormDialog>
  );
}

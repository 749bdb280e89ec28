'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation } from '@tanstack/react-query';
import { KeyRound } from 'lucide-react';
import { useRouter } from 'next/navigation';
import { Controller, useForm } from 'react-hook-form';
import type { z } from 'zod';
import type { ApiKeyDto } from '@/lib/auth/api-keys';
import { CreateApiKeySchema } from '@/lib/auth/schemas';
import { api, isApiError, type ApiError } from '@/lib/client/api';
import { applyFieldIssues } from '@/lib/client/form';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Dialog, DialogFooter } from '@/components/ui/dialog';
import { Field, fieldAria } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { SecretShownOnce, useSecretDialog } from '@/components/ui/secret-once';
import { KeyUsage } from './key-usage';
import { RoleSelect } from './role-select';

type In = z.input<typeof CreateApiKeySchema>;
type Out = z.output<typeof CreateApiKeySchema>;

export function CreateApiKeyDialog({ examplePrompt = 'my-prompt' }: { examplePrompt?: string }) {
  const router = useRouter();
  const form = useForm<In, unknown, Out>({ resolver: zodResolver(CreateApiKeySchema), defaultValues: { name: '', role: 'viewer' } });
  const { errors } = form.formState;
  const create = useMutation<ApiKeyDto & { key: string }, ApiError, Out>({
    mutationFn: (v) => api('POST /api/v1/api-keys', { body: v }),
    onSuccess: () => router.refresh(),
    onError: (e) => {
      if (isApiError(e)) applyFieldIssues(e, form.setError, ['name', 'role']);
    },
  });
  const created = create.data ?? null;
  // Closing forgets the key shown once and the form, however the dialog is closed.
  const { open, onOpenChange, close } = useSecretDialog(create, () => form.reset());
  const failure = create.error && create.error.fieldIssues.length === 0 ? create.error.message : null;
  return (
    <Dialog
      open={open}
      onOpenChange={onOpenChange}
      trigger={
        <Button variant="primary">
          <KeyRound aria-hidden />
          Create API key
        </Button>
      }
      title={created ? 'Copy your new API key' : 'Create API key'}
      className={created ? 'max-w-2xl' : undefined}
      description={created ? undefined : 'For applications and scripts: send it as Authorization: Bearer <key>.'}
    >
      {created ? (
        <SecretShownOnce
          value={created.key}
          label="New API key"
          copyLabel="Copy API key"
          testId="new-api-key"
          warningTitle="This is the only time the key is shown"
          warning="Promptdeck stores only a hash of it. Copy it now into your secret store; if it is lost, revoke it and create a new one."
          onDone={close}
        >
          <p className="text-xs text-zinc-500 dark:text-zinc-400">
            <span className="font-medium text-zinc-700 dark:text-zinc-300">{created.name}</span> · role {created.role}
          </p>
          <KeyUsage apiKey={created.key} prompt={examplePrompt} />
        </SecretShownOnce>
      ) : (
        <form noValidate onSubmit={form.handleSubmit((v) => create.mutate(v))} className="space-y-4">
          {failure ? <Alert>{failure}</Alert> : null}
          <Field id="key-name" label="Name" hint="Name it after what uses it, e.g. checkout-service. Each active key has a name of its own." error={errors.name?.message}>
            <Input {...fieldAria('key-name', errors.name?.message, true)} autoFocus autoComplete="off" {...form.register('name')} />
          </Field>
          <Field id="key-role" label="Role" error={errors.role?.message}>
            <Controller control={form.control} name="role" render={({ field }) => <RoleSelect id="key-role" value={field.value} onChange={field.onChange} />} />
          </Field>
          <DialogFooter>
            <Button onClick={close}>Cancel</Button>
            <Button type="submit" variant="primary" loading={create.isPending}>
              Create key
            </Button>
          </DialogFooter>
        </form>
      )}
    </Dialog>
  );
}

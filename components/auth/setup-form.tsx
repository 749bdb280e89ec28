'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useForm, useWatch } from 'react-hook-form';
import type { z } from 'zod';
import { SetupSchema } from '@/lib/auth/schemas';
import { api, isApiError, type ApiError } from '@/lib/client/api';
import { applyFieldIssues } from '@/lib/client/form';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Field, fieldAria } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { PasswordHint } from './password-hint';

type Values = z.input<typeof SetupSchema>;

export function SetupForm() {
  const router = useRouter();
  const form = useForm<Values, unknown, z.output<typeof SetupSchema>>({ resolver: zodResolver(SetupSchema), defaultValues: { name: '', email: '', password: '' } });
  const { errors } = form.formState;
  const [password, email, name] = useWatch({ control: form.control, name: ['password', 'email', 'name'] });
  const setup = useMutation<unknown, ApiError, z.output<typeof SetupSchema>>({
    mutationFn: (v) => api('POST /api/v1/auth/setup', { body: v }),
    onSuccess: () => {
      router.replace('/prompts');
      router.refresh();
    },
    onError: (e) => {
      if (isApiError(e)) applyFieldIssues(e, form.setError, ['name', 'email', 'password']);
    },
  });
  const failure = setup.error && setup.error.fieldIssues.length === 0 ? setup.error.message : null;

  return (
    <form onSubmit={form.handleSubmit((v) => setup.mutate(v))} noValidate className="space-y-4" aria-label="Create the first administrator">
      <div>
        <h1 className="text-lg font-semibold text-zinc-900 dark:text-zinc-50">Welcome to Promptdeck</h1>
        <p className="mt-1 text-sm text-zinc-500 dark:text-zinc-400">Create the first administrator account. You can invite your team afterwards.</p>
      </div>
      {failure ? <Alert>{failure}</Alert> : null}
      <Field id="name" label="Name" error={errors.name?.message}>
        <Input {...fieldAria('name', errors.name?.message)} autoComplete="name" autoFocus {...form.register('name')} />
      </Field>
      <Field id="email" label="Email" error={errors.email?.message}>
        <Input {...fieldAria('email', errors.email?.message)} type="email" autoComplete="email" {...form.register('email')} />
      </Field>
      <Field id="password" label="Password" hint={<PasswordHint password={password} related={[email, name]} />} error={errors.password?.message}>
        <Input {...fieldAria('password', errors.password?.message, true)} type="password" autoComplete="new-password" {...form.register('password')} />
      </Field>
      <Button type="submit" variant="primary" className="w-full" loading={setup.isPending || setup.isSuccess}>
        Create administrator
      </Button>
    </form>
  );
}

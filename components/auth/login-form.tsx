'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useForm } from 'react-hook-form';
import type { z } from 'zod';
import { LoginSchema } from '@/lib/auth/schemas';
import { api, isApiError, type ApiError } from '@/lib/client/api';
import { safeNext } from '@/lib/client/safe-next';
import { applyFieldIssues } from '@/lib/client/form';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Field, fieldAria } from '@/components/ui/field';
import { Input } from '@/components/ui/input';

type Values = z.input<typeof LoginSchema>;

/** Only same-site relative paths are followed after sign-in. */

export function LoginForm({ next }: { next?: string }) {
  const router = useRouter();
  const form = useForm<Values, unknown, z.output<typeof LoginSchema>>({ resolver: zodResolver(LoginSchema), defaultValues: { email: '', password: '' } });
  const { errors } = form.formState;
  const signIn = useMutation<unknown, ApiError, z.output<typeof LoginSchema>>({
    mutationFn: (v) => api('POST /api/v1/auth/session', { body: v }),
    onSuccess: () => {
      router.replace(safeNext(next));
      router.refresh();
    },
    onError: (e) => {
      if (isApiError(e)) applyFieldIssues(e, form.setError, ['email', 'password']);
    },
  });
  const failure = signIn.error
    ? signIn.error.status === 401
      ? 'Email or password is not correct.'
      : signIn.error.fieldIssues.length > 0
        ? null
        : signIn.error.message
    : null;

  return (
    <form onSubmit={form.handleSubmit((v) => signIn.mutate(v))} noValidate className="space-y-4" aria-label="Sign in">
      <div>
        <h1 className="text-lg font-semibold text-zinc-900 dark:text-zinc-50">Sign in</h1>
        <p className="mt-1 text-sm text-zinc-500 dark:text-zinc-400">Use the account an administrator created for you.</p>
      </div>
      {failure ? <Alert>{failure}</Alert> : null}
      <Field id="email" label="Email" error={errors.email?.message}>
        <Input {...fieldAria('email', errors.email?.message)} type="email" autoComplete="email" autoFocus {...form.register('email')} />
      </Field>
      <Field id="password" label="Password" error={errors.password?.message}>
        <Input {...fieldAria('password', errors.password?.message)} type="password" autoComplete="current-password" {...form.register('password')} />
      </Field>
      <Button type="submit" variant="primary" className="w-full" loading={signIn.isPending || signIn.isSuccess}>
        Sign in
      </Button>
    </form>
  );
}

'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { UserPlus } from 'lucide-react';
import { useRouter } from 'next/navigation';
import { Controller, useForm, useWatch } from 'react-hook-form';
import { toast } from 'sonner';
import type { z } from 'zod';
import { CreateUserSchema } from '@/lib/auth/schemas';
import type { UserDto } from '@/lib/auth/users';
import { applyFieldIssues } from '@/lib/client/form';
import { Button } from '@/components/ui/button';
import { api } from '@/lib/client/api';
import { FormDialog, useCreateDialog } from '@/components/ui/form-dialog';
import { Field, fieldAria } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { PasswordHint } from '@/components/auth/password-hint';
import { RoleSelect } from './role-select';

type In = z.input<typeof CreateUserSchema>;
type Out = z.output<typeof CreateUserSchema>;
const FIELDS = ['name', 'email', 'password', 'role'];

export function CreateUserDialog() {
  const router = useRouter();
  const form = useForm<In, unknown, Out>({ resolver: zodResolver(CreateUserSchema), defaultValues: { name: '', email: '', password: '', role: 'editor' } });
  const { errors } = form.formState;
  const [password, email, name] = useWatch({ control: form.control, name: ['password', 'email', 'name'] });
  const { open, setOpen, mutation, failure } = useCreateDialog<Out, UserDto>({
    create: (body) => api('POST /api/v1/users', { body }),
    onCreated: (u) => {
      toast.success(`Created ${u.email} (${u.role})`, { description: 'Share the password with them through a safe channel.' });
      form.reset();
      router.refresh();
    },
    onFieldErrors: (e) => (applyFieldIssues(e, form.setError, FIELDS), e.fieldIssues.length > 0),
  });
  return (
    <FormDialog
      open={open}
      setOpen={setOpen}
      trigger={
        <Button variant="primary">
          <UserPlus aria-hidden />
          Create user
        </Button>
      }
      title="Create user"
      description="They sign in with this email and password."
      onSubmit={form.handleSubmit((v) => mutation.mutate(v))}
      failure={failure}
      pending={mutation.isPending}
      submitLabel="Create user"
    >
      <Field id="user-name" label="Name" error={errors.name?.message}>
        <Input {...fieldAria('user-name', errors.name?.message)} autoFocus autoComplete="off" {...form.register('name')} />
      </Field>
      <Field id="user-email" label="Email" error={errors.email?.message}>
        <Input {...fieldAria('user-email', errors.email?.message)} type="email" autoComplete="off" {...form.register('email')} />
      </Field>
      <Field id="user-password" label="Initial password" hint={<PasswordHint password={password} related={[email, name]} />} error={errors.password?.message}>
        <Input {...fieldAria('user-password', errors.password?.message, true)} type="password" autoComplete="new-password" {...form.register('password')} />
      </Field>
      <Field id="user-role" label="Role" error={errors.role?.message}>
        <Controller control={form.control} name="role" render={({ field }) => <RoleSelect id="user-role" value={field.value} onChange={field.onChange} />} />
      </Field>
    </FormDialog>
  );
}

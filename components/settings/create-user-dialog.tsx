'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation } from '@tanstack/react-query';
import { UserPlus } from 'lucide-react';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { toast } from 'sonner';
import type { z } from 'zod';
import { CreateUserSchema } from '@/lib/auth/schemas';
import type { UserDto } from '@/lib/auth/users';
import { api, isApiError, type ApiError } from '@/lib/client/api';
import { applyFieldIssues } from '@/lib/client/form';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Dialog, DialogFooter } from '@/components/ui/dialog';
import { Field, fieldAria } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { RoleSelect } from './role-select';

type In = z.input<typeof CreateUserSchema>;
type Out = z.output<typeof CreateUserSchema>;
const FIELDS = ['name', 'email', 'password', 'role'];

export function CreateUserDialog() {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const form = useForm<In, unknown, Out>({ resolver: zodResolver(CreateUserSchema), defaultValues: { name: '', email: '', password: '', role: 'editor' } });
  const { errors } = form.formState;
  const create = useMutation<UserDto, ApiError, Out>({
    mutationFn: (v) => api<UserDto>('POST', '/api/v1/users', v),
    onSuccess: (u) => {
      toast.success(`Created ${u.email} (${u.role})`, { description: 'Share the password with them through a safe channel.' });
      setOpen(false);
      form.reset();
      router.refresh();
    },
    onError: (e) => {
      if (isApiError(e)) applyFieldIssues(e, form.setError, FIELDS);
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
          <UserPlus aria-hidden />
          Create user
        </Button>
      }
      title="Create user"
      description="They sign in with this email and password."
    >
      <form noValidate onSubmit={form.handleSubmit((v) => create.mutate(v))} className="space-y-4">
        {failure ? <Alert>{failure}</Alert> : null}
        <Field id="user-name" label="Name" error={errors.name?.message}>
          <Input {...fieldAria('user-name', errors.name?.message)} autoFocus autoComplete="off" {...form.register('name')} />
        </Field>
        <Field id="user-email" label="Email" error={errors.email?.message}>
          <Input {...fieldAria('user-email', errors.email?.message)} type="email" autoComplete="off" {...form.register('email')} />
        </Field>
        <Field id="user-password" label="Initial password" hint="At least 8 characters." error={errors.password?.message}>
          <Input {...fieldAria('user-password', errors.password?.message, true)} type="password" autoComplete="new-password" {...form.register('password')} />
        </Field>
        <Field id="user-role" label="Role" error={errors.role?.message}>
          <Controller control={form.control} name="role" render={({ field }) => <RoleSelect id="user-role" value={field.value} onChange={field.onChange} />} />
        </Field>
        <DialogFooter>
          <Button onClick={() => setOpen(false)}>Cancel</Button>
          <Button type="submit" variant="primary" loading={create.isPending}>
            Create user
          </Button>
        </DialogFooter>
      </form>
    </Dialog>
  );
}

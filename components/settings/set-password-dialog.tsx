'use client';

import { useMutation } from '@tanstack/react-query';
import { KeyRound } from 'lucide-react';
import { useState } from 'react';
import { toast } from 'sonner';
import type { UserDto } from '@/lib/auth/users';
import { api, type ApiError } from '@/lib/client/api';
import { PasswordHint } from '@/components/auth/password-hint';
import { Button } from '@/components/ui/button';
import { FormDialog } from '@/components/ui/form-dialog';
import { Field, fieldAria } from '@/components/ui/field';
import { Input } from '@/components/ui/input';

/** Admin: set a user's password (they are signed out everywhere); weak passwords are refused. */
export function SetPasswordDialog({ user }: { user: UserDto }) {
  const [open, setOpen] = useState(false);
  const [password, setPassword] = useState('');
  const save = useMutation<UserDto, ApiError, string>({
    mutationFn: (p) => api('PATCH /api/v1/users/{id}', { params: { id: user.id }, body: { password: p } }),
    onSuccess: () => {
      toast.success(`Set a new password for ${user.email}`, { description: 'They were signed out everywhere.' });
      setOpen(false);
      setPassword('');
    },
  });
  const fieldError = save.error?.fieldIssues.find((i) => i.path === 'password')?.message;
  const id = `password-${user.id}`;
  return (
    <FormDialog
      open={open}
      setOpen={(o) => {
        setOpen(o);
        if (!o) save.reset();
      }}
      trigger={
        <Button size="sm" aria-label={`Set password of ${user.email}`}>
          <KeyRound aria-hidden />
          Password
        </Button>
      }
      title={`Set password of ${user.email}`}
      description="They will be signed out everywhere and sign in with the new password."
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate(password);
      }}
      failure={save.error && !fieldError ? save.error.message : null}
      pending={save.isPending}
      submitLabel="Set password"
    >
      <Field id={id} label="New password" hint={<PasswordHint password={password} related={[user.email, user.name]} />} error={fieldError}>
        <Input {...fieldAria(id, fieldError, true)} type="password" autoComplete="new-password" autoFocus value={password} onChange={(e) => setPassword(e.target.value)} />
      </Field>
    </FormDialog>
  );
}

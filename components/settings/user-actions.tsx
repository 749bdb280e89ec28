'use client';

import { useMutation } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { toast } from 'sonner';
import { ROLES, type Role } from '@/lib/auth/roles';
import type { UserDto } from '@/lib/auth/users';
import { api, errorMessage, type ApiError } from '@/lib/client/api';
import { Button } from '@/components/ui/button';
import { ConfirmCancel, ConfirmDialog } from '@/components/ui/dialog';
import { Select } from '@/components/ui/input';

function usePatchUser(user: UserDto) {
  const router = useRouter();
  return useMutation<UserDto, ApiError, { role?: Role; disabled?: boolean }>({
    mutationFn: (body) => api('PATCH /api/v1/users/{id}', { params: { id: user.id }, body }),
    onSuccess: (u, body) => {
      toast.success(body.role ? `${u.email} is now ${u.role}` : u.disabled ? `Disabled ${u.email}` : `Enabled ${u.email}`);
      router.refresh();
    },
    onError: (e) => {
      toast.error(errorMessage(e));
      router.refresh();
    },
  });
}

export function UserRoleSelect({ user, isSelf }: { user: UserDto; isSelf: boolean }) {
  const patch = usePatchUser(user);
  return (
    <Select
      aria-label={`Role of ${user.email}`}
      value={user.role}
      disabled={isSelf || patch.isPending}
      title={isSelf ? 'You cannot change your own role; ask another admin.' : undefined}
      onChange={(e) => patch.mutate({ role: e.target.value as Role })}
      className="w-32"
    >
      {ROLES.map((r) => (
        <option key={r} value={r}>
          {r}
        </option>
      ))}
    </Select>
  );
}

export function UserStatusAction({ user, isSelf }: { user: UserDto; isSelf: boolean }) {
  const patch = usePatchUser(user);
  const [open, setOpen] = useState(false);
  if (isSelf) return <span className="text-xs text-zinc-400">you</span>;
  if (user.disabled) {
    return (
      <Button size="sm" onClick={() => patch.mutate({ disabled: false })} loading={patch.isPending} aria-label={`Enable ${user.email}`}>
        Enable
      </Button>
    );
  }
  return (
    <ConfirmDialog
      open={open}
      onOpenChange={setOpen}
      trigger={
        <Button size="sm" variant="danger-outline" aria-label={`Disable ${user.email}`}>
          Disable
        </Button>
      }
      title={`Disable ${user.email}?`}
      description="They are signed out everywhere and cannot sign in until re-enabled. Their history stays."
    >
      <div className="flex justify-end gap-2">
        <ConfirmCancel asChild>
          <Button>Cancel</Button>
        </ConfirmCancel>
        <Button variant="danger" loading={patch.isPending} onClick={() => patch.mutate({ disabled: true }, { onSettled: () => setOpen(false) })}>
          Disable user
        </Button>
      </div>
    </ConfirmDialog>
  );
}

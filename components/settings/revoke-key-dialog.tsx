'use client';

import { useMutation } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { toast } from 'sonner';
import type { ApiKeyDto } from '@/lib/auth/api-keys';
import { api, errorMessage, type ApiError } from '@/lib/client/api';
import { Button } from '@/components/ui/button';
import { ConfirmCancel, ConfirmDialog } from '@/components/ui/dialog';

export function RevokeKeyDialog({ apiKey }: { apiKey: ApiKeyDto }) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const revoke = useMutation<ApiKeyDto, ApiError, void>({
    mutationFn: () => api('DELETE /api/v1/api-keys/{id}', { params: { id: apiKey.id } }),
    onSuccess: () => {
      toast.success(`Revoked ${apiKey.name}`);
      setOpen(false);
      router.refresh();
    },
    onError: (e) => toast.error(errorMessage(e)),
  });
  return (
    <ConfirmDialog
      open={open}
      onOpenChange={setOpen}
      trigger={
        <Button size="sm" variant="danger-outline" aria-label={`Revoke ${apiKey.name}`}>
          Revoke
        </Button>
      }
      title={`Revoke ${apiKey.name}?`}
      description="Requests with this key are refused within a few seconds. This cannot be undone."
    >
      <div className="flex justify-end gap-2">
        <ConfirmCancel asChild>
          <Button>Cancel</Button>
        </ConfirmCancel>
        <Button variant="danger" loading={revoke.isPending} onClick={() => revoke.mutate()}>
          Revoke key
        </Button>
      </div>
    </ConfirmDialog>
  );
}

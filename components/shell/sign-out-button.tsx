'use client';

import { useMutation } from '@tanstack/react-query';
import { LogOut } from 'lucide-react';
import { useRouter } from 'next/navigation';
import { toast } from 'sonner';
import { api, errorMessage } from '@/lib/client/api';
import { Button } from '@/components/ui/button';

export function SignOutButton() {
  const router = useRouter();
  const signOut = useMutation({
    mutationFn: () => api('DELETE /api/v1/auth/session'),
    onSuccess: () => {
      router.push('/login');
      router.refresh();
    },
    onError: (e) => toast.error(errorMessage(e)),
  });
  return (
    <Button variant="ghost" size="sm" onClick={() => signOut.mutate()} loading={signOut.isPending}>
      {signOut.isPending ? null : <LogOut aria-hidden />}
      Sign out
    </Button>
  );
}

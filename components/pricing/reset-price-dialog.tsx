'use client';

import { useMutation } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { toast } from 'sonner';
import type { Price } from '@/lib/aws/pricing';
import { api, errorMessage, type ApiError } from '@/lib/client/api';
import { Button } from '@/components/ui/button';
import { ConfirmCancel, ConfirmDialog } from '@/components/ui/dialog';

/** Drops an admin's price: back to the built-in one, or no price (no cost) for other models. */
export function ResetPriceDialog({ price, builtIn }: { price: Price; builtIn: boolean }) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const reset = useMutation<void, ApiError, void>({
    mutationFn: () => api('DELETE /api/v1/settings/prices/{modelId}', { params: { modelId: price.modelId } }),
    onSuccess: () => {
      toast.success(builtIn ? `${price.modelId} is back to the built-in price` : `Removed the price of ${price.modelId}`);
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
        <Button size="sm" variant="ghost" aria-label={`Reset the price of ${price.modelId}`}>
          {builtIn ? 'Reset' : 'Remove'}
        </Button>
      }
      title={builtIn ? `Reset ${price.modelId} to the built-in price?` : `Remove the price of ${price.modelId}?`}
      description={builtIn ? 'New invocations are costed with the built-in price again.' : 'New invocations of this model will have no cost.'}
    >
      <div className="flex justify-end gap-2">
        <ConfirmCancel asChild>
          <Button>Cancel</Button>
        </ConfirmCancel>
        <Button variant="danger" loading={reset.isPending} onClick={() => reset.mutate()}>
          {builtIn ? 'Reset price' : 'Remove price'}
        </Button>
      </div>
    </ConfirmDialog>
  );
}

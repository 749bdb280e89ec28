'use client';

import { useMutation } from '@tanstack/react-query';
import { useState, type FormEventHandler, type ReactNode } from 'react';
import { isApiError, type ApiError } from '@/lib/client/api';
import { Alert } from './alert';
import { Button } from './button';
import { Dialog, DialogFooter } from './dialog';

/**
 * The mechanics every "create something" dialog shares: open state, the POST (`create`, a typed
 * `api('POST /api/v1/...')` call), field errors
 * from the API placed on the form (`onFieldErrors`), and any other error shown in the dialog.
 * Closing the dialog forgets the last error.
 */
export function useCreateDialog<TIn, TOut>({
  create,
  onCreated,
  onFieldErrors,
}: {
  create: (input: TIn) => Promise<TOut>;
  onCreated: (created: TOut) => void;
  /** Puts an API error on the form's fields; true when it did (then no banner is shown). */
  onFieldErrors: (error: ApiError) => boolean;
}) {
  const [open, setOpenState] = useState(false);
  const [onFields, setOnFields] = useState(false);
  const mutation = useMutation<TOut, ApiError, TIn>({
    mutationFn: create,
    onSuccess: (created) => {
      setOpenState(false);
      onCreated(created);
    },
    onError: (e) => setOnFields(isApiError(e) && onFieldErrors(e)),
  });
  const setOpen = (o: boolean) => {
    setOpenState(o);
    if (!o) mutation.reset();
  };
  const failure = mutation.error && !onFields ? mutation.error.message : null;
  return { open, setOpen, mutation, failure };
}

export function FormDialog({
  open,
  setOpen,
  trigger,
  title,
  description,
  onSubmit,
  failure,
  pending,
  submitLabel,
  children,
}: {
  open: boolean;
  setOpen: (open: boolean) => void;
  trigger: ReactNode;
  title: string;
  description: string;
  onSubmit: FormEventHandler<HTMLFormElement>;
  failure: string | null;
  pending: boolean;
  submitLabel: string;
  children: ReactNode;
}) {
  return (
    <Dialog open={open} onOpenChange={setOpen} trigger={trigger} title={title} description={description}>
      <form noValidate onSubmit={onSubmit} className="space-y-4">
        {failure ? <Alert>{failure}</Alert> : null}
        {children}
        <DialogFooter>
          <Button onClick={() => setOpen(false)}>Cancel</Button>
          <Button type="submit" variant="primary" loading={pending}>
            {submitLabel}
          </Button>
        </DialogFooter>
      </form>
    </Dialog>
  );
}

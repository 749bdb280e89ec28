'use client';

import { useState, type ReactNode } from 'react';
import { Alert } from './alert';
import { Button } from './button';
import { CopyButton } from './copy-button';
import { DialogFooter } from './dialog';
import { Input } from './input';

/**
 * "Create, then show the secret once": a dialog that creates something (an API key, a webhook)
 * with a mutation, then shows what it created (the mutation's data, with its secret) a single
 * time. Closing the dialog, however it is closed, forgets it (resets the mutation) and calls
 * `resetForm`.
 */
export function useSecretDialog(mutation: { reset: () => void }, resetForm: () => void) {
  const [open, setOpen] = useState(false);
  const onOpenChange = (o: boolean) => {
    setOpen(o);
    if (!o) {
      mutation.reset();
      resetForm();
    }
  };
  return { open, onOpenChange, close: () => onOpenChange(false) };
}

/** The once-only view: a warning, the secret read-only with a copy button, `children`, Done. */
export function SecretShownOnce({
  value,
  label,
  copyLabel,
  testId,
  warningTitle,
  warning,
  onDone,
  children,
}: {
  value: string;
  /** The field's accessible name, e.g. "New API key". */
  label: string;
  copyLabel: string;
  testId: string;
  warningTitle: string;
  warning: ReactNode;
  onDone: () => void;
  children?: ReactNode;
}) {
  return (
    <div className="space-y-4">
      <Alert tone="warning" title={warningTitle}>
        {warning}
      </Alert>
      <div className="flex items-center gap-2">
        <Input readOnly value={value} aria-label={label} className="font-mono text-xs" onFocus={(e) => e.currentTarget.select()} data-testid={testId} />
        <CopyButton value={value} label={copyLabel} />
      </div>
      {children}
      <DialogFooter>
        <Button variant="primary" onClick={onDone}>
          Done
        </Button>
      </DialogFooter>
    </div>
  );
}

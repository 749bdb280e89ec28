'use client';

import { AlertDialog as RAlert, Dialog as RDialog } from 'radix-ui';
import { X } from 'lucide-react';
import type { ReactNode } from 'react';
import { cn } from '@/lib/client/cn';

const overlay = 'fixed inset-0 z-50 bg-zinc-950/40 backdrop-blur-[2px] data-[state=open]:animate-in dark:bg-black/60';
const panel =
  'fixed top-[12vh] left-1/2 z-50 w-[calc(100vw-2rem)] -translate-x-1/2 rounded-xl border border-zinc-200 bg-white shadow-2xl outline-none dark:border-zinc-800 dark:bg-zinc-900';

/** Modal dialog: traps focus, Esc closes, focus returns to the trigger. */
export function Dialog({
  open,
  onOpenChange,
  trigger,
  title,
  description,
  children,
  className,
}: {
  open?: boolean;
  onOpenChange?: (open: boolean) => void;
  trigger?: ReactNode;
  title: ReactNode;
  description?: ReactNode;
  children: ReactNode;
  className?: string;
}) {
  return (
    <RDialog.Root open={open} onOpenChange={onOpenChange}>
      {trigger ? <RDialog.Trigger asChild>{trigger}</RDialog.Trigger> : null}
      <RDialog.Portal>
        <RDialog.Overlay className={overlay} />
        <RDialog.Content className={cn(panel, 'max-h-[80vh] max-w-lg overflow-y-auto', className)}>
          <div className="flex items-start justify-between gap-4 px-5 pt-5">
            <div>
              <RDialog.Title className="text-base font-semibold text-zinc-900 dark:text-zinc-50">{title}</RDialog.Title>
              {description ? (
                <RDialog.Description className="mt-1 text-sm text-zinc-500 dark:text-zinc-400">{description}</RDialog.Description>
              ) : (
                <RDialog.Description className="sr-only">{typeof title === 'string' ? title : 'Dialog'}</RDialog.Description>
              )}
            </div>
            <RDialog.Close className="-mt-1 -mr-1 rounded-md p-1 text-zinc-400 hover:bg-zinc-100 hover:text-zinc-700 dark:hover:bg-zinc-800 dark:hover:text-zinc-200" aria-label="Close">
              <X className="size-4" />
            </RDialog.Close>
          </div>
          <div className="px-5 pt-4 pb-5">{children}</div>
        </RDialog.Content>
      </RDialog.Portal>
    </RDialog.Root>
  );
}

/** The dialog's buttons. `sticky`: stays in view at the bottom while a long dialog body scrolls. */
export function DialogFooter({ children, className, sticky }: { children: ReactNode; className?: string; sticky?: boolean }) {
  return (
    <div
      className={cn(
        'mt-5 flex items-center justify-end gap-2',
        sticky && 'sticky bottom-0 z-10 -mx-5 -mb-5 border-t border-zinc-200 bg-white px-5 py-3 dark:border-zinc-800 dark:bg-zinc-900',
        className,
      )}
    >
      {children}
    </div>
  );
}

export const DialogClose = RDialog.Close;

/** Confirmation dialog (role="alertdialog"): focus starts on Cancel. */
export function ConfirmDialog({
  open,
  onOpenChange,
  trigger,
  title,
  description,
  children,
}: {
  open?: boolean;
  onOpenChange?: (open: boolean) => void;
  trigger?: ReactNode;
  title: ReactNode;
  description?: ReactNode;
  children: ReactNode;
}) {
  return (
    <RAlert.Root open={open} onOpenChange={onOpenChange}>
      {trigger ? <RAlert.Trigger asChild>{trigger}</RAlert.Trigger> : null}
      <RAlert.Portal>
        <RAlert.Overlay className={overlay} />
        <RAlert.Content className={cn(panel, 'max-w-md p-5')}>
          <RAlert.Title className="text-base font-semibold text-zinc-900 dark:text-zinc-50">{title}</RAlert.Title>
          {description ? (
            <RAlert.Description className="mt-1.5 text-sm text-zinc-600 dark:text-zinc-400">{description}</RAlert.Description>
          ) : (
            <RAlert.Description className="sr-only">{typeof title === 'string' ? title : 'Confirm'}</RAlert.Description>
          )}
          <div className="mt-4">{children}</div>
        </RAlert.Content>
      </RAlert.Portal>
    </RAlert.Root>
  );
}

export const ConfirmCancel = RAlert.Cancel;

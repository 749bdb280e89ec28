'use client';

import { useRouter } from 'next/navigation';
import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import { Button } from '@/components/ui/button';
import { ConfirmCancel, ConfirmDialog } from '@/components/ui/dialog';

/** An in-app link that leaves this page (same origin, plain left click, another path or query). */
function leavingLink(e: MouseEvent): string | null {
  if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return null;
  const a = (e.target as Element | null)?.closest?.('a[href]');
  if (!(a instanceof HTMLAnchorElement) || (a.target && a.target !== '_self') || a.hasAttribute('download')) return null;
  const url = new URL(a.href, window.location.href);
  if (url.origin !== window.location.origin) return null;
  if (url.pathname === window.location.pathname && url.search === window.location.search) return null;
  return `${url.pathname}${url.search}${url.hash}`;
}

/**
 * Warns before unsaved edits are left behind: a reload or closing the tab (the browser's own
 * prompt), a click on any link of the app (sidebar, breadcrumbs, Cancel), and the back button
 * (a guard entry in the history catches it). Returns the confirmation dialog to render, and
 * `leave(href)` for code that navigates on purpose after saving.
 */
export function useLeaveGuard(active: boolean, what = 'Your edits are not saved.'): { dialog: ReactNode; release: () => boolean } {
  const router = useRouter();
  const [pending, setPending] = useState<{ href: string | null } | null>(null);
  const guardPushed = useRef(false);
  const activeRef = useRef(active);
  useEffect(() => {
    activeRef.current = active;
  }, [active]);

  useEffect(() => {
    if (!active) return;
    const onBeforeUnload = (e: BeforeUnloadEvent) => {
      e.preventDefault();
      e.returnValue = '';
    };
    const onClick = (e: MouseEvent) => {
      const href = leavingLink(e);
      if (!href) return;
      e.preventDefault();
      e.stopPropagation();
      setPending({ href });
    };
    // Back button: an extra entry for this page; going back lands on the real one, and asks.
    if (!guardPushed.current) {
      window.history.pushState(window.history.state, '', window.location.href);
      guardPushed.current = true;
    }
    const onPopState = () => {
      if (!activeRef.current || !guardPushed.current) return;
      guardPushed.current = false;
      setPending({ href: null });
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    document.addEventListener('click', onClick, true);
    window.addEventListener('popstate', onPopState);
    return () => {
      window.removeEventListener('beforeunload', onBeforeUnload);
      document.removeEventListener('click', onClick, true);
      window.removeEventListener('popstate', onPopState);
    };
  }, [active]);

  const stay = useCallback(() => {
    if (pending?.href === null && activeRef.current) {
      window.history.pushState(window.history.state, '', window.location.href);
      guardPushed.current = true;
    }
    setPending(null);
  }, [pending]);

  const leave = useCallback(() => {
    const target = pending;
    setPending(null);
    activeRef.current = false;
    if (!target) return;
    if (target.href === null) window.history.back();
    else router.push(target.href);
  }, [pending, router]);

  /** Stop guarding (after a save). True when a guard entry sits in the history (replace it, do not push). */
  const release = useCallback(() => {
    activeRef.current = false;
    return guardPushed.current;
  }, []);

  const dialog = (
    <ConfirmDialog
      open={pending !== null}
      onOpenChange={(o) => {
        if (!o) stay();
      }}
      title="Leave without saving?"
      description={`${what} They are kept in this browser as a draft and come back when you open the editor again.`}
    >
      <div className="flex justify-end gap-2" data-testid="leave-guard">
        <ConfirmCancel asChild>
          <Button variant="primary">Stay and keep editing</Button>
        </ConfirmCancel>
        <Button variant="danger-outline" onClick={leave}>
          Leave
        </Button>
      </div>
    </ConfirmDialog>
  );
  return { dialog, release };
}

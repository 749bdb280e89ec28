'use client';

import { Dialog as RDialog } from 'radix-ui';
import { Menu, X } from 'lucide-react';
import { usePathname } from 'next/navigation';
import { useState, type ReactNode } from 'react';

/**
 * Below 768 px the sidebar is a drawer behind a menu button: the same navigation, plus what the
 * header has no room for (environment, account, sign out). It closes when a page is chosen.
 */
export function MobileNav({ children }: { children: ReactNode }) {
  const pathname = usePathname();
  const [openAt, setOpenAt] = useState<string | null>(null);
  // Open for the page it was opened on: navigating elsewhere closes it.
  const open = openAt !== null && openAt === pathname;
  return (
    <RDialog.Root open={open} onOpenChange={(o) => setOpenAt(o ? pathname : null)}>
      <RDialog.Trigger asChild>
        <button type="button" aria-label="Open menu" className="-ml-1 inline-flex size-9 items-center justify-center rounded-md text-zinc-700 hover:bg-zinc-100 focus-visible:outline-2 focus-visible:outline-indigo-500 md:hidden dark:text-zinc-300 dark:hover:bg-zinc-800" data-testid="menu-button">
          <Menu className="size-5" aria-hidden />
        </button>
      </RDialog.Trigger>
      <RDialog.Portal>
        <RDialog.Overlay className="fixed inset-0 z-50 bg-zinc-950/40 backdrop-blur-[2px] md:hidden dark:bg-black/60" />
        <RDialog.Content
          className="fixed inset-y-0 left-0 z-50 flex w-72 max-w-[85vw] flex-col overflow-y-auto border-r border-zinc-200 bg-zinc-50 px-3 py-4 shadow-2xl outline-none md:hidden dark:border-zinc-800 dark:bg-zinc-900"
          aria-describedby={undefined}
          data-testid="mobile-nav"
        >
          <RDialog.Title className="sr-only">Menu</RDialog.Title>
          <RDialog.Close aria-label="Close menu" className="absolute top-3 right-3 rounded-md p-1.5 text-zinc-500 hover:bg-zinc-200/70 hover:text-zinc-900 dark:hover:bg-zinc-800 dark:hover:text-zinc-100">
            <X className="size-4" aria-hidden />
          </RDialog.Close>
          {children}
        </RDialog.Content>
      </RDialog.Portal>
    </RDialog.Root>
  );
}

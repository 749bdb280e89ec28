'use client';

import { Tooltip as RTooltip } from 'radix-ui';
import type { ReactNode } from 'react';

/** Hover/focus tooltip. The trigger must be focusable or wrap text (it becomes the trigger via asChild). */
export function Tooltip({ content, children, side = 'top' }: { content: ReactNode; children: ReactNode; side?: 'top' | 'bottom' | 'left' | 'right' }) {
  return (
    <RTooltip.Provider delayDuration={250} skipDelayDuration={100}>
      <RTooltip.Root>
        <RTooltip.Trigger asChild>{children}</RTooltip.Trigger>
        <RTooltip.Portal>
          <RTooltip.Content
            side={side}
            sideOffset={6}
            className="z-50 max-w-sm rounded-md bg-zinc-900 px-2 py-1 text-xs text-zinc-50 shadow-lg dark:bg-zinc-100 dark:text-zinc-900"
          >
            {content}
            <RTooltip.Arrow className="fill-zinc-900 dark:fill-zinc-100" />
          </RTooltip.Content>
        </RTooltip.Portal>
      </RTooltip.Root>
    </RTooltip.Provider>
  );
}

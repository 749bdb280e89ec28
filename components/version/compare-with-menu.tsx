'use client';

import { DropdownMenu } from 'radix-ui';
import { ChevronDown, GitCompareArrows } from 'lucide-react';
import Link from 'next/link';
import { Button } from '@/components/ui/button';

/** "Compare with…" → a menu of the other versions. */
export function CompareWithMenu({ prompt, version, latestVersion }: { prompt: string; version: number; latestVersion: number }) {
  const others = Array.from({ length: latestVersion }, (_, i) => latestVersion - i).filter((n) => n !== version);
  if (others.length === 0) return null;
  return (
    <DropdownMenu.Root>
      <DropdownMenu.Trigger asChild>
        <Button>
          <GitCompareArrows aria-hidden />
          Compare with…
          <ChevronDown aria-hidden />
        </Button>
      </DropdownMenu.Trigger>
      <DropdownMenu.Portal>
        <DropdownMenu.Content align="end" sideOffset={6} className="z-50 max-h-72 min-w-40 overflow-y-auto rounded-lg border border-zinc-200 bg-white p-1 shadow-lg dark:border-zinc-800 dark:bg-zinc-900">
          <DropdownMenu.Label className="px-2 py-1.5 text-xs text-zinc-500 dark:text-zinc-400">Compare v{version} with</DropdownMenu.Label>
          {others.map((n) => (
            <DropdownMenu.Item key={n} asChild>
              <Link
                href={`/prompts/${prompt}/compare?a=${Math.min(n, version)}&b=${Math.max(n, version)}`}
                className="flex cursor-pointer items-center justify-between rounded-md px-2 py-1.5 font-mono text-sm text-zinc-800 outline-none data-[highlighted]:bg-indigo-50 data-[highlighted]:text-indigo-700 dark:text-zinc-200 dark:data-[highlighted]:bg-indigo-500/15 dark:data-[highlighted]:text-indigo-300"
              >
                v{n}
                {n === latestVersion ? <span className="font-sans text-xs text-zinc-400">latest</span> : null}
              </Link>
            </DropdownMenu.Item>
          ))}
        </DropdownMenu.Content>
      </DropdownMenu.Portal>
    </DropdownMenu.Root>
  );
}

'use client';

import { ArrowLeftRight } from 'lucide-react';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { cn } from '@/lib/client/cn';
import { Button } from '@/components/ui/button';
import { Select } from '@/components/ui/input';

const href = (prompt: string, a: number, b: number, view: string) => `/prompts/${prompt}/compare?a=${a}&b=${b}${view === 'unified' ? '&view=unified' : ''}`;

export function VersionPickers({ prompt, a, b, latest, view }: { prompt: string; a: number; b: number; latest: number; view: 'split' | 'unified' }) {
  const router = useRouter();
  const versions = Array.from({ length: latest }, (_, i) => latest - i);
  const picker = (id: string, label: string, value: number, onPick: (n: number) => void) => (
    <div className="flex items-center gap-2">
      <label htmlFor={id} className="text-xs font-medium text-zinc-500 dark:text-zinc-400">
        {label}
      </label>
      <Select id={id} value={String(value)} onChange={(e) => onPick(Number(e.target.value))} className="w-28 font-mono">
        {versions.map((n) => (
          <option key={n} value={n}>
            v{n}
          </option>
        ))}
      </Select>
    </div>
  );
  return (
    <div className="flex flex-wrap items-center gap-3">
      {picker('compare-a', 'Base', a, (n) => router.push(href(prompt, n, b, view)))}
      <Button size="icon" variant="ghost" aria-label="Swap versions" onClick={() => router.push(href(prompt, b, a, view))}>
        <ArrowLeftRight aria-hidden />
      </Button>
      {picker('compare-b', 'Compare', b, (n) => router.push(href(prompt, a, n, view)))}
      <div role="group" aria-label="Diff layout" className="ml-auto flex rounded-md border border-zinc-200 bg-zinc-100/60 p-0.5 dark:border-zinc-800 dark:bg-zinc-900">
        {(['split', 'unified'] as const).map((v) => (
          <Link
            key={v}
            href={href(prompt, a, b, v)}
            aria-current={view === v ? 'true' : undefined}
            className={cn(
              'rounded px-2.5 py-1 text-xs font-medium text-zinc-600 dark:text-zinc-400',
              view === v && 'bg-white text-zinc-900 shadow-xs dark:bg-zinc-700 dark:text-zinc-50',
            )}
          >
            {v === 'split' ? 'Side by side' : 'Unified'}
          </Link>
        ))}
      </div>
    </div>
  );
}

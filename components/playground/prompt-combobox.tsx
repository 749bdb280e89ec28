'use client';

import { useQuery } from '@tanstack/react-query';
import { Check, ChevronsUpDown, Search } from 'lucide-react';
import { useEffect, useId, useRef, useState } from 'react';
import { api } from '@/lib/client/api';
import { cn } from '@/lib/client/cn';

/** A searchable prompt picker (combobox): type to filter, arrows to move, Enter to choose. */
export function PromptCombobox({ value, onChange }: { value: string | null; onChange: (name: string) => void }) {
  const [open, setOpen] = useState(false);
  const [q, setQ] = useState('');
  const [debounced, setDebounced] = useState('');
  const [active, setActive] = useState(0);
  const listId = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const rootRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const t = setTimeout(() => setDebounced(q.trim()), 150);
    return () => clearTimeout(t);
  }, [q]);

  const list = useQuery({
    queryKey: ['prompts', 'picker', debounced],
    queryFn: () => api('GET /api/v1/prompts', { query: { limit: 200, q: debounced || undefined } }),
    enabled: open,
    placeholderData: (prev) => prev,
  });
  const items = list.data?.items ?? [];

  useEffect(() => {
    if (!open) return;
    const onDown = (e: MouseEvent) => {
      if (!rootRef.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('mousedown', onDown);
    return () => document.removeEventListener('mousedown', onDown);
  }, [open]);

  const choose = (name: string) => {
    onChange(name);
    setOpen(false);
    setQ('');
  };
  const optionId = (i: number) => `${listId}-opt-${i}`;

  return (
    <div ref={rootRef} className="relative">
      <div className="relative">
        <Search className="pointer-events-none absolute top-1/2 left-3 size-4 -translate-y-1/2 text-zinc-400" aria-hidden />
        <input
          ref={inputRef}
          id="playground-prompt"
          role="combobox"
          aria-expanded={open}
          aria-controls={listId}
          aria-autocomplete="list"
          aria-activedescendant={open && items[active] ? optionId(active) : undefined}
          autoComplete="off"
          spellCheck={false}
          placeholder={value ?? 'Search prompts…'}
          value={open ? q : (value ?? '')}
          onFocus={() => setOpen(true)}
          onClick={() => setOpen(true)}
          onChange={(e) => {
            setQ(e.target.value);
            setActive(0);
            setOpen(true);
          }}
          onKeyDown={(e) => {
            if (e.key === 'ArrowDown') {
              e.preventDefault();
              setOpen(true);
              setActive((a) => Math.min(a + 1, Math.max(items.length - 1, 0)));
            } else if (e.key === 'ArrowUp') {
              e.preventDefault();
              setActive((a) => Math.max(a - 1, 0));
            } else if (e.key === 'Enter' && open && items[active]) {
              e.preventDefault();
              choose(items[active].name);
            } else if (e.key === 'Escape') {
              setOpen(false);
              setQ('');
            }
          }}
          className="h-9 w-full rounded-md border border-zinc-300 bg-white pr-8 pl-9 font-mono text-sm text-zinc-900 shadow-xs placeholder:font-sans placeholder:text-zinc-400 focus-visible:border-indigo-500 focus-visible:outline-2 focus-visible:outline-indigo-500/40 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100"
        />
        <ChevronsUpDown className="pointer-events-none absolute top-1/2 right-2.5 size-4 -translate-y-1/2 text-zinc-400" aria-hidden />
      </div>
      {open ? (
        <ul
          id={listId}
          role="listbox"
          aria-label="Prompts"
          className="absolute z-40 mt-1 max-h-80 w-full min-w-72 overflow-y-auto rounded-lg border border-zinc-200 bg-white p-1 shadow-lg dark:border-zinc-800 dark:bg-zinc-900"
        >
          {items.length === 0 ? (
            <li className="px-3 py-2 text-sm text-zinc-500 dark:text-zinc-400">{list.isLoading ? 'Loading…' : list.isError ? 'Could not load prompts.' : 'No prompt matches.'}</li>
          ) : (
            items.map((p, i) => (
              <li
                key={p.name}
                id={optionId(i)}
                role="option"
                aria-selected={p.name === value}
                onMouseDown={(e) => e.preventDefault()}
                onMouseEnter={() => setActive(i)}
                onClick={() => choose(p.name)}
                className={cn('flex cursor-pointer items-start gap-2 rounded-md px-2 py-1.5', i === active ? 'bg-indigo-50 dark:bg-indigo-500/15' : '')}
              >
                <Check className={cn('mt-0.5 size-4 shrink-0 text-indigo-600 dark:text-indigo-400', p.name === value ? '' : 'invisible')} aria-hidden />
                <span className="min-w-0">
                  <span className="block font-mono text-sm text-zinc-900 dark:text-zinc-100">{p.name}</span>
                  {p.description ? <span className="block truncate text-xs text-zinc-500 dark:text-zinc-400">{p.description}</span> : null}
                </span>
                <span className="ml-auto shrink-0 font-mono text-xs text-zinc-400">{p.latestVersion ? `v${p.latestVersion}` : 'empty'}</span>
              </li>
            ))
          )}
        </ul>
      ) : null}
    </div>
  );
}

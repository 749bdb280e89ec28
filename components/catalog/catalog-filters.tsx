'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { Archive, Check, Search, X } from 'lucide-react';
import { useEffect, useRef, useState } from 'react';
import { cn } from '@/lib/client/cn';
import { Input } from '@/components/ui/input';

import { catalogHref, type CatalogQuery } from './catalog-href';

export { catalogHref, type CatalogQuery };

const pill = 'inline-flex items-center gap-1 rounded-full border px-2.5 py-0.5 text-xs font-medium transition-colors focus-visible:outline-2 focus-visible:outline-indigo-500';
const on = 'border-indigo-600 bg-indigo-600 text-white dark:border-indigo-500 dark:bg-indigo-500';
const off = 'border-zinc-200 bg-white text-zinc-600 hover:border-zinc-300 hover:text-zinc-900 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-300 dark:hover:border-zinc-600';

/** Search box, tag pills (several at once: prompts with all of them) and "show archived"; all state lives in the URL. */
export function CatalogFilters({ query, tags }: { query: CatalogQuery; tags: string[] }) {
  const router = useRouter();
  const [text, setText] = useState(query.q ?? '');
  const first = useRef(true);
  const selected = query.tags ?? [];
  const rest = { tags: selected, archived: query.archived };

  // Search as you type (debounced); Enter searches at once.
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    const t = setTimeout(() => router.replace(catalogHref({ ...rest, q: text.trim() || undefined })), 300);
    return () => clearTimeout(t);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `rest` is derived from the URL, which this effect changes
  }, [text, router]);

  const toggle = (t: string) => catalogHref({ q: query.q, archived: query.archived, tags: selected.includes(t) ? selected.filter((x) => x !== t) : [...selected, t] });

  return (
    <div className="mb-4 space-y-3">
      <div className="flex flex-wrap items-center gap-3">
        <form
          role="search"
          onSubmit={(e) => {
            e.preventDefault();
            router.replace(catalogHref({ ...rest, q: text.trim() || undefined }));
          }}
          className="relative w-full max-w-md"
        >
          <Search className="pointer-events-none absolute top-1/2 left-3 size-4 -translate-y-1/2 text-zinc-400" aria-hidden />
          <Input type="search" name="q" aria-label="Search prompts" placeholder="Search by name or description…" value={text} onChange={(e) => setText(e.target.value)} className="pl-9" />
        </form>
        <Link href={catalogHref({ q: query.q, tags: selected, archived: !query.archived })} aria-pressed={!!query.archived} className={cn(pill, 'py-1', query.archived ? on : off)} data-testid="show-archived">
          {query.archived ? <Check className="size-3" aria-hidden /> : <Archive className="size-3" aria-hidden />}
          Show archived
        </Link>
      </div>
      {tags.length > 0 ? (
        <div className="flex flex-wrap items-center gap-1.5" aria-label="Filter by tags (prompts with all selected tags)" role="group">
          <span className="mr-1 text-xs font-medium text-zinc-500 dark:text-zinc-400">Tags</span>
          {tags.map((t) => {
            const active = selected.includes(t);
            return (
              <Link key={t} href={toggle(t)} aria-pressed={active} className={cn(pill, active ? on : off)} data-testid="tag-filter" data-tag={t}>
                {t}
                {active ? <X className="size-3" aria-label="remove filter" /> : null}
              </Link>
            );
          })}
          {selected.length > 1 ? (
            <Link href={catalogHref({ q: query.q, archived: query.archived })} className="ml-1 text-xs font-medium text-zinc-500 hover:text-zinc-900 hover:underline dark:text-zinc-400 dark:hover:text-zinc-100">
              Clear tags
            </Link>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}

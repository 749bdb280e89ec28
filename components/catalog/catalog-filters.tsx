'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { Search, X } from 'lucide-react';
import { useEffect, useRef, useState } from 'react';
import { cn } from '@/lib/client/cn';
import { Input } from '@/components/ui/input';

export function catalogHref(q: string | undefined, tag: string | undefined): string {
  const sp = new URLSearchParams();
  if (q) sp.set('q', q);
  if (tag) sp.set('tag', tag);
  const s = sp.toString();
  return s ? `/prompts?${s}` : '/prompts';
}

/** Search box + tag pills; all state lives in the URL so views are shareable. */
export function CatalogFilters({ q, tag, tags }: { q: string; tag: string | undefined; tags: string[] }) {
  const router = useRouter();
  const [text, setText] = useState(q);
  const first = useRef(true);

  // Search as you type (debounced); Enter searches at once.
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    const t = setTimeout(() => router.replace(catalogHref(text.trim() || undefined, tag)), 300);
    return () => clearTimeout(t);
  }, [text, tag, router]);

  return (
    <div className="mb-4 space-y-3">
      <form
        role="search"
        onSubmit={(e) => {
          e.preventDefault();
          router.replace(catalogHref(text.trim() || undefined, tag));
        }}
        className="relative max-w-md"
      >
        <Search className="pointer-events-none absolute top-1/2 left-3 size-4 -translate-y-1/2 text-zinc-400" aria-hidden />
        <Input
          type="search"
          name="q"
          aria-label="Search prompts"
          placeholder="Search by name or description…"
          value={text}
          onChange={(e) => setText(e.target.value)}
          className="pl-9"
        />
      </form>
      {tags.length > 0 ? (
        <div className="flex flex-wrap items-center gap-1.5" aria-label="Filter by tag" role="group">
          <span className="mr-1 text-xs font-medium text-zinc-500 dark:text-zinc-400">Tags</span>
          {tags.map((t) => {
            const active = t === tag;
            return (
              <Link
                key={t}
                href={catalogHref(q || undefined, active ? undefined : t)}
                aria-pressed={active}
                className={cn(
                  'inline-flex items-center gap-1 rounded-full border px-2.5 py-0.5 text-xs font-medium transition-colors',
                  active
                    ? 'border-indigo-600 bg-indigo-600 text-white dark:border-indigo-500 dark:bg-indigo-500'
                    : 'border-zinc-200 bg-white text-zinc-600 hover:border-zinc-300 hover:text-zinc-900 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-300 dark:hover:border-zinc-600',
                )}
              >
                {t}
                {active ? <X className="size-3" aria-label="remove filter" /> : null}
              </Link>
            );
          })}
        </div>
      ) : null}
    </div>
  );
}

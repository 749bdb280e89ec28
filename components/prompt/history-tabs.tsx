import Link from 'next/link';
import { cn } from '@/lib/client/cn';

/** "All labels" + one tab per label with history; links keep the view shareable. */
export function HistoryTabs({ prompt, labels, active }: { prompt: string; labels: string[]; active: string | undefined }) {
  const tabs: { key: string | undefined; text: string }[] = [{ key: undefined, text: 'All labels' }, ...labels.map((l) => ({ key: l, text: l }))];
  return (
    <nav aria-label="History filter" className="flex flex-wrap gap-1">
      {tabs.map((t) => {
        const on = t.key === active;
        return (
          <Link
            key={t.key ?? '*'}
            href={t.key ? `/prompts/${prompt}?history=${encodeURIComponent(t.key)}#history` : `/prompts/${prompt}#history`}
            aria-current={on ? 'page' : undefined}
            scroll={false}
            className={cn(
              'rounded-md px-2 py-1 text-xs font-medium transition-colors',
              on ? 'bg-zinc-900 text-white dark:bg-zinc-100 dark:text-zinc-900' : 'text-zinc-600 hover:bg-zinc-100 dark:text-zinc-400 dark:hover:bg-zinc-800',
              t.key ? 'font-mono' : '',
            )}
          >
            {t.text}
          </Link>
        );
      })}
    </nav>
  );
}

'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { useQuery } from '@tanstack/react-query';
import { Activity, Beaker, CircleDollarSign, Database, FlaskConical, GitPullRequestArrow, History, Inbox, KeyRound, LibraryBig, ScrollText, Users, Webhook, type LucideIcon } from 'lucide-react';
import { api } from '@/lib/client/api';
import { cn } from '@/lib/client/cn';

interface Item {
  href: string;
  label: string;
  icon: LucideIcon;
  /** Who sees it: everyone who may read, model invokers, reviewers (and admins), or admins. */
  need?: 'invoke' | 'review' | 'admin';
}

const SECTIONS: { title: string | null; items: Item[] }[] = [
  {
    title: null,
    items: [
      { href: '/prompts', label: 'Prompts', icon: LibraryBig },
      { href: '/playground', label: 'Playground', icon: FlaskConical, need: 'invoke' },
      { href: '/logs', label: 'Logs', icon: ScrollText },
      { href: '/metrics', label: 'Metrics', icon: Activity },
      { href: '/experiments', label: 'Experiments', icon: Beaker },
      { href: '/releases', label: 'Deploy requests', icon: GitPullRequestArrow },
    ],
  },
  {
    title: 'Feedback',
    items: [
      { href: '/review', label: 'Review queue', icon: Inbox, need: 'review' },
      { href: '/datasets', label: 'Datasets', icon: Database },
    ],
  },
  {
    title: 'Settings',
    items: [
      { href: '/settings/users', label: 'Users', icon: Users, need: 'admin' },
      { href: '/settings/api-keys', label: 'API keys', icon: KeyRound, need: 'admin' },
      // Everyone may read the prices; only admins change them.
      { href: '/settings/pricing', label: 'Pricing', icon: CircleDollarSign },
      { href: '/settings/webhooks', label: 'Webhooks', icon: Webhook, need: 'admin' },
      { href: '/settings/audit', label: 'Audit log', icon: History, need: 'admin' },
    ],
  },
];

export function SidebarNav({ isAdmin, canInvoke, canReview }: { isAdmin: boolean; canInvoke: boolean; canReview: boolean }) {
  const pathname = usePathname();
  // The open deploy requests, as a count next to "Deploy requests" (refreshed every 30 s).
  const open = useQuery({
    queryKey: ['deploy-requests', 'open-count'],
    queryFn: async () => (await api('GET /api/v1/deploy-requests', { query: { status: 'open', limit: 200 } })).items.length,
    refetchInterval: 30_000,
  });
  const allowed = (i: Item) => (i.need === 'admin' ? isAdmin : i.need === 'invoke' ? canInvoke : i.need === 'review' ? canReview : true);
  const sections = SECTIONS.map((s) => ({ ...s, items: s.items.filter(allowed) })).filter((s) => s.items.length > 0);
  return (
    <nav aria-label="Main" className="space-y-6">
      {sections.map((section) => (
        <div key={section.title ?? 'main'}>
          {section.title ? <p className="mb-1.5 px-2 text-[11px] font-semibold tracking-wider text-zinc-400 uppercase dark:text-zinc-500">{section.title}</p> : null}
          <ul className="space-y-0.5">
            {section.items.map((item) => {
              const active = pathname === item.href || pathname.startsWith(`${item.href}/`);
              const Icon = item.icon;
              return (
                <li key={item.href}>
                  <Link
                    href={item.href}
                    aria-current={active ? 'page' : undefined}
                    className={cn(
                      'flex items-center gap-2.5 rounded-md px-2 py-1.5 text-sm font-medium transition-colors',
                      active
                        ? 'bg-white text-zinc-900 shadow-xs ring-1 ring-zinc-200 dark:bg-zinc-800 dark:text-zinc-50 dark:ring-zinc-700'
                        : 'text-zinc-600 hover:bg-zinc-200/60 hover:text-zinc-900 dark:text-zinc-400 dark:hover:bg-zinc-800/60 dark:hover:text-zinc-100',
                    )}
                  >
                    <Icon className={cn('size-4', active ? 'text-indigo-600 dark:text-indigo-400' : '')} aria-hidden />
                    {item.label}
                    {item.href === '/releases' && open.data ? (
                      <span className="ml-auto rounded-full bg-amber-100 px-1.5 text-xs font-semibold text-amber-800 dark:bg-amber-500/20 dark:text-amber-200" data-testid="open-requests-count" aria-label={`${open.data} open`}>
                        {open.data >= 200 ? '200+' : open.data}
                      </span>
                    ) : null}
                  </Link>
                </li>
              );
            })}
          </ul>
        </div>
      ))}
    </nav>
  );
}

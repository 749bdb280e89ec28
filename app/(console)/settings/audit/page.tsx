import type { Metadata } from 'next';
import Link from 'next/link';
import { forbidden } from 'next/navigation';
import { Download, History } from 'lucide-react';
import { auditEntries } from '@/lib/auth/audit';
import { can } from '@/lib/auth/roles';
import { pageContext } from '@/lib/auth/server';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { Input } from '@/components/ui/input';
import { PageHeader } from '@/components/ui/page-header';
import { ActorName } from '@/components/ui/actor-name';
import { RelativeTime } from '@/components/ui/relative-time';

export const metadata: Metadata = { title: 'Audit log' };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };
const FILTERS = ['actor', 'action', 'from', 'to'] as const;

/** A date (yyyy-mm-dd) from the filter form as an ISO date-time; other text is passed as is. */
const asTime = (v: string | undefined, end: boolean) => (v && /^\d{4}-\d{2}-\d{2}$/.test(v) ? `${v}T${end ? '23:59:59.999' : '00:00:00.000'}Z` : v);

export default async function AuditPage(props: Props) {
  const { user, ctx } = await pageContext();
  if (!can(user.actor, 'admin')) forbidden();
  const sp = await props.searchParams;
  const f = Object.fromEntries(FILTERS.map((k) => [k, (Array.isArray(sp[k]) ? sp[k][0] : sp[k])?.trim() || undefined])) as Record<(typeof FILTERS)[number], string | undefined>;
  const cursor = Array.isArray(sp.cursor) ? sp.cursor[0] : sp.cursor;
  const query: Record<string, string> = {};
  if (f.actor) query.actor = f.actor;
  if (f.action) query.action = f.action;
  if (f.from) query.from = asTime(f.from, false)!;
  if (f.to) query.to = asTime(f.to, true)!;
  let error: string | null = null;
  let page: Awaited<ReturnType<typeof auditEntries>> = { items: [], nextCursor: null };
  try {
    page = await auditEntries(ctx, { ...query, limit: 50, ...(cursor ? { cursor } : {}) });
  } catch (e) {
    error = e instanceof Error ? e.message : 'The filters are not valid.';
  }
  const qs = new URLSearchParams(query).toString();
  const formQs = new URLSearchParams(Object.entries(f).filter((e): e is [string, string] => !!e[1])).toString();
  return (
    <>
      <PageHeader
        title="Audit log"
        description="Every change to users, keys, settings, policies, webhooks and deploy requests, with who made it. Label moves are in each prompt's history."
        actions={
          <Button asChild>
            <a href={`/api/v1/audit?format=csv${qs ? `&${qs}` : ''}`} download data-testid="audit-csv">
              <Download aria-hidden />
              Export CSV
            </a>
          </Button>
        }
      />
      <Card className="mb-4 px-4 py-3">
        <form method="get" className="grid gap-3 sm:grid-cols-2 lg:grid-cols-[1fr_1fr_10rem_10rem_auto] lg:items-end" aria-label="Filters">
          <label className="text-xs font-medium text-zinc-600 dark:text-zinc-300">
            Actor id
            <Input name="actor" defaultValue={f.actor} placeholder="user or key id" className="mt-1 font-mono" />
          </label>
          <label className="text-xs font-medium text-zinc-600 dark:text-zinc-300">
            Action
            <Input name="action" defaultValue={f.action} placeholder="e.g. webhook.* or user.create" className="mt-1 font-mono" />
          </label>
          <label className="text-xs font-medium text-zinc-600 dark:text-zinc-300">
            From
            <Input name="from" type="date" defaultValue={f.from} className="mt-1" />
          </label>
          <label className="text-xs font-medium text-zinc-600 dark:text-zinc-300">
            To
            <Input name="to" type="date" defaultValue={f.to} className="mt-1" />
          </label>
          <div className="flex gap-2">
            <Button type="submit" variant="primary">
              Filter
            </Button>
            {formQs ? (
              <Button asChild>
                <Link href="/settings/audit">Clear</Link>
              </Button>
            ) : null}
          </div>
        </form>
      </Card>
      <Card className="overflow-hidden">
        {error ? (
          <p className="px-4 py-6 text-sm text-red-600" role="alert">
            {error}
          </p>
        ) : page.items.length === 0 ? (
          <EmptyState icon={<History />} title="No entries" description={formQs ? 'Nothing matches these filters.' : 'Changes appear here as they are made.'} />
        ) : (
          <ul className="divide-y divide-zinc-100 dark:divide-zinc-800" aria-label="Audit entries">
            {page.items.map((e) => (
              <li key={e.id} className="grid gap-1 px-4 py-3 text-sm sm:grid-cols-[10rem_12rem_minmax(0,1fr)] sm:gap-4" data-testid="audit-row" data-action={e.action}>
                <span className="text-xs text-zinc-500">
                  <RelativeTime iso={e.at} />
                </span>
                <span className="min-w-0 truncate">
                  <ActorName display={e.actorDisplay} actorRef={e.actor} />
                  {e.actor ? <span className="ml-1 text-xs text-zinc-400">{e.actor.type === 'api_key' ? 'key' : 'user'}</span> : null}
                </span>
                <span className="min-w-0">
                  <span className="font-mono text-xs font-semibold text-indigo-700 dark:text-indigo-300">{e.action}</span> <span className="font-mono text-xs break-all text-zinc-600 dark:text-zinc-400">{e.target}</span>
                  {e.details !== null ? <code className="mt-1 block truncate text-xs text-zinc-500" title={JSON.stringify(e.details)}>{JSON.stringify(e.details)}</code> : null}
                </span>
              </li>
            ))}
          </ul>
        )}
      </Card>
      {page.nextCursor ? (
        <div className="mt-3 text-right">
          <Button asChild size="sm">
            <Link href={`/settings/audit?${new URLSearchParams({ ...Object.fromEntries(Object.entries(f).filter((x): x is [string, string] => !!x[1])), cursor: page.nextCursor }).toString()}`}>Older entries</Link>
          </Button>
        </div>
      ) : null}
    </>
  );
}

import type { Metadata } from 'next';
import Link from 'next/link';
import { GitPullRequestArrow } from 'lucide-react';
import { pageContext } from '@/lib/auth/server';
import { listDeployRequests } from '@/lib/releases/deploy-requests';
import { cn } from '@/lib/client/cn';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { ActorName } from '@/components/ui/actor-name';
import { RelativeTime } from '@/components/ui/relative-time';
import { LabelChip } from '@/components/catalog/label-chip';
import { RequestStatus } from '@/components/releases/status-badge';

export const metadata: Metadata = { title: 'Deploy requests' };

const TABS = ['open', 'deployed', 'rejected', 'stale', 'all'] as const;
type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function DeployRequestsPage(props: Props) {
  const { ctx } = await pageContext();
  const sp = await props.searchParams;
  const raw = Array.isArray(sp.status) ? sp.status[0] : sp.status;
  const status = (TABS as readonly string[]).includes(raw ?? '') ? (raw as (typeof TABS)[number]) : 'open';
  const cursor = Array.isArray(sp.cursor) ? sp.cursor[0] : sp.cursor;
  const page = await listDeployRequests(ctx, { ...(status === 'all' ? {} : { status }), limit: 50, ...(cursor ? { cursor } : {}) });
  return (
    <>
      <PageHeader title="Deploy requests" description="Label moves waiting for approval, and their outcome. Open one from a protected label's Deploy dialog." />
      <nav aria-label="Status" className="mb-4 flex flex-wrap gap-1">
        {TABS.map((t) => (
          <Link
            key={t}
            href={`/releases?status=${t}`}
            aria-current={t === status ? 'page' : undefined}
            className={cn('rounded-md px-3 py-1.5 text-sm font-medium capitalize', t === status ? 'bg-indigo-600 text-white' : 'text-zinc-600 hover:bg-zinc-100 dark:text-zinc-300 dark:hover:bg-zinc-800')}
          >
            {t}
          </Link>
        ))}
      </nav>
      <Card className="overflow-hidden">
        {page.items.length === 0 ? (
          <EmptyState icon={<GitPullRequestArrow />} title={status === 'open' ? 'No open requests' : 'Nothing here'} description="Requests appear when someone asks to move a protected label." />
        ) : (
          <ul className="divide-y divide-zinc-100 dark:divide-zinc-800" aria-label="Deploy requests">
            {page.items.map((r) => (
              <li key={r.id} data-testid="request-row" data-id={r.id}>
                <Link href={`/releases/${r.id}`} className="flex flex-col gap-1 px-4 py-3 hover:bg-zinc-50 sm:flex-row sm:items-center sm:gap-4 dark:hover:bg-zinc-800/40">
                  <div className="flex min-w-0 flex-1 flex-wrap items-center gap-2">
                    <span className="truncate font-mono text-sm font-semibold text-zinc-900 dark:text-zinc-100">{r.prompt}</span>
                    <LabelChip label={r.label} />
                    <span className="font-mono text-sm text-zinc-500">
                      {r.fromVersion === null ? 'new' : `v${r.fromVersion}`} → <span className="font-semibold text-indigo-600 dark:text-indigo-400">v{r.toVersion}</span>
                    </span>
                  </div>
                  <div className="flex flex-wrap items-center gap-2 text-xs text-zinc-500 dark:text-zinc-400">
                    <span>
                      {r.approvals.length}/{r.approvalsNeeded} approvals
                    </span>
                    {r.evidence.gate ? <span className={r.evidence.gate.passed ? 'text-emerald-600' : 'text-amber-600'}>gate {r.evidence.gate.passed ? 'passed' : 'not met'}</span> : null}
                    <ActorName display={r.requestedBy} actorRef={r.requestedByRef} /> · <RelativeTime iso={r.createdAt} />
                    <RequestStatus status={r.labelMovedSince ? 'stale' : r.status} />
                  </div>
                </Link>
              </li>
            ))}
          </ul>
        )}
      </Card>
      {page.nextCursor ? (
        <div className="mt-3 text-right">
          <Button asChild size="sm">
            <Link href={`/releases?status=${status}&cursor=${page.nextCursor}`}>Older requests</Link>
          </Button>
        </div>
      ) : null}
    </>
  );
}

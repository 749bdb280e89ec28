import type { Metadata } from 'next';
import Link from 'next/link';
import { ChevronLeft, ChevronRight, ScrollText, SearchX } from 'lucide-react';
import { can } from '@/lib/auth/roles';
import { pageContext } from '@/lib/auth/server';
import { listPrompts } from '@/lib/catalog/prompts';
import { AppError } from '@/lib/errors';
import { feedbackSummaries } from '@/lib/feedback/votes';
import { listInvocations } from '@/lib/invocations/queries';
import { ListInvocationsQuerySchema } from '@/lib/invocations/schemas';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { LogsFiltersBar } from '@/components/logs/logs-filters';
import { LogsTable } from '@/components/logs/logs-table';
import { hasFilters, logsHref, timeWindow, type LogsFilters } from '@/components/logs/logs-url';

export const metadata: Metadata = { title: 'Logs' };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) || undefined;
const PAGE = 50;

export default async function LogsPage(props: Props) {
  const { user, ctx } = await pageContext();
  const sp = await props.searchParams;
  const filters: LogsFilters = {
    q: one(sp.q),
    prompt: one(sp.prompt),
    version: one(sp.version),
    model: one(sp.model),
    status: one(sp.status),
    feedback: one(sp.feedback),
    range: one(sp.range),
    from: one(sp.from),
    to: one(sp.to),
    caller: one(sp.caller),
    userRef: one(sp.userRef),
    sessionId: one(sp.sessionId),
    tag: one(sp.tag),
  };
  const cursor = one(sp.cursor);
  const { model, range: _r, from: _f, to: _t, ...passed } = filters;
  const parsed = ListInvocationsQuerySchema.safeParse({ ...passed, modelId: model, ...timeWindow(filters), cursor, limit: PAGE });

  let problem: string | null = parsed.success ? null : parsed.error.issues.map((i) => i.message).join(' ');
  const [page, prompts] = await Promise.all([
    parsed.success
      ? listInvocations(ctx, parsed.data).catch((e: unknown) => {
          if (!(e instanceof AppError) || e.code !== 'validation_error') throw e;
          problem = e.message;
          return null;
        })
      : Promise.resolve(null),
    listPrompts(ctx, { limit: 200, archived: 'include' }),
  ]);
  const items = page?.items ?? [];
  const feedback = await feedbackSummaries(ctx, items.map((i) => i.id));
  const filtered = hasFilters(filters);
  const models = [...new Set(items.map((i) => i.modelId))];

  return (
    <>
      <PageHeader title="Logs" description="Every invocation through the gateway, the playground or reported by applications, newest first." />
      <LogsFiltersBar key={logsHref(filters)} filters={filters} prompts={prompts.items.map((p) => ({ name: p.name, latestVersion: p.latestVersion }))} models={models} />
      {problem ? (
        <Alert
          className="mb-4"
          title="These filters cannot be used"
          action={
            <Button asChild size="sm" variant="ghost">
              <Link href="/logs">Clear filters</Link>
            </Button>
          }
        >
          {problem}
        </Alert>
      ) : null}
      <Card className="overflow-hidden">
        {items.length > 0 ? (
          <LogsTable items={items} feedback={feedback} selectable={can(user.actor, 'feedback:review')} />
        ) : filtered || cursor ? (
          <EmptyState
            icon={<SearchX />}
            title="No invocations match these filters"
            description={filters.q ? `Nothing logged contains “${filters.q}” with these filters. Search matches whole words and their beginnings; try fewer words or a longer time range.` : 'Try a longer time range or another status, model or prompt.'}
            action={
              <Button asChild>
                <Link href="/logs">Clear filters</Link>
              </Button>
            }
          />
        ) : (
          <EmptyState
            icon={<ScrollText />}
            title="No invocations yet"
            description={
              <>
                Run a prompt in the playground, or call <code className="font-mono text-xs">POST /api/v1/prompts/&#123;name&#125;/invoke</code> from your application. Every call shows up here.
              </>
            }
            action={
              can(user.actor, 'models:invoke') ? (
                <Button asChild variant="primary">
                  <Link href="/playground">Open the playground</Link>
                </Button>
              ) : null
            }
          />
        )}
      </Card>
      {cursor || page?.nextCursor ? (
        <nav aria-label="Pagination" className="mt-4 flex items-center justify-between">
          {cursor ? (
            <Button asChild size="sm" variant="ghost">
              <Link href={logsHref(filters)}>
                <ChevronLeft aria-hidden />
                Newest
              </Link>
            </Button>
          ) : (
            <span />
          )}
          {page?.nextCursor ? (
            <Button asChild size="sm">
              <Link href={logsHref(filters, page.nextCursor)}>
                Older
                <ChevronRight aria-hidden />
              </Link>
            </Button>
          ) : null}
        </nav>
      ) : null}
    </>
  );
}

import type { Metadata } from 'next';
import Link from 'next/link';
import { ChevronRight } from 'lucide-react';
import { can } from '@/lib/auth/roles';
import { pageContext } from '@/lib/auth/server';
import { orNotFound, segment } from '@/lib/http/pages';
import { getInvocation } from '@/lib/invocations/queries';
import { Alert } from '@/components/ui/alert';
import { Card, CardHeader } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { ActorName } from '@/components/ui/actor-name';
import { RelativeTime } from '@/components/ui/relative-time';
import { FeedbackCard } from '@/components/feedback/feedback-card';
import { CopyJsonButton } from '@/components/logs/copy-json-button';
import { InvocationFacts } from '@/components/logs/invocation-facts';
import { ReplayButton } from '@/components/logs/replay-button';
import { StatusBadge } from '@/components/logs/status-badge';
import { ParamsTable } from '@/components/version/params-table';
import { InputCard, OutputCard } from '@/components/logs/invocation-io';
import type { Params } from '@/lib/catalog/schemas';

type Props = { params: Promise<{ id: string }> };

export function generateMetadata(): Metadata {
  return { title: 'Invocation' };
}

const pre = 'overflow-x-auto px-4 py-3 font-mono text-[13px] leading-relaxed whitespace-pre-wrap text-zinc-800 dark:text-zinc-200';

export default async function InvocationPage(props: Props) {
  const { user, ctx } = await pageContext();
  const id = segment((await props.params).id);
  const inv = await orNotFound(getInvocation(ctx, id));
  const variables = Object.entries(inv.variables ?? {});
  return (
    <>
      <nav aria-label="Breadcrumb" className="mb-3 flex items-center gap-1 text-xs text-zinc-500 dark:text-zinc-400">
        <Link href="/logs" className="hover:text-zinc-900 dark:hover:text-zinc-100">
          Logs
        </Link>
        <ChevronRight className="size-3" aria-hidden />
        <span className="font-mono text-zinc-700 dark:text-zinc-300">{inv.id}</span>
      </nav>
      <PageHeader
        title={
          <span className="flex flex-wrap items-center gap-2">
            Invocation
            {inv.promptName ? (
              <span className="font-mono text-base text-zinc-500 dark:text-zinc-400">
                {inv.promptName}
                {inv.promptVersion ? `@v${inv.promptVersion}` : ''}
              </span>
            ) : null}
            <StatusBadge status={inv.status} />
          </span>
        }
        meta={
          <>
            <span>
              <RelativeTime iso={inv.createdAt} /> · <time dateTime={inv.createdAt}>{inv.createdAt}</time>
            </span>
            <span>
              {inv.source} · <ActorName display={inv.caller} actorRef={inv.callerRef} />
            </span>
          </>
        }
        actions={
          <>
            {inv.promptName && inv.promptVersion && can(user.actor, 'models:invoke') ? (
              <ReplayButton prompt={inv.promptName} version={inv.promptVersion} variables={inv.variables} />
            ) : null}
            <CopyJsonButton value={inv} />
          </>
        }
      />
      {inv.errorCode || inv.errorMessage ? (
        <Alert className="mb-6" tone={inv.status === 'throttled' ? 'warning' : 'error'} title={inv.errorCode ?? 'Error'}>
          <span data-testid="invocation-error">{inv.errorMessage}</span>
        </Alert>
      ) : null}
      <div className="grid gap-6 lg:grid-cols-3">
        <div className="min-w-0 space-y-6 lg:col-span-2">
          <OutputCard inv={inv} testId="invocation-output" />
          <FeedbackCard invocationId={inv.id} feedback={inv.feedback} me={{ type: 'user', id: user.id }} />
          <InputCard inv={inv} />
        </div>
        <div className="min-w-0 space-y-6">
          <Card>
            <CardHeader title="Details" />
            <InvocationFacts inv={inv} />
          </Card>
          <Card>
            <CardHeader title="Parameters" description={inv.params ? 'As sent, including playground overrides.' : 'Not recorded.'} />
            {inv.params ? <ParamsTable params={inv.params as Params} /> : null}
          </Card>
          {variables.length > 0 ? (
            <Card>
              <CardHeader title="Variables" />
              <dl className="divide-y divide-zinc-100 text-sm dark:divide-zinc-800">
                {variables.map(([k, v]) => (
                  <div key={k} className="px-4 py-2">
                    <dt className="font-mono text-xs text-zinc-500 dark:text-zinc-400">{k}</dt>
                    <dd className="mt-0.5 font-mono text-[13px] break-words whitespace-pre-wrap text-zinc-900 dark:text-zinc-100">{typeof v === 'string' ? v : JSON.stringify(v)}</dd>
                  </div>
                ))}
              </dl>
            </Card>
          ) : null}
          <Card>
            <CardHeader title="Metadata" />
            {inv.metadata ? <pre className={pre}>{JSON.stringify(inv.metadata, null, 2)}</pre> : <p className="px-4 py-3 text-sm text-zinc-500 dark:text-zinc-400">None.</p>}
          </Card>
        </div>
      </div>
    </>
  );
}

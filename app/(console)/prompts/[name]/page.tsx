import type { Metadata } from 'next';
import Link from 'next/link';
import { ChevronRight, FilePlus2, FlaskConical, GitCompareArrows, Layers } from 'lucide-react';
import { can } from '@/lib/auth/roles';
import { pageContext } from '@/lib/auth/server';
import { labelHistory, listLabels } from '@/lib/catalog/labels';
import { getPrompt } from '@/lib/catalog/prompts';
import { rollbackPreview } from '@/lib/catalog/rollback-preview';
import { listVersions } from '@/lib/catalog/versions';
import { orNotFound, segment } from '@/lib/http/pages';
import { promptMetrics } from '@/lib/metrics/prompts';
import { listLabelPolicies } from '@/lib/releases/policies';
import { suiteResults } from '@/lib/experiments/suites';
import { ActorName } from '@/components/ui/actor-name';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Card, CardHeader } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { RelativeTime } from '@/components/ui/relative-time';
import { HistoryTabs } from '@/components/prompt/history-tabs';
import { HistoryTimeline } from '@/components/prompt/history-timeline';
import { EditPromptDialog } from '@/components/prompt/edit-prompt-dialog';
import { LabelsPanel } from '@/components/prompt/labels-panel';
import { ArchiveButton, ManagePromptCard } from '@/components/prompt/manage-prompt';
import { VersionMetricsCard } from '@/components/prompt/version-metrics';
import { VersionsTable } from '@/components/prompt/versions-table';
import { SuitesPanel } from '@/components/suites/suites-panel';
import { LegacyWarning } from '@/components/models/legacy-warning';

type Props = { params: Promise<{ name: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

export async function generateMetadata(props: Props): Promise<Metadata> {
  return { title: segment((await props.params).name) };
}

export default async function PromptPage(props: Props) {
  const { user, ctx } = await pageContext();
  const name = segment((await props.params).name);
  const sp = await props.searchParams;
  const historyLabel = one(sp.history);
  const vcursor = one(sp.vcursor);
  const hcursor = one(sp.hcursor);

  const prompt = await orNotFound(getPrompt(ctx, name));
  const [versions, labels, targets, metrics, policies, suite] = await Promise.all([
    listVersions(ctx, name, { limit: 50, cursor: vcursor }),
    listLabels(ctx, name),
    rollbackPreview(ctx, name),
    promptMetrics(ctx, name, {}),
    listLabelPolicies(ctx, name),
    suiteResults(ctx, name),
  ]);
  const labelsByVersion: Record<number, string[]> = {};
  for (const l of labels) (labelsByVersion[l.version] ??= []).push(l.name);
  const historyLabels = Object.keys(targets);
  const filter = historyLabel && historyLabels.includes(historyLabel) ? historyLabel : undefined;
  const history = await labelHistory(ctx, name, filter, { limit: 50, cursor: hcursor });

  const latest = prompt.latestVersion ?? 0;
  const canWrite = can(user.actor, 'catalog:write');
  const base = `/prompts/${prompt.name}`;

  return (
    <>
      <nav aria-label="Breadcrumb" className="mb-3 flex items-center gap-1 text-xs text-zinc-500 dark:text-zinc-400">
        <Link href="/prompts" className="hover:text-zinc-900 dark:hover:text-zinc-100">
          Prompts
        </Link>
        <ChevronRight className="size-3" aria-hidden />
        <span className="font-mono text-zinc-700 dark:text-zinc-300">{prompt.name}</span>
      </nav>
      <PageHeader
        title={<span className="font-mono">{prompt.name}</span>}
        description={prompt.description || undefined}
        meta={
          <>
            {prompt.tags.map((t) => (
              <Link key={t} href={`/prompts?tag=${encodeURIComponent(t)}`} className="rounded-full border border-zinc-200 px-2 py-0.5 text-zinc-600 hover:border-zinc-300 dark:border-zinc-700 dark:text-zinc-300">
                #{t}
              </Link>
            ))}
            <span>
              Created by <ActorName display={prompt.createdBy} actorRef={prompt.createdByRef} className="text-zinc-700 dark:text-zinc-300" /> <RelativeTime iso={prompt.createdAt} />
            </span>
            {canWrite ? <EditPromptDialog prompt={prompt} /> : null}
          </>
        }
        actions={
          <>
            {latest >= 1 && can(user.actor, 'models:invoke') ? (
              <Button asChild>
                <Link href={`/playground?prompt=${encodeURIComponent(prompt.name)}${'production' in prompt.labels ? '&label=production' : ''}`}>
                  <FlaskConical aria-hidden />
                  Open in playground
                </Link>
              </Button>
            ) : null}
            {latest >= 2 ? (
              <Button asChild>
                <Link href={`${base}/compare?a=${latest - 1}&b=${latest}`}>
                  <GitCompareArrows aria-hidden />
                  Compare
                </Link>
              </Button>
            ) : null}
            {canWrite ? (
              <Button asChild variant="primary">
                <Link href={`${base}/new`}>
                  <FilePlus2 aria-hidden />
                  New version
                </Link>
              </Button>
            ) : null}
          </>
        }
      />

      {prompt.archivedAt ? (
        <Alert tone="warning" className="mb-6" title="This prompt is archived" action={canWrite ? <ArchiveButton name={prompt.name} archived /> : null}>
          It is hidden from the catalog (archived <RelativeTime iso={prompt.archivedAt} />); applications still get the versions its labels point at.
        </Alert>
      ) : null}
      <LegacyWarning prompt={prompt.name} />
      {latest > 0 ? (
        <div className="mb-6">
          <VersionMetricsCard prompt={prompt.name} initial={metrics} labels={labelsByVersion} />
        </div>
      ) : null}

      <div className="grid gap-6 lg:grid-cols-3">
        <div className="min-w-0 space-y-6 lg:col-span-2">
          <Card className="overflow-hidden">
            <CardHeader title="Versions" description={latest > 0 ? `${latest} version${latest === 1 ? '' : 's'}, newest first. Versions never change.` : undefined} />
            {versions.items.length === 0 ? (
              <EmptyState
                icon={<Layers />}
                title="No versions yet"
                description={canWrite ? 'Write the first version: a template, a model and its parameters.' : 'An editor has not added a version yet.'}
                action={
                  canWrite ? (
                    <Button asChild variant="primary">
                      <Link href={`${base}/new`}>Create the first version</Link>
                    </Button>
                  ) : null
                }
              />
            ) : (
              <VersionsTable prompt={prompt.name} versions={versions.items} suite={suite} />
            )}
            {vcursor || versions.nextCursor ? (
              <div className="flex justify-between border-t border-zinc-200 px-4 py-2 dark:border-zinc-800">
                {vcursor ? (
                  <Button asChild size="sm" variant="ghost">
                    <Link href={base}>Newest versions</Link>
                  </Button>
                ) : (
                  <span />
                )}
                {versions.nextCursor ? (
                  <Button asChild size="sm">
                    <Link href={`${base}?vcursor=${encodeURIComponent(versions.nextCursor)}`}>Older versions</Link>
                  </Button>
                ) : null}
              </div>
            ) : null}
          </Card>

          <SuitesPanel prompt={prompt.name} canWrite={canWrite} runOn={'production' in prompt.labels || latest < 1 ? {} : { version: latest }} />

          <Card id="history" className="scroll-mt-20">
            <CardHeader title="History" description="Every label move, newest first." actions={historyLabels.length > 0 ? <HistoryTabs prompt={prompt.name} labels={historyLabels} active={filter} /> : null} />
            <HistoryTimeline prompt={prompt.name} events={history.items} />
            {history.nextCursor ? (
              <div className="border-t border-zinc-200 px-4 py-2 text-right dark:border-zinc-800">
                <Button asChild size="sm">
                  <Link href={`${base}?${new URLSearchParams({ ...(filter ? { history: filter } : {}), hcursor: history.nextCursor }).toString()}#history`}>Older events</Link>
                </Button>
              </div>
            ) : null}
          </Card>
        </div>
        <div className="min-w-0 space-y-6 lg:sticky lg:top-20 lg:self-start">
          <LabelsPanel
            prompt={prompt.name}
            labels={labels}
            latestVersion={latest}
            rollbackTargets={targets}
            canMove={can(user.actor, 'labels:move')}
            canRequest={canWrite}
            isAdmin={can(user.actor, 'admin')}
            policies={policies}
          />
          {canWrite ? <ManagePromptCard prompt={prompt} labels={labels.filter((l) => !l.automatic).map((l) => l.name)} canDelete={can(user.actor, 'labels:move')} /> : null}
        </div>
      </div>
    </>
  );
}

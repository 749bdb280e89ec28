import { BundleCard } from '@/components/version/bundle-card';
import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { ChevronRight, CopyPlus, FlaskConical, Rocket, ShieldCheck } from 'lucide-react';
import { can } from '@/lib/auth/roles';
import { pageContext } from '@/lib/auth/server';
import { listLabels } from '@/lib/catalog/labels';
import { getPrompt } from '@/lib/catalog/prompts';
import { getVersion } from '@/lib/catalog/versions';
import { shortModelName } from '@/lib/client/models';
import { orNotFound, segment } from '@/lib/http/pages';
import { Button } from '@/components/ui/button';
import { Card, CardHeader } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { ActorName } from '@/components/ui/actor-name';
import { RelativeTime } from '@/components/ui/relative-time';
import { LabelChip, sortLabels } from '@/components/catalog/label-chip';
import { DeployDialog } from '@/components/prompt/deploy-dialog';
import { CompareWithMenu } from '@/components/version/compare-with-menu';
import { ParamsTable } from '@/components/version/params-table';
import { TemplateView } from '@/components/version/template-view';
import { BedrockCard } from '@/components/bedrock/bedrock-card';

type Props = { params: Promise<{ name: string; n: string }> };

export async function generateMetadata(props: Props): Promise<Metadata> {
  const p = await props.params;
  return { title: `${segment(p.name)} v${p.n}` };
}

export default async function VersionPage(props: Props) {
  const { user, ctx } = await pageContext();
  const p = await props.params;
  const name = segment(p.name);
  if (!/^\d{1,9}$/.test(p.n)) notFound();
  const n = Number(p.n);
  const prompt = await orNotFound(getPrompt(ctx, name));
  const [v, labels] = await Promise.all([orNotFound(getVersion(ctx, name, n)), listLabels(ctx, name)]);
  const latest = prompt.latestVersion ?? 0;
  const base = `/prompts/${prompt.name}`;
  const settable = Object.fromEntries(labels.filter((l) => !l.automatic).map((l) => [l.name, l.version]));

  return (
    <>
      <nav aria-label="Breadcrumb" className="mb-3 flex items-center gap-1 text-xs text-zinc-500 dark:text-zinc-400">
        <Link href="/prompts" className="hover:text-zinc-900 dark:hover:text-zinc-100">
          Prompts
        </Link>
        <ChevronRight className="size-3" aria-hidden />
        <Link href={base} className="font-mono hover:text-zinc-900 dark:hover:text-zinc-100">
          {prompt.name}
        </Link>
        <ChevronRight className="size-3" aria-hidden />
        <span className="font-mono text-zinc-700 dark:text-zinc-300">v{v.version}</span>
      </nav>
      <PageHeader
        title={
          <span className="flex flex-wrap items-center gap-2">
            <span className="font-mono">{prompt.name}</span>
            <span className="font-mono text-zinc-400 dark:text-zinc-500">v{v.version}</span>
            {sortLabels(v.labels).map((l) => (
              <LabelChip key={l} label={l} />
            ))}
          </span>
        }
        description={v.commitMessage || <span className="italic">No commit message</span>}
        meta={
          <span>
            by <ActorName display={v.createdBy} actorRef={v.createdByRef} className="text-zinc-700 dark:text-zinc-300" /> <RelativeTime iso={v.createdAt} />
          </span>
        }
        actions={
          <>
            <CompareWithMenu prompt={prompt.name} version={v.version} latestVersion={latest} />
            {can(user.actor, 'models:invoke') ? (
              <Button asChild>
                <Link href={`/playground?prompt=${encodeURIComponent(prompt.name)}&version=${v.version}`}>
                  <FlaskConical aria-hidden />
                  Open in playground
                </Link>
              </Button>
            ) : null}
            {can(user.actor, 'labels:move') ? (
              <DeployDialog
                prompt={prompt.name}
                labels={settable}
                latestVersion={latest}
                defaultVersion={v.version}
                trigger={
                  <Button>
                    <Rocket aria-hidden />
                    Deploy this version
                  </Button>
                }
              />
            ) : null}
            {can(user.actor, 'catalog:write') ? (
              <Button asChild variant="primary">
                <Link href={`${base}/new?from=${v.version}`}>
                  <CopyPlus aria-hidden />
                  New version from this
                </Link>
              </Button>
            ) : null}
          </>
        }
      />
      <div className="grid gap-6 lg:grid-cols-3">
        <Card className="min-w-0 lg:col-span-2">
          <CardHeader title="Template" description="Variables in {{double braces}} are filled in when the prompt is rendered." />
          <div className="p-4">
            <TemplateView template={v.template} />
          </div>
        </Card>
        <div className="space-y-6">
          <BundleCard v={v} />
          <Card>
            <CardHeader title="Model" />
            <div className="px-4 py-3">
              <p className="mb-0.5 text-sm font-medium text-zinc-900 dark:text-zinc-100">{shortModelName(v.modelId)}</p>
              <p className="font-mono text-xs break-all text-zinc-600 dark:text-zinc-400" data-testid="version-model">
                {v.modelId}
              </p>
            </div>
          </Card>
          <Card>
            <CardHeader title="Parameters" />
            <ParamsTable params={v.params} />
          </Card>
          {v.guardrail ? (
            <Card data-testid="version-guardrail">
              <CardHeader title="Guardrail" description="Applied by Bedrock to every call of this version." />
              <dl className="divide-y divide-zinc-100 text-sm dark:divide-zinc-800">
                <div className="flex items-baseline justify-between gap-4 px-4 py-2">
                  <dt className="flex items-center gap-1.5 text-zinc-600 dark:text-zinc-400">
                    <ShieldCheck className="size-4 text-emerald-600 dark:text-emerald-400" aria-hidden />
                    ID
                  </dt>
                  <dd className="text-right font-mono text-[13px] break-all text-zinc-900 dark:text-zinc-100">{v.guardrail.identifier}</dd>
                </div>
                <div className="flex items-baseline justify-between gap-4 px-4 py-2">
                  <dt className="text-zinc-600 dark:text-zinc-400">Version</dt>
                  <dd className="font-mono text-[13px] text-zinc-900 dark:text-zinc-100">{v.guardrail.version}</dd>
                </div>
              </dl>
            </Card>
          ) : null}
          <BedrockCard prompt={prompt.name} version={v.version} link={v.bedrock} canPublish={can(user.actor, 'labels:move')} />
          <Card>
            <CardHeader title="Variables" description={v.variables.length ? `${v.variables.length} detected in the template` : undefined} />
            <div className="flex flex-wrap gap-1.5 px-4 py-3" data-testid="version-variables">
              {v.variables.length === 0 ? (
                <span className="text-sm text-zinc-500 dark:text-zinc-400">This template has no variables.</span>
              ) : (
                v.variables.map((name) => (
                  <code key={name} className="rounded bg-indigo-50 px-1.5 py-0.5 text-xs font-medium text-indigo-700 dark:bg-indigo-500/15 dark:text-indigo-300">
                    {name}
                  </code>
                ))
              )}
            </div>
          </Card>
        </div>
      </div>
    </>
  );
}

import type { Metadata } from 'next';
import Link from 'next/link';
import { ChevronRight } from 'lucide-react';
import { isActor } from '@/lib/auth/actor-ref';
import { can } from '@/lib/auth/roles';
import { pageContext } from '@/lib/auth/server';
import { getVersion } from '@/lib/catalog/versions';
import { orNotFound, segment } from '@/lib/http/pages';
import { getDeployRequest } from '@/lib/releases/deploy-requests';
import { compareWithCurrent } from '@/lib/releases/gate';
import { Card, CardHeader } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { ActorName } from '@/components/ui/actor-name';
import { RelativeTime } from '@/components/ui/relative-time';
import { LabelChip } from '@/components/catalog/label-chip';
import { ParamsDiff } from '@/components/compare/params-diff';
import { TextDiff } from '@/components/compare/text-diff';
import { DecisionButtons } from '@/components/releases/decision-buttons';
import { GateCard, ComparisonCard } from '@/components/releases/evidence-cards';
import { RequestStatus } from '@/components/releases/status-badge';

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata(props: Props): Promise<Metadata> {
  return { title: `Deploy request ${segment((await props.params).id).slice(0, 8)}` };
}

export default async function DeployRequestPage(props: Props) {
  const { user, ctx } = await pageContext();
  const id = segment((await props.params).id);
  const r = await orNotFound(getDeployRequest(ctx, id));
  const base = await getVersion(ctx, r.prompt, r.currentVersion ?? r.toVersion);
  const candidate = await getVersion(ctx, r.prompt, r.toVersion);
  const hasBase = r.currentVersion !== null;
  const comparison = r.evidence.gate ? await compareWithCurrent(ctx, { prompt: r.prompt, candidateVersion: r.toVersion, currentVersion: r.currentVersion, dataset: r.evidence.gate.dataset }) : null;
  const count = Math.max(base.template.messages.length, candidate.template.messages.length);
  const sections = [
    { key: 'system', title: 'System prompt', left: hasBase ? (base.template.system ?? '') : '', right: candidate.template.system ?? '' },
    ...Array.from({ length: count }, (_, i) => ({
      key: `m${i}`,
      title: `Message ${i + 1}`,
      left: hasBase ? (base.template.messages[i]?.content ?? '') : '',
      right: candidate.template.messages[i]?.content ?? '',
    })),
  ];
  const mine = isActor(r.requestedByRef, user.actor);
  const decided = r.approvals.some((a) => isActor(a.byRef, user.actor)) || isActor(r.rejection?.byRef, user.actor);
  const open = r.status === 'open';
  const canApprove = open && can(user.actor, 'labels:move') && !mine && !decided;
  const canReject = open && (mine ? can(user.actor, 'catalog:write') : can(user.actor, 'labels:move')) && !decided;
  const whyNot = !open
    ? undefined
    : mine
      ? 'You opened this request: someone else approves it (you may withdraw it with Reject).'
      : decided
        ? 'You have decided on this request.'
        : !can(user.actor, 'labels:move')
          ? 'Approving needs the deployer role.'
          : undefined;

  return (
    <>
      <nav aria-label="Breadcrumb" className="mb-3 flex items-center gap-1 text-xs text-zinc-500 dark:text-zinc-400">
        <Link href="/releases" className="hover:text-zinc-900 dark:hover:text-zinc-100">
          Deploy requests
        </Link>
        <ChevronRight className="size-3" aria-hidden />
        <span className="font-mono text-zinc-700 dark:text-zinc-300">{r.id.slice(0, 8)}</span>
      </nav>
      <PageHeader
        title={
          <span className="flex flex-wrap items-center gap-2">
            <Link href={`/prompts/${r.prompt}`} className="font-mono hover:underline">
              {r.prompt}
            </Link>
            <LabelChip label={r.label} />
            <span className="font-mono text-base text-zinc-500">
              {r.fromVersion === null ? 'new' : `v${r.fromVersion}`} → v{r.toVersion}
            </span>
            <RequestStatus status={r.labelMovedSince ? 'stale' : r.status} />
          </span>
        }
        description={r.reason || undefined}
      />
      <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_22rem]">
        <div className="min-w-0 space-y-6">
          {r.labelMovedSince ? (
            <p className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:border-amber-500/40 dark:bg-amber-500/10 dark:text-amber-200">
              {r.label} moved since this request was opened (it pointed at {r.fromVersion === null ? 'nothing' : `v${r.fromVersion}`}, now {r.currentVersion === null ? 'nothing' : `v${r.currentVersion}`}): approving it will close it as stale.
            </p>
          ) : null}
          <GateCard gate={r.evidence.gate} />
          <ComparisonCard gate={r.evidence.gate} comparison={comparison} />
          <Card className="overflow-hidden">
            <CardHeader title="Model and parameters" description={hasBase ? `What ${r.label} serves now (v${r.currentVersion}) and v${r.toVersion}` : `${r.label} does not exist yet`} />
            <ParamsDiff a={base} b={candidate} />
          </Card>
          {sections.map((s) => (
            <Card key={s.key} className="overflow-hidden" data-testid="diff-section">
              <CardHeader title={s.title} description={s.left === s.right ? 'No changes' : undefined} />
              <TextDiff a={s.left} b={s.right} view="unified" />
            </Card>
          ))}
        </div>
        <div className="min-w-0 space-y-6 lg:sticky lg:top-20 lg:self-start">
          <Card>
            <CardHeader title="Approvals" description={`${r.approvals.length} of ${r.approvalsNeeded} needed · opened by ${r.requestedBy}`} />
            <ul className="divide-y divide-zinc-100 px-4 dark:divide-zinc-800" data-testid="approvals">
              {r.approvals.length === 0 && !r.rejection ? <li className="py-3 text-sm text-zinc-500">No decisions yet.</li> : null}
              {r.approvals.map((a) => (
                <li key={`${a.byRef?.id}-${a.at}`} className="py-3 text-sm">
                  <p className="text-emerald-700 dark:text-emerald-400">
                    Approved by <ActorName display={a.by} actorRef={a.byRef} /> · <RelativeTime iso={a.at} />
                  </p>
                  {a.comment ? <p className="mt-1 text-zinc-700 dark:text-zinc-300">{a.comment}</p> : null}
                </li>
              ))}
              {r.rejection ? (
                <li className="py-3 text-sm">
                  <p className="text-red-700 dark:text-red-400">
                    Rejected by <ActorName display={r.rejection.by} actorRef={r.rejection.byRef} /> · <RelativeTime iso={r.rejection.at} />
                  </p>
                  {r.rejection.comment ? <p className="mt-1 text-zinc-700 dark:text-zinc-300">{r.rejection.comment}</p> : null}
                </li>
              ) : null}
            </ul>
            <div className="border-t border-zinc-100 px-4 py-3 text-xs text-zinc-500 dark:border-zinc-800 dark:text-zinc-400">
              Opened by <ActorName display={r.requestedBy} actorRef={r.requestedByRef} /> · <RelativeTime iso={r.createdAt} />
              {r.decidedAt ? (
                <>
                  {' '}
                  · {r.status} <RelativeTime iso={r.decidedAt} />
                </>
              ) : null}
            </div>
          </Card>
          {open ? (
            <Card className="px-4 py-4">
              <DecisionButtons id={r.id} canApprove={canApprove} canReject={canReject} whyNot={whyNot} />
            </Card>
          ) : null}
        </div>
      </div>
    </>
  );
}

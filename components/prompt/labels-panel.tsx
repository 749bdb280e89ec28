import Link from 'next/link';
import { Tag } from 'lucide-react';
import type { LabelDto } from '@/lib/catalog/dto';
import { Card, CardHeader } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { ActorName } from '@/components/ui/actor-name';
import { RelativeTime } from '@/components/ui/relative-time';
import { LabelChip, sortLabels } from '@/components/catalog/label-chip';
import type { LabelPolicyDto } from '@/lib/releases/responses';
import { PolicyDialog } from '@/components/releases/policy-dialog';
import { PolicySummary } from '@/components/releases/policy-summary';
import { DeployDialog } from './deploy-dialog';
import { RemoveLabelDialog } from './remove-label-dialog';
import { RollbackDialog } from './rollback-dialog';
import { StartCanaryDialog } from './canary-dialog';
import { CanaryPanel } from './canary-panel';

export function LabelsPanel({
  prompt,
  labels,
  latestVersion,
  rollbackTargets,
  canMove,
  canRequest = false,
  isAdmin = false,
  policies = [],
}: {
  prompt: string;
  labels: LabelDto[];
  latestVersion: number;
  rollbackTargets: Record<string, number | null>;
  canMove: boolean;
  /** Editors and up may open deploy requests. */
  canRequest?: boolean;
  isAdmin?: boolean;
  policies?: LabelPolicyDto[];
}) {
  const policyOf = new Map(policies.map((p) => [p.label, p]));
  const protectedLabels = Object.fromEntries(policies.filter((p) => p.protected).map((p) => [p.label, p.approvals]));
  const settable = Object.fromEntries(labels.filter((l) => !l.automatic).map((l) => [l.name, l.version]));
  const byName = new Map(labels.map((l) => [l.name, l]));
  const ordered = sortLabels(labels.map((l) => l.name)).map((n) => byName.get(n)).filter((l): l is LabelDto => l !== undefined);

  return (
    <Card data-testid="labels-panel">
      <CardHeader
        title="Labels"
        description="Applications fetch the version a label points at."
        actions={(canMove || canRequest) && latestVersion > 0 ? <DeployDialog prompt={prompt} labels={settable} latestVersion={latestVersion} protectedLabels={protectedLabels} canMove={canMove} /> : null}
      />
      {ordered.length === 0 ? (
        <EmptyState icon={<Tag />} title="No labels yet" description={latestVersion > 0 ? 'Deploy a version to a label such as production.' : 'Create a version first.'} className="py-8" />
      ) : (
        <ul className="divide-y divide-zinc-100 dark:divide-zinc-800">
          {ordered.map((l) => (
            <li key={l.name} className="px-4 py-3" data-testid="label-item" data-label={l.name} data-version={l.version}>
              <div className="flex flex-wrap items-center gap-x-3 gap-y-2">
              <div className="min-w-0 flex-1">
                <div className="flex flex-wrap items-center gap-2">
                  <LabelChip label={l.name} />
                  <span className="text-zinc-400" aria-hidden>
                    →
                  </span>
                  <Link href={`/prompts/${prompt}/versions/${l.version}`} className="font-mono text-sm font-semibold text-zinc-900 hover:text-indigo-600 hover:underline dark:text-zinc-100 dark:hover:text-indigo-400">
                    v{l.version}
                  </Link>
                  {l.canary ? (
                    <span className="rounded-full bg-sky-100 px-2 py-0.5 font-mono text-xs whitespace-nowrap text-sky-800 dark:bg-sky-500/15 dark:text-sky-300" data-testid="canary-chip">
                      + v{l.canary.version} @ {l.canary.weight}%
                    </span>
                  ) : null}
                </div>
                <p className="mt-1 text-xs text-zinc-500 dark:text-zinc-400">
                  {l.automatic ? (
                    'Automatic: always the newest version'
                  ) : (
                    <>
                      <ActorName display={l.updatedBy ?? 'unknown'} actorRef={l.updatedByRef} /> · <RelativeTime iso={l.updatedAt} />
                    </>
                  )}
                </p>
                {l.automatic ? null : <PolicySummary policy={policyOf.get(l.name)} />}
              </div>
              {(canMove || isAdmin) && !l.automatic ? (
                <div className="flex shrink-0 items-center gap-1">
                  {isAdmin ? <PolicyDialog prompt={prompt} label={l.name} policy={policyOf.get(l.name) ?? null} /> : null}
                  {canMove && !l.canary ? <StartCanaryDialog prompt={prompt} label={l.name} current={l.version} latestVersion={latestVersion} /> : null}
                  <RollbackDialog prompt={prompt} label={l.name} current={l.version} target={rollbackTargets[l.name] ?? null} />
                  <RemoveLabelDialog prompt={prompt} label={l.name} current={l.version} />
                </div>
              ) : null}
              </div>
              {l.canary ? (
                <CanaryPanel
                  key={l.canary.id}
                  prompt={prompt}
                  canary={l.canary}
                  canMove={canMove}
                  canRequest={canRequest}
                  protection={l.name in protectedLabels ? { approvals: protectedLabels[l.name]!, labels: settable, latestVersion } : undefined}
                />
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}

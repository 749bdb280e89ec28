'use client';

import { CheckCircle2, DatabaseZap, ExternalLink, UserMinus, UserPlus, XCircle } from 'lucide-react';
import Link from 'next/link';
import type { ReactNode } from 'react';
import { sameActor, type ActorKey } from '@/lib/auth/actor-ref';
import type { ReviewItemDto } from '@/lib/feedback/queue';
import { categoryLabel } from '@/lib/feedback/schemas';
import { LabelChip, sortLabels } from '@/components/catalog/label-chip';
import { ModelName } from '@/components/catalog/model-name';
import { FeedbackList } from '@/components/feedback/feedback-list';
import { InputCard, OutputCard } from '@/components/logs/invocation-io';
import { ParamsSummary } from '@/components/prompt/params-summary';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Card, CardHeader } from '@/components/ui/card';
import { Kbd } from '@/components/ui/kbd';
import { ActorName } from '@/components/ui/actor-name';
import { RelativeTime } from '@/components/ui/relative-time';
import { DismissForm, ResolveForm } from './review-forms';
import type { ReviewAction } from './use-review-actions';

export type Mode = 'none' | 'resolve' | 'dismiss';
const STATUS_TEXT = { open: 'Open', resolved: 'Resolved', dismissed: 'Dismissed' } as const;

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="min-w-0">
      <dt className="text-[11px] font-medium tracking-wide text-zinc-500 uppercase dark:text-zinc-400">{label}</dt>
      <dd className="mt-0.5 text-sm text-zinc-900 dark:text-zinc-100">{children}</dd>
    </div>
  );
}

/** The selected item: what was sent and answered, the votes, and the triage actions. */
export function ReviewPanel({ item, me, mode, setMode, pending, act, onAddToDataset }: { item: ReviewItemDto; me: ActorKey; mode: Mode; setMode: (m: Mode) => void; pending: boolean; act: (a: ReviewAction) => void; onAddToDataset: () => void }) {
  const inv = item.invocation;
  const open = item.status === 'open';
  const mine = sameActor(item.assigneeRef, me);
  return (
    <div className="space-y-4" data-testid="review-panel" data-invocation-id={item.invocationId} data-revision={item.revision}>
      <Card>
        <div className="space-y-3 px-4 py-3">
          <div className="flex flex-wrap items-center gap-2">
            {inv.promptName ? (
              <Link href={inv.promptVersion ? `/prompts/${inv.promptName}/versions/${inv.promptVersion}` : `/prompts/${inv.promptName}`} className="font-mono text-sm font-semibold text-zinc-900 hover:text-indigo-600 hover:underline dark:text-zinc-100 dark:hover:text-indigo-400" data-testid="review-version-link">
                {inv.promptName}
                {inv.promptVersion ? <span className="text-zinc-500 dark:text-zinc-400">@v{inv.promptVersion}</span> : null}
              </Link>
            ) : (
              <span className="text-sm text-zinc-500 italic">No prompt</span>
            )}
            {sortLabels(item.versionLabels).map((l) => (
              <LabelChip key={l} label={l} />
            ))}
            {!open ? (
              <Badge tone={item.status === 'resolved' ? 'green' : 'neutral'} data-testid="review-status">
                {STATUS_TEXT[item.status]}
                {item.category ? ` · ${categoryLabel(item.category)}` : ''}
                {item.closedBy ? (
                  <>
                    {' by '}
                    <ActorName display={item.closedBy} actorRef={item.closedByRef} />
                  </>
                ) : null}
              </Badge>
            ) : null}
            {item.datasets.map((d) => (
              <Link key={d} href={`/datasets/${encodeURIComponent(d)}`} data-testid="review-in-dataset" data-dataset={d}>
                <Badge tone="indigo">
                  <DatabaseZap className="size-3" aria-hidden />
                  In dataset {d}
                </Badge>
              </Link>
            ))}
            <Link href={`/logs/${item.invocationId}`} className="ml-auto inline-flex items-center gap-1 text-xs font-medium text-indigo-600 hover:underline dark:text-indigo-400">
              Open invocation
              <ExternalLink className="size-3" aria-hidden />
            </Link>
          </div>
          <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4">
            <Fact label="Model">
              <ModelName id={inv.modelId} />
            </Fact>
            <Fact label="Params">{inv.params ? <span className="text-xs"><ParamsSummary params={inv.params} /></span> : '—'}</Fact>
            <Fact label="In queue since">
              <RelativeTime iso={item.enteredAt} />
            </Fact>
            <Fact label="Assignee">{item.assignee ? mine ? 'You' : <ActorName display={item.assignee} actorRef={item.assigneeRef} /> : <span className="text-zinc-500 dark:text-zinc-400">Unassigned</span>}</Fact>
          </dl>
          {item.note ? <p className="rounded-md bg-zinc-50 px-3 py-2 text-sm text-zinc-700 dark:bg-zinc-800/60 dark:text-zinc-300">Note: {item.note}</p> : null}
          {open ? (
            <div className="flex flex-wrap items-center gap-2 border-t border-zinc-100 pt-3 dark:border-zinc-800" role="toolbar" aria-label="Triage actions">
              <Button size="sm" variant={mode === 'resolve' ? 'primary' : 'secondary'} onClick={() => setMode('resolve')} aria-keyshortcuts="r" data-testid="review-resolve">
                <CheckCircle2 aria-hidden />
                Resolve <Kbd>r</Kbd>
              </Button>
              <Button size="sm" onClick={() => setMode('dismiss')} aria-keyshortcuts="d" data-testid="review-dismiss">
                <XCircle aria-hidden />
                Dismiss <Kbd>d</Kbd>
              </Button>
              <Button size="sm" onClick={onAddToDataset} aria-keyshortcuts="a" data-testid="review-add-to-dataset">
                <DatabaseZap aria-hidden />
                Add to dataset <Kbd>a</Kbd>
              </Button>
              <Button size="sm" variant="ghost" loading={pending} onClick={() => act({ kind: 'assign', item, body: { assignee: mine ? null : 'me' } })} data-testid={mine ? 'review-unassign' : 'review-assign'}>
                {mine ? <UserMinus aria-hidden /> : <UserPlus aria-hidden />}
                {mine ? 'Unassign' : item.assignee ? 'Take over' : 'Assign to me'}
              </Button>
            </div>
          ) : (
            <div className="border-t border-zinc-100 pt-3 dark:border-zinc-800">
              <Button size="sm" onClick={onAddToDataset} aria-keyshortcuts="a" data-testid="review-add-to-dataset">
                <DatabaseZap aria-hidden />
                Add to dataset <Kbd>a</Kbd>
              </Button>
            </div>
          )}
          {open && mode === 'resolve' ? <ResolveForm key={item.invocationId} pending={pending} onCancel={() => setMode('none')} onSubmit={(body) => act({ kind: 'resolve', item, body })} /> : null}
          {open && mode === 'dismiss' ? <DismissForm key={item.invocationId} pending={pending} onCancel={() => setMode('none')} onSubmit={(body) => act({ kind: 'dismiss', item, body })} /> : null}
        </div>
      </Card>
      <Card>
        <CardHeader title="Feedback" description={`${item.feedback.length} vote${item.feedback.length === 1 ? '' : 's'}`} />
        <FeedbackList feedback={item.feedback} me={me} />
      </Card>
      <OutputCard inv={inv} testId="review-output" scroll />
      <InputCard inv={inv} />
    </div>
  );
}

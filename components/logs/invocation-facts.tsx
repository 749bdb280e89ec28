import Link from 'next/link';
import type { ReactNode } from 'react';
import type { InvocationDto } from '@/lib/invocations/dto';
import { formatMs, formatUsd } from '@/lib/client/format';
import { shortModelName } from '@/lib/client/models';
import { LabelChip } from '@/components/catalog/label-chip';
import { ActorName } from '@/components/ui/actor-name';
import { overridesOf, OverridesBadge } from './overrides';
import { reasonText } from '@/lib/client/fallback';
import { StatusBadge } from './status-badge';

function Row({ label, children, mono }: { label: string; children: ReactNode; mono?: boolean }) {
  return (
    <div className="flex items-baseline justify-between gap-4 px-4 py-2">
      <dt className="shrink-0 text-zinc-600 dark:text-zinc-400">{label}</dt>
      <dd className={mono ? 'min-w-0 text-right font-mono text-[13px] break-all text-zinc-900 dark:text-zinc-100' : 'min-w-0 text-right text-zinc-900 dark:text-zinc-100'}>{children}</dd>
    </div>
  );
}

const none = <span className="text-xs text-zinc-400 dark:text-zinc-500">—</span>;

/** Status, model, usage, timings, cost and where the call came from. */
export function InvocationFacts({ inv }: { inv: InvocationDto }) {
  const cost = formatUsd(inv.costUsd);
  const changes = overridesOf(inv);
  return (
    <dl className="divide-y divide-zinc-100 text-sm dark:divide-zinc-800" data-testid="invocation-facts">
      <Row label="Status">
        <StatusBadge status={inv.status} />
      </Row>
      <Row label="Prompt" mono>
        {inv.promptName ? (
          <Link href={inv.promptVersion ? `/prompts/${inv.promptName}/versions/${inv.promptVersion}` : `/prompts/${inv.promptName}`} className="text-indigo-600 hover:underline dark:text-indigo-400" data-testid="invocation-version-link">
            {inv.promptName}
            {inv.promptVersion ? `@v${inv.promptVersion}` : ''}
          </Link>
        ) : (
          none
        )}
      </Row>
      {changes ? (
        <Row label="Overrides">
          <span className="inline-flex flex-wrap items-center justify-end gap-1.5">
            <OverridesBadge changes={changes} />
            <span className="text-xs text-zinc-600 dark:text-zinc-400">{changes.join(', ')}: not the version as saved</span>
          </span>
        </Row>
      ) : null}
      <Row label="Label">{inv.label ? <LabelChip label={inv.label} /> : none}</Row>
      <Row label="Model">
        <span className="block">{shortModelName(inv.modelId)}</span>
        <span className="block font-mono text-xs break-all text-zinc-500 dark:text-zinc-400">{inv.modelId}</span>
      </Row>
      {inv.fallbackFrom ? (
        <Row label="Fallback">
          <span className="block text-amber-800 dark:text-amber-300" data-testid="invocation-fallback">
            Answered by this fallback: {shortModelName(inv.fallbackFrom)} was {reasonText(inv.fallbackReason)}
          </span>
          <span className="block font-mono text-xs break-all text-zinc-500 dark:text-zinc-400">asked first: {inv.fallbackFrom}</span>
        </Row>
      ) : null}
      <Row label="Tokens in / out" mono>
        {inv.usage ? `${inv.usage.inputTokens} / ${inv.usage.outputTokens}` : none}
      </Row>
      {inv.usage && (inv.usage.cacheReadInputTokens || inv.usage.cacheWriteInputTokens) ? (
        <Row label="Cache read / write" mono>
          <span data-testid="invocation-cache">
            {inv.usage.cacheReadInputTokens ?? 0} / {inv.usage.cacheWriteInputTokens ?? 0}
          </span>
          {inv.cacheSavingsUsd !== null ? <span className="block font-sans text-xs text-zinc-500 dark:text-zinc-400">{inv.cacheSavingsUsd < 0 ? `cache writes cost ${formatUsd(-inv.cacheSavingsUsd)} more` : `saved ${formatUsd(inv.cacheSavingsUsd)}`}</span> : null}
        </Row>
      ) : null}
      <Row label="Latency" mono>
        {formatMs(inv.latencyMs)}
      </Row>
      <Row label="Time to first token" mono>
        {formatMs(inv.timeToFirstTokenMs)}
      </Row>
      <Row label="Cost" mono>
        {cost ?? <span className="font-sans text-xs text-zinc-500 dark:text-zinc-400">no price for this model</span>}
      </Row>
      <Row label="Stop reason" mono>
        {inv.stopReason ?? none}
      </Row>
      <Row label="Attempts" mono>
        {inv.attempts ?? none}
      </Row>
      <Row label="AWS request id" mono>
        {inv.awsRequestId ?? none}
      </Row>
      <Row label="Source">{inv.source}</Row>
      <Row label="Caller">
        <ActorName display={inv.caller} actorRef={inv.callerRef} />
      </Row>
    </dl>
  );
}

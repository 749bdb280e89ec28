'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import type { FeedbackSummary } from '@/lib/feedback/votes';
import type { InvocationDto } from '@/lib/invocations/dto';
import { formatMs, formatUsd } from '@/lib/client/format';
import { LabelChip } from '@/components/catalog/label-chip';
import { ModelName } from '@/components/catalog/model-name';
import { FeedbackButtons } from '@/components/feedback/feedback-buttons';
import { Badge } from '@/components/ui/badge';
import { RelativeTime } from '@/components/ui/relative-time';
import { Table, TBody, Td, Th, THead, Tr } from '@/components/ui/table';
import { StatusBadge } from './status-badge';

const num = 'text-right font-mono text-[13px] tabular-nums text-zinc-700 dark:text-zinc-300';

/** One row per invocation; a click anywhere on the row (or Enter on its time link) opens it. */
export function LogsTable({ items, feedback = {} }: { items: InvocationDto[]; feedback?: Record<string, FeedbackSummary> }) {
  const router = useRouter();
  return (
    <Table aria-label="Invocations">
      <THead>
        <tr>
          <Th>Time</Th>
          <Th>Prompt</Th>
          <Th>Label</Th>
          <Th>Model</Th>
          <Th>Status</Th>
          <Th className="text-right">Latency</Th>
          <Th className="text-right">Tokens in / out</Th>
          <Th className="text-right">Cost</Th>
          <Th>Feedback</Th>
        </tr>
      </THead>
      <TBody>
        {items.map((i) => {
          const cost = formatUsd(i.costUsd);
          return (
            <Tr
              key={i.id}
              data-testid="invocation-row"
              data-id={i.id}
              data-status={i.status}
              data-prompt={i.promptName ?? ''}
              data-version={i.promptVersion ?? ''}
              data-source={i.source}
              className="cursor-pointer"
              onClick={(e) => {
                if ((e.target as Element).closest('a, button')) return;
                router.push(`/logs/${i.id}`);
              }}
            >
              <Td className="whitespace-nowrap">
                <Link href={`/logs/${i.id}`} className="text-zinc-800 hover:text-indigo-600 hover:underline dark:text-zinc-200 dark:hover:text-indigo-400" aria-label={`Invocation ${i.id}`}>
                  <RelativeTime iso={i.createdAt} />
                </Link>
              </Td>
              <Td className="whitespace-nowrap">
                {i.promptName ? (
                  <Link
                    href={i.promptVersion ? `/prompts/${i.promptName}/versions/${i.promptVersion}` : `/prompts/${i.promptName}`}
                    className="font-mono text-[13px] font-medium text-zinc-900 hover:text-indigo-600 hover:underline dark:text-zinc-100 dark:hover:text-indigo-400"
                  >
                    {i.promptName}
                    {i.promptVersion ? <span className="text-zinc-500 dark:text-zinc-400">@v{i.promptVersion}</span> : null}
                  </Link>
                ) : (
                  <span className="text-xs text-zinc-400 italic dark:text-zinc-500">no prompt</span>
                )}
                {i.source !== 'api' ? (
                  <Badge tone="subtle" className="ml-1.5 text-[10px]">
                    {i.source}
                  </Badge>
                ) : null}
              </Td>
              <Td>{i.label ? <LabelChip label={i.label} /> : <span className="text-zinc-400 dark:text-zinc-500">—</span>}</Td>
              <Td>
                <ModelName id={i.modelId} />
              </Td>
              <Td>
                <StatusBadge status={i.status} />
              </Td>
              <Td className={num}>{formatMs(i.latencyMs)}</Td>
              <Td className={num}>{i.usage ? `${i.usage.inputTokens} / ${i.usage.outputTokens}` : '—'}</Td>
              <Td className={num}>{cost ?? <span className="font-sans text-xs text-zinc-400 dark:text-zinc-500" title="No price for this model">—</span>}</Td>
              {/* The comment popover is portaled, but its events bubble here through React: keep them off the row. */}
              <Td className="py-1.5" onClick={(e) => e.stopPropagation()}>
                <FeedbackButtons invocationId={i.id} initial={feedback[i.id]} compact />
              </Td>
            </Tr>
          );
        })}
      </TBody>
    </Table>
  );
}

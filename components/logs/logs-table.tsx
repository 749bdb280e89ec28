'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import type { FeedbackSummary } from '@/lib/feedback/votes';
import type { InvocationDto } from '@/lib/invocations/dto';
import { formatMs, formatUsd } from '@/lib/client/format';
import { LabelChip } from '@/components/catalog/label-chip';
import { ModelName } from '@/components/catalog/model-name';
import { FeedbackButtons } from '@/components/feedback/feedback-buttons';
import { Badge } from '@/components/ui/badge';
import { RelativeTime } from '@/components/ui/relative-time';
import { Table, TBody, Td, Th, THead, Tr } from '@/components/ui/table';
import { overridesOf, OverridesBadge } from './overrides';
import { StatusBadge } from './status-badge';
import { AddInvocationsBar } from './add-to-dataset';

const num = 'px-3 text-right font-mono text-[13px] whitespace-nowrap tabular-nums text-zinc-700 dark:text-zinc-300';
const cell = 'px-3';

const check = 'size-4 cursor-pointer rounded border-zinc-300 accent-indigo-600 dark:border-zinc-600';

/**
 * One row per invocation; a click anywhere on the row (or Enter on its time link) opens it.
 * `selectable` (reviewers): a checkbox per row and "Add to dataset" for the selected ones.
 */
export function LogsTable({ items, feedback = {}, selectable = false }: { items: InvocationDto[]; feedback?: Record<string, FeedbackSummary>; selectable?: boolean }) {
  const router = useRouter();
  const [selected, setSelected] = useState<string[]>([]);
  const toggle = (id: string) => setSelected((s) => (s.includes(id) ? s.filter((x) => x !== id) : [...s, id]));
  const all = items.length > 0 && items.every((i) => selected.includes(i.id));
  return (
    <>
    {selectable && selected.length > 0 ? <AddInvocationsBar ids={selected} onClear={() => setSelected([])} onAdded={() => setSelected([])} /> : null}
    <Table aria-label="Invocations">
      <THead>
        <tr>
          {selectable ? (
            <Th className="w-8 px-3">
              <input type="checkbox" className={check} aria-label="Select all on this page" checked={all} onChange={() => setSelected(all ? [] : items.map((i) => i.id))} data-testid="logs-select-all" />
            </Th>
          ) : null}
          <Th className={cell}>Time</Th>
          <Th className={cell}>Prompt</Th>
          <Th className={cell}>Label</Th>
          <Th className={cell}>Model</Th>
          <Th className={cell}>Status</Th>
          <Th className="px-3 text-right">Latency</Th>
          <Th className="px-3 text-right whitespace-nowrap" title="Input / output tokens">
            Tokens
          </Th>
          <Th className="px-3 text-right">Cost</Th>
          <Th className={cell}>Feedback</Th>
        </tr>
      </THead>
      <TBody>
        {items.map((i) => {
          const cost = formatUsd(i.costUsd);
          const changes = overridesOf(i);
          return (
            <Tr
              key={i.id}
              data-testid="invocation-row"
              data-id={i.id}
              data-status={i.status}
              data-prompt={i.promptName ?? ''}
              data-version={i.promptVersion ?? ''}
              data-source={i.source}
              data-overrides={changes ? 'true' : 'false'}
              className="cursor-pointer"
              onClick={(e) => {
                if ((e.target as Element).closest('a, button, input')) return;
                router.push(`/logs/${i.id}`);
              }}
            >
              {selectable ? (
                <Td className="w-8 px-3" onClick={(e) => e.stopPropagation()}>
                  <input type="checkbox" className={check} aria-label={`Select invocation ${i.id}`} checked={selected.includes(i.id)} onChange={() => toggle(i.id)} data-testid="logs-select" />
                </Td>
              ) : null}
              <Td className="px-3 whitespace-nowrap">
                <Link href={`/logs/${i.id}`} className="text-zinc-800 hover:text-indigo-600 hover:underline dark:text-zinc-200 dark:hover:text-indigo-400" aria-label={`Invocation ${i.id}`}>
                  <RelativeTime iso={i.createdAt} />
                </Link>
              </Td>
              <Td className="max-w-64 px-3">
                <div className="flex flex-wrap items-center gap-x-1.5 gap-y-1">
                  {i.promptName ? (
                    <Link
                      href={i.promptVersion ? `/prompts/${i.promptName}/versions/${i.promptVersion}` : `/prompts/${i.promptName}`}
                      className="max-w-full truncate font-mono text-[13px] font-medium text-zinc-900 hover:text-indigo-600 hover:underline dark:text-zinc-100 dark:hover:text-indigo-400"
                      title={`${i.promptName}${i.promptVersion ? ` v${i.promptVersion}` : ''}`}
                    >
                      {i.promptName}
                      {i.promptVersion ? <span className="text-zinc-500 dark:text-zinc-400">@v{i.promptVersion}</span> : null}
                    </Link>
                  ) : (
                    <span className="text-xs text-zinc-400 italic dark:text-zinc-500">no prompt</span>
                  )}
                  {changes ? <OverridesBadge changes={changes} /> : null}
                  {i.source !== 'api' ? (
                    <Badge tone="subtle" className="text-[10px]">
                      {i.source}
                    </Badge>
                  ) : null}
                </div>
              </Td>
              <Td className={cell}>{i.label ? <LabelChip label={i.label} /> : <span className="text-zinc-400 dark:text-zinc-500">—</span>}</Td>
              <Td className={cell}>
                <ModelName id={i.modelId} />
              </Td>
              <Td className={cell}>
                <StatusBadge status={i.status} />
              </Td>
              <Td className={num}>{formatMs(i.latencyMs)}</Td>
              <Td className={num}>{i.usage ? `${i.usage.inputTokens} / ${i.usage.outputTokens}` : '—'}</Td>
              <Td className={num}>{cost ?? <span className="font-sans text-xs text-zinc-400 dark:text-zinc-500" title="No price for this model">—</span>}</Td>
              {/* The comment popover is portaled, but its events bubble here through React: keep them off the row. */}
              <Td className="px-3 py-1.5" onClick={(e) => e.stopPropagation()}>
                <FeedbackButtons invocationId={i.id} initial={feedback[i.id]} compact />
              </Td>
            </Tr>
          );
        })}
      </TBody>
    </Table>
    </>
  );
}

import Link from 'next/link';
import type { PromptSummary } from '@/lib/catalog/dto';
import { Badge } from '@/components/ui/badge';
import { RelativeTime } from '@/components/ui/relative-time';
import { Table, TBody, Td, Th, THead, Tr } from '@/components/ui/table';
import { LegacyPromptBadge } from '@/components/models/legacy-warning';
import { LabelChip, sortLabels } from './label-chip';

export function PromptsTable({ prompts }: { prompts: PromptSummary[] }) {
  return (
    <Table aria-label="Prompts">
      <THead>
        <tr>
          <Th>Name</Th>
          <Th>Description</Th>
          <Th className="text-right">Latest</Th>
          <Th>Labels</Th>
          <Th className="text-right">Updated</Th>
        </tr>
      </THead>
      <TBody>
        {prompts.map((p) => (
          <Tr key={p.name} data-testid="prompt-row" data-prompt={p.name} data-archived={p.archivedAt ? 'true' : 'false'}>
            <Td className="max-w-64">
              <Link href={`/prompts/${p.name}`} className="font-mono text-[13px] font-medium break-all text-zinc-900 hover:text-indigo-600 hover:underline dark:text-zinc-100 dark:hover:text-indigo-400">
                {p.name}
              </Link>
              {p.archivedAt ? (
                <Badge tone="subtle" className="ml-1.5 align-middle text-[10px]">
                  archived
                </Badge>
              ) : null}
              <LegacyPromptBadge prompt={p.name} />
              {p.tags.length > 0 ? (
                <div className="mt-1 flex flex-wrap gap-1">
                  {p.tags.map((t) => (
                    <span key={t} className="text-[11px] text-zinc-500 dark:text-zinc-400">
                      #{t}
                    </span>
                  ))}
                </div>
              ) : null}
            </Td>
            <Td className="max-w-md text-zinc-600 dark:text-zinc-400">
              <p className="line-clamp-2">{p.description || <span className="text-zinc-400 italic dark:text-zinc-500">No description</span>}</p>
            </Td>
            <Td className="text-right font-mono text-[13px] text-zinc-700 tabular-nums dark:text-zinc-300">
              {p.latestVersion !== null ? `v${p.latestVersion}` : <span className="text-zinc-400 dark:text-zinc-500">—</span>}
            </Td>
            <Td>
              <div className="flex flex-wrap gap-1">
                {sortLabels(Object.keys(p.labels)).map((l) => (
                  <LabelChip key={l} label={l} version={p.labels[l]} />
                ))}
              </div>
            </Td>
            <Td className="text-right whitespace-nowrap text-zinc-500 dark:text-zinc-400">
              <RelativeTime iso={p.updatedAt} />
            </Td>
          </Tr>
        ))}
      </TBody>
    </Table>
  );
}

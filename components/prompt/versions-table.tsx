import Link from 'next/link';
import type { VersionDto } from '@/lib/catalog/dto';
import { ActorName } from '@/components/ui/actor-name';
import { RelativeTime } from '@/components/ui/relative-time';
import { Table, TBody, Td, Th, THead, Tr } from '@/components/ui/table';
import { LabelChip, sortLabels } from '@/components/catalog/label-chip';
import { ModelName } from '@/components/catalog/model-name';
import { ParamsSummary } from './params-summary';

export function VersionsTable({ prompt, versions }: { prompt: string; versions: VersionDto[] }) {
  return (
    <Table aria-label="Versions">
      <THead>
        <tr>
          <Th className="w-16">Version</Th>
          <Th>Model · params</Th>
          <Th>Commit message</Th>
          <Th className="text-right">Author</Th>
        </tr>
      </THead>
      <TBody>
        {versions.map((v) => (
          <Tr key={v.version} data-testid="version-row" data-version={v.version}>
            <Td className="align-top">
              <Link
                href={`/prompts/${prompt}/versions/${v.version}`}
                className="font-mono text-sm font-semibold text-zinc-900 hover:text-indigo-600 hover:underline dark:text-zinc-100 dark:hover:text-indigo-400"
                aria-label={`Version ${v.version}`}
              >
                v{v.version}
              </Link>
            </Td>
            <Td className="align-top">
              <div className="text-sm">
                <ModelName id={v.modelId} />
              </div>
              <div className="mt-0.5">
                <ParamsSummary params={v.params} />
              </div>
            </Td>
            <Td className="max-w-sm align-top">
              <p className="line-clamp-2 text-zinc-700 dark:text-zinc-300">{v.commitMessage || <span className="text-zinc-400 italic dark:text-zinc-500">No message</span>}</p>
              {v.labels.length > 0 ? (
                <div className="mt-1.5 flex flex-wrap gap-1">
                  {sortLabels(v.labels).map((l) => (
                    <LabelChip key={l} label={l} />
                  ))}
                </div>
              ) : null}
            </Td>
            <Td className="text-right align-top text-xs whitespace-nowrap text-zinc-500 dark:text-zinc-400">
              <div className="text-zinc-700 dark:text-zinc-300">
                <ActorName display={v.createdBy} actorRef={v.createdByRef} />
              </div>
              <RelativeTime iso={v.createdAt} />
            </Td>
          </Tr>
        ))}
      </TBody>
    </Table>
  );
}

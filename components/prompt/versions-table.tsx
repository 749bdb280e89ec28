import Link from 'next/link';
import type { VersionDto } from '@/lib/catalog/dto';
import type { SuiteResultsDto } from '@/lib/experiments/responses';
import { ActorName } from '@/components/ui/actor-name';
import { RelativeTime } from '@/components/ui/relative-time';
import { Table, TBody, Td, Th, THead, Tr } from '@/components/ui/table';
import { LabelChip, sortLabels } from '@/components/catalog/label-chip';
import { ModelName } from '@/components/catalog/model-name';
import { ParamsSummary } from './params-summary';
import { SuiteResultCell } from './suite-result-cell';

export function VersionsTable({ prompt, versions, suite }: { prompt: string; versions: VersionDto[]; suite?: SuiteResultsDto }) {
  const latest = new Map((suite?.versions ?? []).map((v) => [v.version, v.latest]));
  const showSuite = !!suite?.suite;
  return (
    <Table aria-label="Versions">
      <THead>
        <tr>
          <Th className="w-16">Version</Th>
          <Th>Model · params</Th>
          <Th>Commit message</Th>
          {showSuite ? <Th className="whitespace-nowrap">Suite {suite?.suite}</Th> : null}
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
            {showSuite ? (
              <Td className="align-top">
                <SuiteResultCell run={latest.get(v.version) ?? null} />
              </Td>
            ) : null}
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

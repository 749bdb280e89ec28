import type { DeployMarker } from '@/lib/metrics/bedrock';
import Link from 'next/link';
import { LabelChip } from '@/components/catalog/label-chip';
import { ActorName } from '@/components/ui/actor-name';
import { Card, CardHeader } from '@/components/ui/card';
import { RelativeTime } from '@/components/ui/relative-time';
import { Table, TBody, Td, Th, THead, Tr } from '@/components/ui/table';
import { MARKER_STYLE } from './deploy-marker';

const v = (n: number | null) => (n === null ? 'none' : `v${n}`);

/** The label moves drawn on the charts, as a list (readable without hovering), newest first. */
export function DeployList({ deploys }: { deploys: DeployMarker[] }) {
  return (
    <Card className="mt-4 overflow-hidden" data-testid="deploy-list">
      <CardHeader title="Label moves in this window" description="Drawn on every chart: solid indigo deploy, dashed amber rollback, dotted red removal." />
      {deploys.length === 0 ? (
        <p className="px-4 py-3 text-sm text-zinc-500 dark:text-zinc-400">No deploys, rollbacks or removals in this window.</p>
      ) : (
        <Table aria-label="Label moves">
          <THead>
            <tr>
              <Th>When</Th>
              <Th>Action</Th>
              <Th>Prompt</Th>
              <Th>Label</Th>
              <Th className="whitespace-nowrap">From → to</Th>
              <Th>Who</Th>
              <Th>Reason</Th>
            </tr>
          </THead>
          <TBody>
            {[...deploys].reverse().map((d, i) => (
              <Tr key={`${d.at}-${i}`} data-testid="deploy-row" data-action={d.action}>
                <Td className="text-xs whitespace-nowrap">
                  <RelativeTime iso={d.at} />
                </Td>
                <Td>
                  <span className="inline-flex items-center gap-1.5 text-xs font-medium text-zinc-700 dark:text-zinc-300">
                    <span className="h-3 w-0.5 rounded" style={{ background: MARKER_STYLE[d.action].color }} aria-hidden />
                    {d.action.replace('_', ' ')}
                  </span>
                </Td>
                <Td className="whitespace-nowrap">
                  <Link href={`/prompts/${d.prompt}#history`} className="font-mono text-[13px] text-zinc-900 hover:underline dark:text-zinc-100">
                    {d.prompt}
                  </Link>
                </Td>
                <Td>
                  <LabelChip label={d.label} />
                </Td>
                <Td className="font-mono text-[13px] whitespace-nowrap">
                  {v(d.fromVersion)} → {v(d.toVersion)}
                </Td>
                <Td className="text-xs whitespace-nowrap text-zinc-600 dark:text-zinc-400">
                  <ActorName display={d.actor} actorRef={d.actorRef} />
                </Td>
                <Td className="max-w-xs truncate text-xs text-zinc-600 dark:text-zinc-400" title={d.reason}>
                  {d.reason || '—'}
                </Td>
              </Tr>
            ))}
          </TBody>
        </Table>
      )}
    </Card>
  );
}

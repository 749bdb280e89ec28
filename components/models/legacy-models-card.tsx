'use client';

import Link from 'next/link';
import { Card, CardHeader } from '@/components/ui/card';
import { Table, TBody, Td, Th, THead, Tr } from '@/components/ui/table';
import { formatDate, useLegacyUsage } from './use-models';

/** On the metrics page: every label serving a LEGACY model, soonest end of life first. */
export function LegacyModelsCard() {
  const usage = useLegacyUsage();
  const items = usage.data?.items ?? [];
  return (
    <Card className="overflow-hidden" data-testid="legacy-models-card">
      <CardHeader title="Prompts on LEGACY models" description="Labels serving a model Bedrock has marked LEGACY; move them before the end of life." />
      {usage.isLoading ? (
        <p className="px-5 pb-5 text-sm text-zinc-500">Loading…</p>
      ) : usage.isError ? (
        <p className="px-5 pb-5 text-sm text-red-600 dark:text-red-400">Could not read the Bedrock catalog: {usage.error.message}</p>
      ) : items.length === 0 ? (
        <p className="px-5 pb-5 text-sm text-zinc-500 dark:text-zinc-400">No label serves a LEGACY model.</p>
      ) : (
        <div className="overflow-x-auto">
          <Table aria-label="Prompts on LEGACY models">
            <THead>
              <tr>
                <Th>Prompt</Th>
                <Th>Label</Th>
                <Th>Model</Th>
                <Th className="text-right">End of life</Th>
              </tr>
            </THead>
            <TBody>
              {items.map((i) => (
                <Tr key={`${i.prompt}/${i.label}`} data-testid="legacy-row">
                  <Td className="max-w-48 break-all">
                    <Link href={`/prompts/${i.prompt}`} className="font-mono text-[13px] hover:text-indigo-600 hover:underline">
                      {i.prompt}
                    </Link>
                  </Td>
                  <Td className="font-mono text-[13px]">
                    {i.label} <span className="text-zinc-400">v{i.version}</span>
                  </Td>
                  <Td className="max-w-56">
                    <span className="block">{i.modelName}</span>
                    <span className="block truncate font-mono text-xs text-zinc-500">{i.modelId}</span>
                  </Td>
                  <Td className="text-right whitespace-nowrap">{formatDate(i.endOfLife) ?? 'not announced'}</Td>
                </Tr>
              ))}
            </TBody>
          </Table>
        </div>
      )}
    </Card>
  );
}

import type { Metadata } from 'next';
import Link from 'next/link';
import { Database } from 'lucide-react';
import { can } from '@/lib/auth/roles';
import { pageContext } from '@/lib/auth/server';
import { listDatasets } from '@/lib/datasets/service';
import { Card } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { ActorName } from '@/components/ui/actor-name';
import { RelativeTime } from '@/components/ui/relative-time';
import { Table, TBody, Td, Th, THead, Tr } from '@/components/ui/table';
import { CreateDatasetDialog } from '@/components/datasets/create-dataset-dialog';

export const metadata: Metadata = { title: 'Datasets' };

export default async function DatasetsPage() {
  const { user, ctx } = await pageContext();
  const datasets = await listDatasets(ctx);
  const canWrite = can(user.actor, 'feedback:review');
  return (
    <>
      <PageHeader
        title="Datasets"
        description="Ground truth: prompt inputs and the outputs that would have been right, collected from reviewed invocations. Test versions and hyperparameters against them."
        actions={canWrite ? <CreateDatasetDialog /> : null}
      />
      <Card className="overflow-hidden">
        {datasets.length === 0 ? (
          <EmptyState
            icon={<Database />}
            title="No datasets yet"
            description={canWrite ? 'Create one here, then add examples by hand, by importing a CSV or JSON Lines file, or from the Logs page and the review queue.' : 'Reviewers create datasets and add examples from the review queue.'}
          />
        ) : (
          <Table aria-label="Datasets">
            <THead>
              <tr>
                <Th>Name</Th>
                <Th>Description</Th>
                <Th className="text-right">Examples</Th>
                <Th className="text-right">Revision</Th>
                <Th className="text-right">Created</Th>
              </tr>
            </THead>
            <TBody>
              {datasets.map((d) => (
                <Tr key={d.id} data-testid="dataset-row" data-name={d.name} data-examples={d.examples}>
                  <Td>
                    <Link href={`/datasets/${encodeURIComponent(d.name)}`} className="font-mono text-sm font-medium text-zinc-900 hover:text-indigo-600 hover:underline dark:text-zinc-100 dark:hover:text-indigo-400">
                      {d.name}
                    </Link>
                  </Td>
                  <Td className="max-w-md text-zinc-700 dark:text-zinc-300">{d.description || <span className="text-zinc-400 italic dark:text-zinc-500">No description</span>}</Td>
                  <Td className="text-right font-mono text-[13px] tabular-nums">{d.examples}</Td>
                  <Td className="text-right font-mono text-[13px] tabular-nums text-zinc-500">{d.revision}</Td>
                  <Td className="text-right text-xs whitespace-nowrap text-zinc-500 dark:text-zinc-400">
                    <div className="text-zinc-700 dark:text-zinc-300">
                      <ActorName display={d.createdBy} actorRef={d.createdByRef} />
                    </div>
                    <RelativeTime iso={d.createdAt} />
                  </Td>
                </Tr>
              ))}
            </TBody>
          </Table>
        )}
      </Card>
    </>
  );
}

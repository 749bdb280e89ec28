import type { Metadata } from 'next';
import Link from 'next/link';
import { ChevronRight, FileQuestion } from 'lucide-react';
import { pageContext } from '@/lib/auth/server';
import { getDataset } from '@/lib/feedback/datasets';
import { orNotFound, segment } from '@/lib/http/pages';
import { Card } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { ActorName } from '@/components/ui/actor-name';
import { RelativeTime } from '@/components/ui/relative-time';
import { Table, TBody, Td, Th, THead, Tr } from '@/components/ui/table';

type Props = { params: Promise<{ name: string }> };

export async function generateMetadata(props: Props): Promise<Metadata> {
  return { title: `Dataset ${segment((await props.params).name)}` };
}

const pre = 'max-h-48 overflow-auto rounded-md bg-zinc-50 px-2.5 py-2 font-mono text-xs leading-relaxed whitespace-pre-wrap text-zinc-800 dark:bg-zinc-950/50 dark:text-zinc-200';

export default async function DatasetPage(props: Props) {
  const { ctx } = await pageContext();
  const d = await orNotFound(getDataset(ctx, segment((await props.params).name)));
  return (
    <>
      <nav aria-label="Breadcrumb" className="mb-3 flex items-center gap-1 text-xs text-zinc-500 dark:text-zinc-400">
        <Link href="/datasets" className="hover:text-zinc-900 dark:hover:text-zinc-100">
          Datasets
        </Link>
        <ChevronRight className="size-3" aria-hidden />
        <span className="font-mono text-zinc-700 dark:text-zinc-300">{d.name}</span>
      </nav>
      <PageHeader
        title={<span className="font-mono">{d.name}</span>}
        description={d.description || undefined}
        meta={
          <>
            <span data-testid="dataset-example-count">
              {d.examples} example{d.examples === 1 ? '' : 's'}
              {d.items.length < d.examples ? ` (newest ${d.items.length} shown)` : ''}
            </span>
            <span>
              Created by <ActorName display={d.createdBy} actorRef={d.createdByRef} /> <RelativeTime iso={d.createdAt} />
            </span>
          </>
        }
      />
      <Card className="overflow-hidden">
        {d.items.length === 0 ? (
          <EmptyState icon={<FileQuestion />} title="No examples yet" description="Reviewers add examples from the review queue: the invocation's variables and the output that would have been right." />
        ) : (
          <Table aria-label="Examples">
            <THead>
              <tr>
                <Th className="w-1/3">Variables</Th>
                <Th className="w-1/3">Expected output</Th>
                <Th>Source</Th>
                <Th className="text-right">Added</Th>
              </tr>
            </THead>
            <TBody>
              {d.items.map((e) => (
                <Tr key={e.id} data-testid="dataset-example" data-invocation-id={e.invocationId ?? ''}>
                  <Td className="align-top">
                    <pre className={pre}>{JSON.stringify(e.variables, null, 2)}</pre>
                  </Td>
                  <Td className="align-top">
                    <pre className={pre}>{e.expectedOutput}</pre>
                  </Td>
                  <Td className="align-top text-xs">
                    {e.promptName ? (
                      <Link href={e.promptVersion ? `/prompts/${e.promptName}/versions/${e.promptVersion}` : `/prompts/${e.promptName}`} className="font-mono text-zinc-800 hover:underline dark:text-zinc-200">
                        {e.promptName}
                        {e.promptVersion ? `@v${e.promptVersion}` : ''}
                      </Link>
                    ) : (
                      <span className="text-zinc-400 dark:text-zinc-500">—</span>
                    )}
                    {e.invocationId ? (
                      <Link href={`/logs/${e.invocationId}`} className="mt-1 block text-indigo-600 hover:underline dark:text-indigo-400" data-testid="example-invocation-link">
                        Source invocation
                      </Link>
                    ) : null}
                  </Td>
                  <Td className="text-right align-top text-xs whitespace-nowrap text-zinc-500 dark:text-zinc-400">
                    <div className="text-zinc-700 dark:text-zinc-300">
                      <ActorName display={e.createdBy} actorRef={e.createdByRef} />
                    </div>
                    <RelativeTime iso={e.createdAt} />
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

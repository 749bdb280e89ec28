import type { Metadata } from 'next';
import Link from 'next/link';
import { ChevronRight } from 'lucide-react';
import { can } from '@/lib/auth/roles';
import { pageContext } from '@/lib/auth/server';
import { getDataset } from '@/lib/datasets/service';
import { orNotFound, segment } from '@/lib/http/pages';
import { PageHeader } from '@/components/ui/page-header';
import { ActorName } from '@/components/ui/actor-name';
import { Badge } from '@/components/ui/badge';
import { RelativeTime } from '@/components/ui/relative-time';
import { DatasetActions } from '@/components/datasets/dataset-actions';
import { ExamplesPanel } from '@/components/datasets/examples-panel';

type Props = { params: Promise<{ name: string }> };

export async function generateMetadata(props: Props): Promise<Metadata> {
  return { title: `Dataset ${segment((await props.params).name)}` };
}

export default async function DatasetPage(props: Props) {
  const { user, ctx } = await pageContext();
  const d = await orNotFound(getDataset(ctx, segment((await props.params).name)));
  const canWrite = can(user.actor, 'feedback:review');
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
        title={<span className="font-mono break-all">{d.name}</span>}
        description={d.description || undefined}
        actions={<DatasetActions dataset={d.name} examples={d.examples} canWrite={canWrite} />}
        meta={
          <>
            <span data-testid="dataset-example-count" data-count={d.examples}>
              {d.examples} example{d.examples === 1 ? '' : 's'}
            </span>
            <Badge tone="indigo" data-testid="dataset-revision" data-revision={d.revision} title="Grows with every change to the examples; experiments record the revision they ran on.">
              revision {d.revision}
            </Badge>
            <span>
              Changed <RelativeTime iso={d.updatedAt} />
            </span>
            <span>
              Created by <ActorName display={d.createdBy} actorRef={d.createdByRef} />
            </span>
          </>
        }
      />
      <ExamplesPanel dataset={d.name} canWrite={canWrite} total={d.examples} revision={d.revision} />
    </>
  );
}

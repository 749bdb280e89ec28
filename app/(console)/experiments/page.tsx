import type { Metadata } from 'next';
import Link from 'next/link';
import { Suspense } from 'react';
import { Grid3x3, Plus } from 'lucide-react';
import { can } from '@/lib/auth/roles';
import { pageContext } from '@/lib/auth/server';
import { Button } from '@/components/ui/button';
import { PageHeader } from '@/components/ui/page-header';
import { PageSkeleton } from '@/components/ui/skeleton';
import { ExperimentsList } from '@/components/experiments/experiments-list';

export const metadata: Metadata = { title: 'Experiments' };

export default async function ExperimentsPage() {
  const { user } = await pageContext();
  const canRun = can(user.actor, 'catalog:write');
  return (
    <>
      <PageHeader
        title="Experiments"
        description="Runs of a prompt version against a dataset of expected outputs, newest first. Tick two runs on one dataset to compare them."
        actions={
          canRun ? (
            <>
              <Button asChild>
                <Link href="/experiments/sweeps/new">
                  <Grid3x3 aria-hidden />
                  New sweep
                </Link>
              </Button>
              <Button asChild variant="primary">
                <Link href="/experiments/new">
                  <Plus aria-hidden />
                  New experiment
                </Link>
              </Button>
            </>
          ) : null
        }
      />
      <Suspense fallback={<PageSkeleton rows={6} />}>
        <ExperimentsList />
      </Suspense>
    </>
  );
}

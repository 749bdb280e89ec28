import type { Metadata } from 'next';
import Link from 'next/link';
import { Suspense } from 'react';
import { ChevronRight } from 'lucide-react';
import { can } from '@/lib/auth/roles';
import { pageContext } from '@/lib/auth/server';
import { PageHeader } from '@/components/ui/page-header';
import { PageSkeleton } from '@/components/ui/skeleton';
import { NewExperimentForm } from '@/components/experiments/new-experiment-form';
import { RunSuiteCard } from '@/components/suites/run-suite-card';

export const metadata: Metadata = { title: 'New experiment' };

export default async function NewExperimentPage() {
  const { user } = await pageContext();
  return (
    <>
      <nav aria-label="Breadcrumb" className="mb-3 flex items-center gap-1 text-xs text-zinc-500 dark:text-zinc-400">
        <Link href="/experiments" className="hover:text-zinc-900 dark:hover:text-zinc-100">
          Experiments
        </Link>
        <ChevronRight className="size-3" aria-hidden />
        <span>New</span>
      </nav>
      <PageHeader title="New experiment" description="Run a prompt version against every example of a dataset and judge each output. Or run a saved test suite below." />
      <Suspense fallback={<PageSkeleton rows={6} />}>
        <NewExperimentForm />
      </Suspense>
      <h2 id="run-suite" className="mt-10 mb-3 text-base font-semibold text-zinc-900 dark:text-zinc-50">Run suite</h2>
      <RunSuiteCard canWrite={can(user.actor, 'catalog:write')} />
    </>
  );
}

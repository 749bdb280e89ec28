import type { Metadata } from 'next';
import Link from 'next/link';
import { Suspense } from 'react';
import { ChevronRight } from 'lucide-react';
import { pageContext } from '@/lib/auth/server';
import { PageHeader } from '@/components/ui/page-header';
import { PageSkeleton } from '@/components/ui/skeleton';
import { NewExperimentForm } from '@/components/experiments/new-experiment-form';

export const metadata: Metadata = { title: 'New experiment' };

export default async function NewExperimentPage() {
  await pageContext();
  return (
    <>
      <nav aria-label="Breadcrumb" className="mb-3 flex items-center gap-1 text-xs text-zinc-500 dark:text-zinc-400">
        <Link href="/experiments" className="hover:text-zinc-900 dark:hover:text-zinc-100">
          Experiments
        </Link>
        <ChevronRight className="size-3" aria-hidden />
        <span>New</span>
      </nav>
      <PageHeader title="New experiment" description="Run a prompt version against every example of a dataset and judge each output. To run a saved test suite, use the Test suites panel on the prompt's page." />
      <Suspense fallback={<PageSkeleton rows={6} />}>
        <NewExperimentForm />
      </Suspense>
    </>
  );
}

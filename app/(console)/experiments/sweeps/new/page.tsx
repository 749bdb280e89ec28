import type { Metadata } from 'next';
import Link from 'next/link';
import { Suspense } from 'react';
import { ChevronRight } from 'lucide-react';
import { pageContext } from '@/lib/auth/server';
import { PageHeader } from '@/components/ui/page-header';
import { PageSkeleton } from '@/components/ui/skeleton';
import { NewSweepForm } from '@/components/sweeps/new-sweep-form';

export const metadata: Metadata = { title: 'New sweep' };

export default async function NewSweepPage() {
  await pageContext();
  return (
    <>
      <nav aria-label="Breadcrumb" className="mb-3 flex items-center gap-1 text-xs text-zinc-500 dark:text-zinc-400">
        <Link href="/experiments" className="hover:text-zinc-900 dark:hover:text-zinc-100">Experiments</Link>
        <ChevronRight className="size-3" aria-hidden />
        <span>New sweep</span>
      </nav>
      <PageHeader title="New sweep" description="Test a version over a grid of models and parameters (the minimum and maximum of each is a good start) and see which cells give the best pass rate for the cost." />
      <Suspense fallback={<PageSkeleton rows={6} />}>
        <NewSweepForm />
      </Suspense>
    </>
  );
}

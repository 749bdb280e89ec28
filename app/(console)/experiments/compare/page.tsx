import type { Metadata } from 'next';
import Link from 'next/link';
import { ChevronRight } from 'lucide-react';
import { pageContext } from '@/lib/auth/server';
import { PageHeader } from '@/components/ui/page-header';
import { CompareView, ComparePicker } from '@/components/experiments/compare-view';

export const metadata: Metadata = { title: 'Compare runs' };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) || undefined;

export default async function ComparePage(props: Props) {
  await pageContext();
  const sp = await props.searchParams;
  const base = one(sp.base);
  const head = one(sp.head);
  return (
    <>
      <nav aria-label="Breadcrumb" className="mb-3 flex items-center gap-1 text-xs text-zinc-500 dark:text-zinc-400">
        <Link href="/experiments" className="hover:text-zinc-900 dark:hover:text-zinc-100">
          Experiments
        </Link>
        <ChevronRight className="size-3" aria-hidden />
        <span>Compare</span>
      </nav>
      <PageHeader title="Compare two runs" description="Which examples got better or worse from the base run to the head run, and whether the difference is more than chance." />
      {base && head ? <CompareView key={`${base}:${head}`} base={base} head={head} /> : <ComparePicker base={base} />}
    </>
  );
}

import type { Metadata } from 'next';
import { forbidden } from 'next/navigation';
import { can } from '@/lib/auth/roles';
import { pageContext } from '@/lib/auth/server';
import { listPrompts } from '@/lib/catalog/prompts';
import { AppError } from '@/lib/errors';
import { listQueue } from '@/lib/feedback/queue';
import { listVersionModelIds } from '@/lib/metrics/models';
import { PageHeader } from '@/components/ui/page-header';
import { ReviewQueue } from '@/components/review/review-queue';
import { queueQuery, type ReviewFilters } from '@/components/review/review-url';

export const metadata: Metadata = { title: 'Review queue' };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) || undefined;

export default async function ReviewPage(props: Props) {
  const { user, ctx } = await pageContext();
  if (!can(user.actor, 'feedback:review')) forbidden(); // app/forbidden.tsx (a direct visit is refused by the console layout first)
  const sp = await props.searchParams;
  const filters: ReviewFilters = { status: one(sp.status), prompt: one(sp.prompt), version: one(sp.version), model: one(sp.model), age: one(sp.age), assignee: one(sp.assignee), order: one(sp.order) };
  const [queue, prompts, models] = await Promise.all([
    listQueue(ctx, queueQuery(filters)).then(
      (page) => ({ page, problem: null }),
      (e: unknown) => {
        if (!(e instanceof AppError) || e.code !== 'validation_error') throw e;
        return { page: null, problem: e.message };
      },
    ),
    listPrompts(ctx, { limit: 200 }),
    listVersionModelIds(ctx),
  ]);
  return (
    <>
      <PageHeader
        title="Review queue"
        description="Invocations that got a thumbs down or a comment, oldest first. Resolve each with a category, dismiss it, or keep it as a ground-truth example."
      />
      <ReviewQueue
        filters={filters}
        initial={queue.page}
        problem={queue.problem}
        prompts={prompts.items.map((p) => ({ name: p.name, latestVersion: p.latestVersion }))}
        models={models}
        me={{ type: 'user', id: user.id }}
      />
    </>
  );
}

'use client';

import { X } from 'lucide-react';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { Labelled, PromptVersionModelFilters } from '@/components/filters/filter-fields';
import { Button } from '@/components/ui/button';
import { Select } from '@/components/ui/input';
import { AGES, ASSIGNEES, hasReviewFilters, reviewHref, STATUSES, type ReviewFilters } from './review-url';

/** Status, prompt, version, model, age, assignee and order; every change is a new URL. */
export function ReviewFiltersBar({ filters, prompts, models }: { filters: ReviewFilters; prompts: { name: string; latestVersion: number | null }[]; models: string[] }) {
  const router = useRouter();
  const go = (next: ReviewFilters) => router.push(reviewHref(next));
  const modelIds = [...new Set([...models, ...(filters.model ? [filters.model] : [])])];
  return (
    <div className="mb-4 flex flex-wrap items-end gap-3 xl:flex-nowrap" role="search" aria-label="Filter the review queue" data-testid="review-filters">
      <Labelled id="rq-status" label="Status">
        <Select id="rq-status" className="w-32" value={filters.status ?? 'open'} onChange={(e) => go({ ...filters, status: e.target.value })}>
          {STATUSES.map((s) => (
            <option key={s.value} value={s.value}>
              {s.label}
            </option>
          ))}
        </Select>
      </Labelled>
      <PromptVersionModelFilters idPrefix="rq" value={filters} prompts={prompts} modelIds={modelIds} onChange={(v) => go({ ...filters, ...v })} widths={{ prompt: 'w-52', version: 'w-24', model: 'w-48' }} grow />
      <Labelled id="rq-age" label="Age">
        <Select id="rq-age" className="w-40" value={filters.age ?? ''} onChange={(e) => go({ ...filters, age: e.target.value || undefined })}>
          {AGES.map((a) => (
            <option key={a.value} value={a.value}>
              {a.label}
            </option>
          ))}
        </Select>
      </Labelled>
      <Labelled id="rq-assignee" label="Assignee">
        <Select id="rq-assignee" className="w-36" value={filters.assignee ?? 'any'} onChange={(e) => go({ ...filters, assignee: e.target.value })}>
          {ASSIGNEES.map((a) => (
            <option key={a.value} value={a.value}>
              {a.label}
            </option>
          ))}
        </Select>
      </Labelled>
      <Labelled id="rq-order" label="Order">
        <Select id="rq-order" className="w-32" value={filters.order ?? 'oldest'} onChange={(e) => go({ ...filters, order: e.target.value })}>
          <option value="oldest">Oldest first</option>
          <option value="newest">Newest first</option>
        </Select>
      </Labelled>
      {hasReviewFilters(filters) ? (
        <Button asChild variant="ghost" size="sm" className="mb-0.5 shrink-0">
          <Link href="/review">
            <X aria-hidden />
            Clear filters
          </Link>
        </Button>
      ) : null}
    </div>
  );
}

'use client';

import { X } from 'lucide-react';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import type { ReactNode } from 'react';
import { shortModelName } from '@/lib/client/models';
import { Button } from '@/components/ui/button';
import { Select } from '@/components/ui/input';
import { AGES, ASSIGNEES, hasReviewFilters, reviewHref, STATUSES, type ReviewFilters } from './review-url';

function Labelled({ id, label, children }: { id: string; label: string; children: ReactNode }) {
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-xs font-medium text-zinc-600 dark:text-zinc-400">
        {label}
      </label>
      {children}
    </div>
  );
}

/** Status, prompt, version, model, age, assignee and order; every change is a new URL. */
export function ReviewFiltersBar({ filters, prompts, models }: { filters: ReviewFilters; prompts: { name: string; latestVersion: number | null }[]; models: string[] }) {
  const router = useRouter();
  const go = (next: ReviewFilters) => router.push(reviewHref(next));
  const latest = Math.max(prompts.find((p) => p.name === filters.prompt)?.latestVersion ?? 0, Number(filters.version ?? 0) || 0);
  const modelIds = [...new Set([...models, ...(filters.model ? [filters.model] : [])])];
  return (
    <div className="mb-4 flex flex-wrap items-end gap-3" role="search" aria-label="Filter the review queue">
      <Labelled id="rq-status" label="Status">
        <Select id="rq-status" className="w-32" value={filters.status ?? 'open'} onChange={(e) => go({ ...filters, status: e.target.value })}>
          {STATUSES.map((s) => (
            <option key={s.value} value={s.value}>
              {s.label}
            </option>
          ))}
        </Select>
      </Labelled>
      <Labelled id="rq-prompt" label="Prompt">
        <Select id="rq-prompt" className="w-52" value={filters.prompt ?? ''} onChange={(e) => go({ ...filters, prompt: e.target.value || undefined, version: undefined })}>
          <option value="">All prompts</option>
          {filters.prompt && !prompts.some((p) => p.name === filters.prompt) ? <option value={filters.prompt}>{filters.prompt}</option> : null}
          {prompts.map((p) => (
            <option key={p.name} value={p.name}>
              {p.name}
            </option>
          ))}
        </Select>
      </Labelled>
      <Labelled id="rq-version" label="Version">
        <Select id="rq-version" className="w-24" value={filters.version ?? ''} disabled={!filters.prompt} title={filters.prompt ? undefined : 'Choose a prompt first'} onChange={(e) => go({ ...filters, version: e.target.value || undefined })}>
          <option value="">All</option>
          {Array.from({ length: latest }, (_, i) => String(latest - i)).map((n) => (
            <option key={n} value={n}>
              v{n}
            </option>
          ))}
        </Select>
      </Labelled>
      <Labelled id="rq-model" label="Model">
        <Select id="rq-model" className="w-48" value={filters.model ?? ''} onChange={(e) => go({ ...filters, model: e.target.value || undefined })}>
          <option value="">All models</option>
          {modelIds.map((m) => (
            <option key={m} value={m}>
              {shortModelName(m)}
            </option>
          ))}
        </Select>
      </Labelled>
      <Labelled id="rq-age" label="Age">
        <Select id="rq-age" className="w-44" value={filters.age ?? ''} onChange={(e) => go({ ...filters, age: e.target.value || undefined })}>
          {AGES.map((a) => (
            <option key={a.value} value={a.value}>
              {a.label}
            </option>
          ))}
        </Select>
      </Labelled>
      <Labelled id="rq-assignee" label="Assignee">
        <Select id="rq-assignee" className="w-40" value={filters.assignee ?? 'any'} onChange={(e) => go({ ...filters, assignee: e.target.value })}>
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
        <Button asChild variant="ghost" size="sm" className="mb-0.5">
          <Link href="/review">
            <X aria-hidden />
            Clear filters
          </Link>
        </Button>
      ) : null}
    </div>
  );
}

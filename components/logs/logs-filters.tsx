'use client';

import { X } from 'lucide-react';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { MODEL_PRESETS } from '@/lib/client/models';
import { CustomRangeForm, Labelled, PromptVersionModelFilters } from '@/components/filters/filter-fields';
import { Button } from '@/components/ui/button';
import { Select } from '@/components/ui/input';
import { FEEDBACK, hasFilters, logsHref, RANGES, STATUSES, type LogsFilters } from './logs-url';

/** Prompt, version, model, status and time range; every change is a new URL (cursor reset). */
export function LogsFiltersBar({ filters, prompts, models }: { filters: LogsFilters; prompts: { name: string; latestVersion: number | null }[]; models: string[] }) {
  const router = useRouter();
  const go = (next: LogsFilters) => router.push(logsHref(next));
  const modelIds = [...new Set([...MODEL_PRESETS.map((m) => m.id), ...models, ...(filters.model ? [filters.model] : [])])];

  return (
    <div className="mb-4 space-y-3" role="search" aria-label="Filter invocations">
      <div className="flex flex-wrap items-end gap-3">
        <PromptVersionModelFilters idPrefix="logs" value={filters} prompts={prompts} modelIds={modelIds} onChange={(v) => go({ ...filters, ...v })} />
        <Labelled id="logs-status" label="Status">
          <Select id="logs-status" className="w-36" value={filters.status ?? ''} onChange={(e) => go({ ...filters, status: e.target.value || undefined })}>
            <option value="">Any status</option>
            {STATUSES.map((s) => (
              <option key={s.value} value={s.value}>
                {s.label}
              </option>
            ))}
          </Select>
        </Labelled>
        <Labelled id="logs-feedback" label="Feedback">
          <Select id="logs-feedback" className="w-40" value={filters.feedback ?? ''} onChange={(e) => go({ ...filters, feedback: e.target.value || undefined })}>
            <option value="">Any feedback</option>
            {FEEDBACK.map((f) => (
              <option key={f.value} value={f.value}>
                {f.label}
              </option>
            ))}
          </Select>
        </Labelled>
        <Labelled id="logs-range" label="Time">
          <Select id="logs-range" className="w-40" value={filters.range ?? ''} onChange={(e) => go({ ...filters, range: e.target.value || undefined })}>
            {RANGES.map((r) => (
              <option key={r.value} value={r.value}>
                {r.label}
              </option>
            ))}
          </Select>
        </Labelled>
        {hasFilters(filters) ? (
          <Button asChild variant="ghost" size="sm" className="mb-0.5">
            <Link href="/logs">
              <X aria-hidden />
              Clear filters
            </Link>
          </Button>
        ) : null}
      </div>
      {filters.range === 'custom' ? (
        <CustomRangeForm idPrefix="logs" from={filters.from} to={filters.to} onApply={(r) => go({ ...filters, ...r })} />
      ) : null}
    </div>
  );
}

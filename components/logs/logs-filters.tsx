'use client';

import { Search, SlidersHorizontal, X } from 'lucide-react';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { MODEL_PRESETS } from '@/lib/client/models';
import { CustomRangeForm, Labelled, PromptVersionModelFilters } from '@/components/filters/filter-fields';
import { Button } from '@/components/ui/button';
import { Input, Select } from '@/components/ui/input';
import { FEEDBACK, hasFilters, logsHref, META_KEYS, RANGES, STATUSES, type LogsFilters } from './logs-url';

const META_LABELS: Record<(typeof META_KEYS)[number], { label: string; placeholder: string }> = {
  caller: { label: 'Caller', placeholder: 'user or key:name' },
  userRef: { label: 'User ref', placeholder: 'metadata.userRef' },
  sessionId: { label: 'Session', placeholder: 'metadata.sessionId' },
  tag: { label: 'Tag', placeholder: 'metadata.tags' },
};

/**
 * Search over input and output, then prompt, version, model, status, feedback and time, and
 * (folded until used) caller and metadata. Every change is a new URL (cursor reset); text
 * fields apply on Enter.
 */
export function LogsFiltersBar({ filters, prompts, models }: { filters: LogsFilters; prompts: { name: string; latestVersion: number | null }[]; models: string[] }) {
  const router = useRouter();
  const go = (next: LogsFilters) => router.push(logsHref(next));
  const modelIds = [...new Set([...MODEL_PRESETS.map((m) => m.id), ...models, ...(filters.model ? [filters.model] : [])])];
  const [text, setText] = useState({ q: filters.q ?? '', caller: filters.caller ?? '', userRef: filters.userRef ?? '', sessionId: filters.sessionId ?? '', tag: filters.tag ?? '' });
  const metaSet = META_KEYS.some((k) => filters[k]);
  const [more, setMore] = useState(metaSet);
  const applyText = () => go({ ...filters, ...Object.fromEntries(Object.entries(text).map(([k, v]) => [k, v.trim() || undefined])) });

  return (
    <div className="mb-4 space-y-3" role="search" aria-label="Filter invocations">
      <form
        className="space-y-3"
        onSubmit={(e) => {
          e.preventDefault();
          applyText();
        }}
      >
        <div className="flex flex-wrap items-center gap-2">
          <div className="relative min-w-0 flex-1 basis-64">
            <Search className="pointer-events-none absolute top-1/2 left-3 size-4 -translate-y-1/2 text-zinc-400" aria-hidden />
            <Input
              type="search"
              aria-label="Search input and output"
              placeholder="Search input and output…"
              title='Whole words or their beginnings; "a phrase"; -word leaves out; or between alternatives'
              value={text.q}
              onChange={(e) => setText({ ...text, q: e.target.value })}
              className="pl-9"
              data-testid="logs-search"
            />
          </div>
          <Button type="submit">Search</Button>
          <Button variant="ghost" aria-expanded={more} aria-controls="logs-meta-filters" onClick={() => setMore(!more)}>
            <SlidersHorizontal aria-hidden />
            Caller &amp; metadata{metaSet ? ` (${META_KEYS.filter((k) => filters[k]).length})` : ''}
          </Button>
        </div>
        {more ? (
          <div id="logs-meta-filters" className="flex flex-wrap items-end gap-3 rounded-lg border border-zinc-200 bg-white p-3 dark:border-zinc-800 dark:bg-zinc-900">
            {META_KEYS.map((k) => (
              <Labelled key={k} id={`logs-${k}`} label={META_LABELS[k].label}>
                <Input id={`logs-${k}`} className="w-44 font-mono text-xs" placeholder={META_LABELS[k].placeholder} value={text[k]} onChange={(e) => setText({ ...text, [k]: e.target.value })} autoComplete="off" spellCheck={false} />
              </Labelled>
            ))}
            <Button type="submit" size="sm" className="mb-0.5">
              Apply
            </Button>
          </div>
        ) : null}
      </form>
      <div className="flex flex-wrap items-end gap-3">
        <PromptVersionModelFilters idPrefix="logs" value={filters} prompts={prompts} modelIds={modelIds} onChange={(v) => go({ ...filters, ...v })} widths={{ prompt: 'w-52', version: 'w-24', model: 'w-52' }} />
        <Labelled id="logs-status" label="Status">
          <Select id="logs-status" className="w-32" value={filters.status ?? ''} onChange={(e) => go({ ...filters, status: e.target.value || undefined })}>
            <option value="">Any status</option>
            {STATUSES.map((s) => (
              <option key={s.value} value={s.value}>
                {s.label}
              </option>
            ))}
          </Select>
        </Labelled>
        <Labelled id="logs-feedback" label="Feedback">
          <Select id="logs-feedback" className="w-36" value={filters.feedback ?? ''} onChange={(e) => go({ ...filters, feedback: e.target.value || undefined })}>
            <option value="">Any feedback</option>
            {FEEDBACK.map((f) => (
              <option key={f.value} value={f.value}>
                {f.label}
              </option>
            ))}
          </Select>
        </Labelled>
        <Labelled id="logs-range" label="Time">
          <Select id="logs-range" className="w-36" value={filters.range ?? ''} onChange={(e) => go({ ...filters, range: e.target.value || undefined })}>
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
      {filters.range === 'custom' ? <CustomRangeForm idPrefix="logs" from={filters.from} to={filters.to} onApply={(r) => go({ ...filters, ...r })} /> : null}
    </div>
  );
}

'use client';

import { RefreshCw } from 'lucide-react';
import { useRouter } from 'next/navigation';
import { useState, useSyncExternalStore } from 'react';
import { shortModelName } from '@/lib/client/models';
import { CustomRangeForm, Labelled } from '@/components/filters/filter-fields';
import { Button } from '@/components/ui/button';
import { Input, Select } from '@/components/ui/input';
import { METRIC_RANGES, DEFAULT_RANGE, metricsHref, type MetricsFilters } from './metrics-url';

const OTHER = '__other__';
/** "Times in Europe/Paris (UTC+01:00)": the browser's zone, known only after hydration. */
function browserZone(): string {
  const off = -new Date().getTimezoneOffset();
  const hh = String(Math.floor(Math.abs(off) / 60)).padStart(2, '0');
  const mm = String(Math.abs(off) % 60).padStart(2, '0');
  return `${Intl.DateTimeFormat().resolvedOptions().timeZone} (UTC${off < 0 ? '-' : '+'}${hh}:${mm})`;
}
const noSubscribe = () => () => {};

export function useTimeZone(): string | null {
  return useSyncExternalStore(noSubscribe, browserZone, () => null);
}

export function MetricsToolbar({ filters, models, auto, setAuto, onRefresh, refreshing }: { filters: MetricsFilters; models: string[]; auto: boolean; setAuto: (on: boolean) => void; onRefresh: () => void; refreshing: boolean }) {
  const router = useRouter();
  const go = (next: MetricsFilters) => router.push(metricsHref(next));
  const known = !filters.model || models.includes(filters.model);
  const [other, setOther] = useState(!known);
  const [modelText, setModelText] = useState(known ? '' : (filters.model ?? ''));
  const range = filters.range ?? DEFAULT_RANGE;
  return (
    <div className="mb-4 space-y-3" role="search" aria-label="Choose model and time window">
      <div className="flex flex-wrap items-end gap-3">
        <Labelled id="metrics-model" label="Model">
          <Select
            id="metrics-model"
            className="w-64"
            value={other ? OTHER : (filters.model ?? '')}
            onChange={(e) => {
              if (e.target.value === OTHER) return setOther(true);
              setOther(false);
              go({ ...filters, model: e.target.value || undefined });
            }}
          >
            <option value="">All models</option>
            {models.map((m) => (
              <option key={m} value={m}>
                {shortModelName(m)}
              </option>
            ))}
            <option value={OTHER}>Other model ID…</option>
          </Select>
        </Labelled>
        {other ? (
          <form
            className="flex items-end gap-2"
            onSubmit={(e) => {
              e.preventDefault();
              go({ ...filters, model: modelText.trim() || undefined });
            }}
          >
            <Labelled id="metrics-model-id" label="Model ID">
              <Input id="metrics-model-id" className="w-72 font-mono text-xs" value={modelText} onChange={(e) => setModelText(e.target.value)} placeholder="e.g. amazon.nova-lite-v1:0" autoFocus />
            </Labelled>
            <Button type="submit" size="sm" className="mb-0.5">
              Show
            </Button>
          </form>
        ) : null}
        <Labelled id="metrics-range" label="Time">
          <Select id="metrics-range" className="w-44" value={range} onChange={(e) => go({ ...filters, range: e.target.value })}>
            {METRIC_RANGES.map((r) => (
              <option key={r.value} value={r.value}>
                {r.label}
              </option>
            ))}
          </Select>
        </Labelled>
        <div className="mb-0.5 ml-auto flex items-center gap-3">
          <label className="inline-flex cursor-pointer items-center gap-2 text-sm text-zinc-700 dark:text-zinc-300">
            <input type="checkbox" checked={auto} onChange={(e) => setAuto(e.target.checked)} className="size-4 accent-indigo-600" data-testid="metrics-auto-refresh" />
            Auto-refresh (60 s)
          </label>
          <Button size="sm" onClick={onRefresh} loading={refreshing} aria-label="Refresh now">
            {refreshing ? null : <RefreshCw aria-hidden />}
            Refresh
          </Button>
        </div>
      </div>
      {range === 'custom' ? (
        <CustomRangeForm idPrefix="metrics" from={filters.from} to={filters.to} onApply={(r) => go({ ...filters, range: 'custom', ...r })} />
      ) : null}
    </div>
  );
}

'use client';

import { format } from 'date-fns';
import { useState, type ReactNode } from 'react';
import { cn } from '@/lib/client/cn';
import { shortModelName } from '@/lib/client/models';
import { Button } from '@/components/ui/button';
import { Input, Select } from '@/components/ui/input';

/** A small label above a filter control (filter bars on Logs, Review and Metrics). */
export function Labelled({ id, label, children, className }: { id: string; label: string; children: ReactNode; className?: string }) {
  return (
    <div className={cn('space-y-1', className)}>
      <label htmlFor={id} className="block text-xs font-medium text-zinc-600 dark:text-zinc-400">
        {label}
      </label>
      {children}
    </div>
  );
}

/** `datetime-local` values <-> ISO strings (custom time ranges). */
export const toLocalInput = (iso: string | undefined) => (iso && !Number.isNaN(Date.parse(iso)) ? format(new Date(iso), "yyyy-MM-dd'T'HH:mm") : '');
export const toIso = (local: string) => (local ? new Date(local).toISOString() : undefined);

export interface PromptVersionModel {
  prompt?: string;
  version?: string;
  model?: string;
}

/**
 * Prompt, version (of the chosen prompt, newest first) and model selects. Changing the prompt
 * clears the version.
 */
export function PromptVersionModelFilters({
  idPrefix,
  value,
  prompts,
  modelIds,
  onChange,
  widths = { prompt: 'w-56', version: 'w-32', model: 'w-56' },
  grow,
}: {
  idPrefix: string;
  value: PromptVersionModel;
  prompts: { name: string; latestVersion: number | null }[];
  modelIds: string[];
  onChange: (next: PromptVersionModel) => void;
  widths?: { prompt: string; version: string; model: string };
  /** Prompt and model share what room the row has (down to a minimum) instead of fixed widths. */
  grow?: boolean;
}) {
  const growing = grow ? 'min-w-36 flex-1 max-w-60' : undefined;
  const latest = Math.max(prompts.find((p) => p.name === value.prompt)?.latestVersion ?? 0, Number(value.version ?? 0) || 0);
  return (
    <>
      <Labelled id={`${idPrefix}-prompt`} label="Prompt" className={growing}>
        <Select id={`${idPrefix}-prompt`} className={grow ? 'w-full' : widths.prompt} value={value.prompt ?? ''} onChange={(e) => onChange({ ...value, prompt: e.target.value || undefined, version: undefined })}>
          <option value="">All prompts</option>
          {value.prompt && !prompts.some((p) => p.name === value.prompt) ? <option value={value.prompt}>{value.prompt}</option> : null}
          {prompts.map((p) => (
            <option key={p.name} value={p.name}>
              {p.name}
            </option>
          ))}
        </Select>
      </Labelled>
      <Labelled id={`${idPrefix}-version`} label="Version">
        <Select
          id={`${idPrefix}-version`}
          className={widths.version}
          value={value.version ?? ''}
          disabled={!value.prompt}
          title={value.prompt ? undefined : 'Choose a prompt first'}
          onChange={(e) => onChange({ ...value, version: e.target.value || undefined })}
        >
          <option value="">All</option>
          {Array.from({ length: latest }, (_, i) => String(latest - i)).map((n) => (
            <option key={n} value={n}>
              v{n}
            </option>
          ))}
        </Select>
      </Labelled>
      <Labelled id={`${idPrefix}-model`} label="Model" className={growing}>
        <Select id={`${idPrefix}-model`} className={grow ? 'w-full' : widths.model} value={value.model ?? ''} onChange={(e) => onChange({ ...value, model: e.target.value || undefined })}>
          <option value="">All models</option>
          {modelIds.map((m) => (
            <option key={m} value={m}>
              {shortModelName(m)}
            </option>
          ))}
        </Select>
      </Labelled>
    </>
  );
}

/** A custom time range: two local date-times, applied together (as ISO strings, or undefined). */
export function CustomRangeForm({ idPrefix, from, to, onApply }: { idPrefix: string; from?: string; to?: string; onApply: (range: { from?: string; to?: string }) => void }) {
  const [start, setStart] = useState(toLocalInput(from));
  const [end, setEnd] = useState(toLocalInput(to));
  return (
    <form
      className="flex flex-wrap items-end gap-3"
      onSubmit={(e) => {
        e.preventDefault();
        onApply({ from: toIso(start), to: toIso(end) });
      }}
    >
      <Labelled id={`${idPrefix}-from`} label="From (local time)">
        <Input id={`${idPrefix}-from`} type="datetime-local" value={start} onChange={(e) => setStart(e.target.value)} className="w-56" />
      </Labelled>
      <Labelled id={`${idPrefix}-to`} label="To (local time)">
        <Input id={`${idPrefix}-to`} type="datetime-local" value={end} onChange={(e) => setEnd(e.target.value)} className="w-56" />
      </Labelled>
      <Button type="submit" size="sm" className="mb-0.5">
        Apply range
      </Button>
    </form>
  );
}

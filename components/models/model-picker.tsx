'use client';

import { Check, ChevronsUpDown, RefreshCw, Search } from 'lucide-react';
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/client/api';
import { cn } from '@/lib/client/cn';
import { isValidModelId } from '@/lib/catalog/schemas';
import type { CatalogModelDto } from '@/lib/bedrock-catalog/responses';
import { Badge } from '@/components/ui/badge';
import { LegacyBadge } from './legacy-badge';
import { KIND_LABEL, matchesModel, modalityText, useModels } from './use-models';

type KindFilter = 'all' | CatalogModelDto['kind'];
const KINDS: { value: KindFilter; label: string }[] = [
  { value: 'all', label: 'All' },
  { value: 'foundation', label: 'Models' },
  { value: 'inference_profile', label: 'Cross-region' },
  { value: 'application_inference_profile', label: 'Application' },
];

type Option = { kind: 'model'; model: CatalogModelDto } | { kind: 'custom'; id: string };

/**
 * The model picker: Bedrock's catalog (GET /api/v1/models) searchable by name, id, provider, kind
 * or modality, grouped by provider, with LEGACY badges and end-of-life dates. Any other valid
 * Bedrock model id (a profile of another region, an ARN) can be typed and used as is.
 */
export function ModelPicker({ id, value, onChange, invalid, describedBy }: { id: string; value: string; onChange: (modelId: string) => void; invalid?: boolean; describedBy?: string }) {
  const models = useModels();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const [q, setQ] = useState('');
  const [kind, setKind] = useState<KindFilter>('all');
  const [active, setActive] = useState(0);
  const [refreshing, setRefreshing] = useState(false);
  const listId = useId();
  const rootRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!open) return;
    const onDown = (e: MouseEvent) => {
      if (!rootRef.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('mousedown', onDown);
    return () => document.removeEventListener('mousedown', onDown);
  }, [open]);

  const items = models.data?.items;
  const options = useMemo<Option[]>(() => {
    const typed = q.trim();
    const found = (items ?? []).filter((m) => (kind === 'all' || m.kind === kind) && matchesModel(m, typed));
    const out: Option[] = found.map((model) => ({ kind: 'model', model }));
    if (typed && isValidModelId(typed) && !(items ?? []).some((m) => m.modelId === typed)) out.unshift({ kind: 'custom', id: typed });
    return out;
  }, [items, q, kind]);
  const current = items?.find((m) => m.modelId === value);

  const choose = (modelId: string) => {
    onChange(modelId);
    setOpen(false);
    setQ('');
  };
  const optionId = (i: number) => `${listId}-opt-${i}`;
  const refresh = async () => {
    setRefreshing(true);
    try {
      queryClient.setQueryData(['models'], await api('GET /api/v1/models', { query: { refresh: 'true' } }));
    } catch {
      // the list keeps what it had; the error state shows on the next failed load
    } finally {
      setRefreshing(false);
    }
  };

  let lastProvider = '';
  return (
    <div ref={rootRef} className="relative">
      <div className="relative">
        <Search className="pointer-events-none absolute top-1/2 left-3 size-4 -translate-y-1/2 text-zinc-400" aria-hidden />
        <input
          id={id}
          role="combobox"
          aria-expanded={open}
          aria-controls={listId}
          aria-autocomplete="list"
          aria-invalid={invalid || undefined}
          aria-describedby={describedBy}
          aria-activedescendant={open && options[active] ? optionId(active) : undefined}
          autoComplete="off"
          spellCheck={false}
          placeholder={value || 'Search models or type a model id…'}
          value={open ? q : value}
          onFocus={() => setOpen(true)}
          onClick={() => setOpen(true)}
          onChange={(e) => {
            setQ(e.target.value);
            setActive(0);
            setOpen(true);
          }}
          onKeyDown={(e) => {
            if (e.key === 'ArrowDown') {
              e.preventDefault();
              setOpen(true);
              setActive((a) => Math.min(a + 1, Math.max(options.length - 1, 0)));
            } else if (e.key === 'ArrowUp') {
              e.preventDefault();
              setActive((a) => Math.max(a - 1, 0));
            } else if (e.key === 'Enter' && open) {
              e.preventDefault();
              const o = options[active];
              if (o) choose(o.kind === 'model' ? o.model.modelId : o.id);
              else if (q.trim()) choose(q.trim());
            } else if (e.key === 'Escape' && open) {
              e.stopPropagation();
              setOpen(false);
              setQ('');
            } else if (e.key === 'Tab') {
              setOpen(false);
            }
          }}
          className="h-9 w-full rounded-md border border-zinc-300 bg-white pr-8 pl-9 font-mono text-[13px] text-zinc-900 shadow-xs placeholder:font-sans placeholder:text-zinc-400 focus-visible:border-indigo-500 focus-visible:outline-2 focus-visible:outline-indigo-500/40 aria-[invalid=true]:border-red-500 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100"
        />
        <ChevronsUpDown className="pointer-events-none absolute top-1/2 right-2.5 size-4 -translate-y-1/2 text-zinc-400" aria-hidden />
      </div>
      {!open && value ? (
        <div className="mt-1.5 flex flex-wrap items-center gap-1.5 text-xs text-zinc-500 dark:text-zinc-400" data-testid="model-picker-current">
          {current ? (
            <>
              <span className="text-zinc-700 dark:text-zinc-300">{current.name}</span>
              <Badge tone="subtle">{KIND_LABEL[current.kind]}</Badge>
              {current.status === 'LEGACY' ? <LegacyBadge endOfLife={current.endOfLife} /> : null}
            </>
          ) : models.isSuccess ? (
            <span>Custom model id (not in this region&apos;s catalog)</span>
          ) : null}
        </div>
      ) : null}
      {open ? (
        <div className="absolute right-0 z-40 mt-1 w-full max-w-[calc(100vw-2rem)] rounded-lg border border-zinc-200 bg-white shadow-lg sm:w-[28rem] dark:border-zinc-800 dark:bg-zinc-900">
          <div className="flex flex-wrap items-center gap-1 border-b border-zinc-100 p-1.5 dark:border-zinc-800" role="group" aria-label="Kind">
            {KINDS.map((k) => (
              <button
                key={k.value}
                type="button"
                aria-pressed={kind === k.value}
                onMouseDown={(e) => e.preventDefault()}
                onClick={() => {
                  setKind(k.value);
                  setActive(0);
                }}
                className={cn('rounded-md px-2 py-1 text-xs', kind === k.value ? 'bg-indigo-50 font-medium text-indigo-700 dark:bg-indigo-500/15 dark:text-indigo-300' : 'text-zinc-600 hover:bg-zinc-100 dark:text-zinc-400 dark:hover:bg-zinc-800')}
              >
                {k.label}
              </button>
            ))}
            <button
              type="button"
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => void refresh()}
              className="ml-auto inline-flex items-center gap-1 rounded-md px-2 py-1 text-xs text-zinc-500 hover:bg-zinc-100 dark:hover:bg-zinc-800"
              title="Read the catalog from Bedrock again"
            >
              <RefreshCw className={cn('size-3', refreshing && 'animate-spin')} aria-hidden />
              Refresh
            </button>
          </div>
          <ul id={listId} role="listbox" aria-label="Models" className="max-h-80 overflow-y-auto p-1">
            {models.isError && !items ? <li className="px-3 py-2 text-sm text-red-600 dark:text-red-400">Could not load the Bedrock catalog: {models.error.message} Type a model id to use it.</li> : null}
            {models.data?.stale ? <li className="px-3 py-1.5 text-xs text-amber-700 dark:text-amber-300">Showing the last catalog read; Bedrock could not be reached just now.</li> : null}
            {options.length === 0 ? (
              <li className="px-3 py-2 text-sm text-zinc-500 dark:text-zinc-400">{models.isLoading ? 'Loading models…' : 'No model matches. Type a full model id or ARN to use it.'}</li>
            ) : (
              options.map((o, i) => {
                const header = o.kind === 'model' && o.model.provider !== lastProvider ? o.model.provider : null;
                if (o.kind === 'model') lastProvider = o.model.provider;
                const idOf = o.kind === 'model' ? o.model.modelId : o.id;
                return (
                  <li key={`${o.kind}:${idOf}`} role="presentation">
                    {header ? <div className="px-2 pt-2 pb-1 text-[11px] font-semibold tracking-wide text-zinc-400 uppercase">{header}</div> : null}
                    <div
                      id={optionId(i)}
                      role="option"
                      aria-selected={idOf === value}
                      onMouseDown={(e) => e.preventDefault()}
                      onMouseEnter={() => setActive(i)}
                      onClick={() => choose(idOf)}
                      className={cn('flex cursor-pointer items-start gap-2 rounded-md px-2 py-1.5', i === active ? 'bg-indigo-50 dark:bg-indigo-500/15' : '')}
                    >
                      <Check className={cn('mt-0.5 size-4 shrink-0 text-indigo-600 dark:text-indigo-400', idOf === value ? '' : 'invisible')} aria-hidden />
                      {o.kind === 'custom' ? (
                        <span className="min-w-0 text-sm">
                          Use custom id <span className="font-mono break-all">{o.id}</span>
                        </span>
                      ) : (
                        <span className="min-w-0 flex-1">
                          <span className="flex flex-wrap items-center gap-1.5">
                            <span className="text-sm text-zinc-900 dark:text-zinc-100">{o.model.name}</span>
                            {o.model.kind !== 'foundation' ? <Badge tone="subtle">{KIND_LABEL[o.model.kind]}</Badge> : null}
                            {o.model.status === 'LEGACY' ? <LegacyBadge endOfLife={o.model.endOfLife} /> : null}
                          </span>
                          <span className="block truncate font-mono text-xs text-zinc-500 dark:text-zinc-400">{o.model.modelId}</span>
                          <span className="block text-xs text-zinc-400">
                            {modalityText(o.model.modalities)}
                            {o.model.inputPerMTokUsd !== undefined ? ` · $${o.model.inputPerMTokUsd} / $${o.model.outputPerMTokUsd} per 1M tokens` : ''}
                          </span>
                        </span>
                      )}
                    </div>
                  </li>
                );
              })
            )}
          </ul>
        </div>
      ) : null}
    </div>
  );
}

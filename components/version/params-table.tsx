import type { Params } from '@/lib/catalog/schemas';

export const PARAM_ROWS: { key: keyof Params; label: string; range: string }[] = [
  { key: 'temperature', label: 'Temperature', range: '0–1' },
  { key: 'topP', label: 'Top P', range: '0–1' },
  { key: 'topK', label: 'Top K', range: 'integer ≥ 0' },
  { key: 'maxTokens', label: 'Max tokens', range: 'integer ≥ 1' },
  { key: 'stopSequences', label: 'Stop sequences', range: 'up to 4' },
];

export function formatParam(v: Params[keyof Params]): string {
  if (v === undefined) return '';
  if (Array.isArray(v)) return v.map((s) => JSON.stringify(s)).join(', ');
  return String(v);
}

/** Every parameter, "not set (model default)" for the ones left out. */
export function ParamsTable({ params }: { params: Params }) {
  return (
    <dl className="divide-y divide-zinc-100 text-sm dark:divide-zinc-800">
      {PARAM_ROWS.map((r) => {
        const v = params[r.key];
        const set = v !== undefined && !(Array.isArray(v) && v.length === 0);
        return (
          <div key={r.key} className="flex items-baseline justify-between gap-4 px-4 py-2">
            <dt className="text-zinc-600 dark:text-zinc-400">{r.label}</dt>
            <dd className={set ? 'text-right font-mono text-[13px] break-all text-zinc-900 dark:text-zinc-100' : 'text-xs text-zinc-400 dark:text-zinc-500'}>{set ? formatParam(v) : 'model default'}</dd>
          </div>
        );
      })}
    </dl>
  );
}

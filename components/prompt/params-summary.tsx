import type { Params } from '@/lib/catalog/schemas';

const SHORT: [keyof Params, string][] = [
  ['temperature', 'temp'],
  ['maxTokens', 'max'],
  ['topP', 'topP'],
  ['topK', 'topK'],
];

/** Compact "temp 0.2 · max 300 · topP 0.9" line; only parameters that are set. */
export function ParamsSummary({ params }: { params: Params }) {
  const parts = SHORT.filter(([k]) => params[k] !== undefined).map(([k, short]) => (
    <span key={k} className="whitespace-nowrap">
      <span className="text-zinc-400 dark:text-zinc-500">{short}</span> <span className="text-zinc-700 tabular-nums dark:text-zinc-300">{String(params[k])}</span>
    </span>
  ));
  if (params.stopSequences?.length) {
    parts.push(
      <span key="stop" className="whitespace-nowrap">
        <span className="text-zinc-400 dark:text-zinc-500">stop</span> <span className="text-zinc-700 dark:text-zinc-300">×{params.stopSequences.length}</span>
      </span>,
    );
  }
  if (parts.length === 0) return <span className="text-zinc-400 dark:text-zinc-500">defaults</span>;
  return <span className="inline-flex flex-wrap gap-x-2.5 gap-y-0.5 font-mono text-xs">{parts}</span>;
}

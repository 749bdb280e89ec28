'use client';

import { Alert } from '@/components/ui/alert';
import { formatDate, useLegacyUsage } from './use-models';

/** On a prompt page: its labels that serve a LEGACY model (nothing while loading or when Bedrock cannot be read). */
export function LegacyWarning({ prompt }: { prompt: string }) {
  const usage = useLegacyUsage(prompt);
  const items = usage.data?.items ?? [];
  if (items.length === 0) return null;
  const soonest = items.map((i) => i.endOfLife).filter((d): d is string => !!d).sort()[0];
  return (
    <Alert tone="warning" className="mb-6" title={`${items.length === 1 ? 'A label serves' : `${items.length} labels serve`} a LEGACY model${soonest ? `, retired ${formatDate(soonest)}` : ''}`}>
      <span data-testid="legacy-warning">
        Bedrock lists these models as LEGACY: move the labels to a version on a current model before the end of life, or calls will fail.
      </span>
      <ul className="mt-2 space-y-0.5">
        {items.map((i) => (
          <li key={i.label} className="text-sm">
            <span className="font-mono">{i.label}</span> → v{i.version}: {i.modelName} <span className="font-mono text-xs break-all">({i.modelId})</span>
            {i.endOfLife ? `, end of life ${formatDate(i.endOfLife)}` : ', no end-of-life date yet'}
          </li>
        ))}
      </ul>
    </Alert>
  );
}

/** In the catalog list: a LEGACY badge on prompts whose labels serve a LEGACY model. */
export function LegacyPromptBadge({ prompt }: { prompt: string }) {
  const usage = useLegacyUsage();
  const mine = (usage.data?.items ?? []).filter((i) => i.prompt === prompt);
  if (mine.length === 0) return null;
  const soonest = mine.map((i) => i.endOfLife).filter((d): d is string => !!d).sort()[0];
  const date = formatDate(soonest);
  return (
    <span
      className="ml-1.5 inline-flex items-center rounded-md bg-amber-50 px-1.5 py-0.5 align-middle text-[10px] font-medium text-amber-800 ring-1 ring-amber-600/20 ring-inset dark:bg-amber-500/10 dark:text-amber-300"
      title={`${mine.map((i) => i.label).join(', ')} serve${mine.length === 1 ? 's' : ''} a LEGACY model${date ? ` (end of life ${date})` : ''}`}
      data-testid="legacy-prompt-badge"
    >
      LEGACY model{date ? ` · ${date}` : ''}
    </span>
  );
}

import type { InvocationDto } from '@/lib/invocations/dto';
import { Badge } from '@/components/ui/badge';

/** What a run changed from its version (playground overrides), or null for a plain run. */
export function overridesOf(i: Pick<InvocationDto, 'metadata'>): string[] | null {
  const o = i.metadata?.overrides;
  if (!o || typeof o !== 'object') return null;
  const out: string[] = [];
  const { modelId, params, template } = o as { modelId?: unknown; params?: unknown; template?: unknown };
  if (modelId) out.push(`model ${String(modelId)}`);
  if (params && typeof params === 'object') out.push(Object.keys(params).length ? `parameters (${Object.keys(params).join(', ')})` : 'parameters (all at the model default)');
  if (template) out.push('template');
  return out;
}

/** A run made with overrides is not the version as saved: say so next to its version. */
export function OverridesBadge({ changes }: { changes: string[] }) {
  const what = changes.length ? changes.join(', ') : 'settings';
  return (
    <Badge tone="amber" className="text-[10px]" title={`Run with overrides: ${what}. Not the version as saved; left out of the version's figures.`} data-testid="overrides-badge">
      overrides
      <span className="sr-only">: {what}</span>
    </Badge>
  );
}

'use client';

import { Wrench } from 'lucide-react';
import type { VersionDto } from '@/lib/catalog/dto';
import { shortModelName } from '@/lib/client/models';
import { Badge } from '@/components/ui/badge';

type ToolCall = { name: string; input?: unknown; toolUseId?: string };

/** The tool calls of an answer: tool name and its JSON input. */
export function ToolCalls({ calls, label = 'Tool calls' }: { calls: readonly ToolCall[]; label?: string }) {
  if (calls.length === 0) return null;
  return (
    <section aria-label={label} className="mt-2 space-y-2" data-testid="tool-calls">
      {calls.map((c, i) => (
        <div key={c.toolUseId ?? i} className="min-w-0 rounded-md border border-indigo-200 bg-indigo-50/60 dark:border-indigo-900 dark:bg-indigo-950/30" data-testid="tool-call">
          <div className="flex items-center gap-1.5 border-b border-indigo-100 px-3 py-1.5 text-xs font-medium text-indigo-800 dark:border-indigo-900 dark:text-indigo-200">
            <Wrench className="size-3.5" aria-hidden />
            Tool call: <code className="font-mono">{c.name}</code>
          </div>
          <pre className="max-h-60 overflow-auto px-3 py-2 font-mono text-[12px] whitespace-pre-wrap break-all text-zinc-800 dark:text-zinc-200">{JSON.stringify(c.input ?? null, null, 2)}</pre>
        </div>
      ))}
    </section>
  );
}

/** What else the version sends to Bedrock: tools, output schema, cache points, fallbacks. */
export function BundleBadges({ version }: { version: Pick<VersionDto, 'tools' | 'toolChoice' | 'outputSchema' | 'cachePoints' | 'fallbacks'> }) {
  const tools = version.tools ?? [];
  const choice = version.toolChoice;
  const items = [
    ...(tools.length ? [`${tools.length} tool${tools.length > 1 ? 's' : ''}${choice ? ` (${typeof choice === 'string' ? choice : choice.tool})` : ''}`] : []),
    ...(version.outputSchema !== null && version.outputSchema !== undefined ? ['output schema'] : []),
    ...((version.cachePoints ?? []).length ? [`${version.cachePoints.length} cache point${version.cachePoints.length > 1 ? 's' : ''}`] : []),
    ...((version.fallbacks ?? []).length ? [`fallbacks: ${version.fallbacks.map(shortModelName).join(' → ')}`] : []),
  ];
  if (items.length === 0) return null;
  return (
    <span className="flex flex-wrap gap-1" data-testid="bundle-badges">
      {items.map((t) => (
        <Badge key={t} tone="neutral" className="max-w-full truncate">
          {t}
        </Badge>
      ))}
    </span>
  );
}

'use client';

import { Braces } from 'lucide-react';
import { useFormContext, useWatch } from 'react-hook-form';
import { extractVariables } from '@/lib/catalog/template';
import type { EditorValues } from './editor-values';

/** Live list of the {{variables}} the template uses; template syntax errors show here as you type. */
export function VariablesPreview() {
  const { control } = useFormContext<EditorValues>();
  const [system, messages] = useWatch({ control, name: ['system', 'messages'] });
  let vars: string[] = [];
  let error: string | null = null;
  try {
    vars = extractVariables({ ...(system ? { system } : {}), messages: messages ?? [] });
  } catch (e) {
    error = e instanceof Error ? e.message : 'Template error.';
  }
  return (
    <div className="space-y-2" data-testid="detected-variables" aria-live="polite">
      <p className="flex items-center gap-1.5 text-sm font-medium text-zinc-800 dark:text-zinc-200">
        <Braces className="size-4 text-zinc-400" aria-hidden />
        Variables
      </p>
      {error ? (
        <p role="alert" className="rounded-md bg-red-50 px-2 py-1.5 text-xs text-red-700 dark:bg-red-950/40 dark:text-red-300">
          {error}
        </p>
      ) : vars.length === 0 ? (
        <p className="text-xs text-zinc-500 dark:text-zinc-400">
          None yet. Write <code className="rounded bg-zinc-100 px-1 dark:bg-zinc-800">{'{{name}}'}</code> in the template to add one.
        </p>
      ) : (
        <div className="flex flex-wrap gap-1.5">
          {vars.map((v) => (
            <code key={v} className="rounded bg-indigo-50 px-1.5 py-0.5 text-xs font-medium text-indigo-700 dark:bg-indigo-500/15 dark:text-indigo-300" data-testid="variable-chip">
              {v}
            </code>
          ))}
        </div>
      )}
    </div>
  );
}

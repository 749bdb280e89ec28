'use client';

import { ChevronDown, ChevronRight, RotateCcw } from 'lucide-react';
import { useState } from 'react';
import type { Template } from '@/lib/catalog/schemas';
import { extractVariables } from '@/lib/catalog/template';
import { Button } from '@/components/ui/button';
import { Textarea } from '@/components/ui/input';

/** Same template (system prompt and message texts)? */
export function sameTemplate(a: Template, b: Template): boolean {
  return (a.system ?? '') === (b.system ?? '') && a.messages.length === b.messages.length && a.messages.every((m, i) => m.role === b.messages[i]?.role && m.content === b.messages[i]?.content);
}

/** The template's variables, or the reason it does not parse. */
export function templateVariables(t: Template): { variables: string[]; error: string | null } {
  try {
    return { variables: extractVariables(t), error: null };
  } catch (e) {
    return { variables: [], error: e instanceof Error ? e.message : 'The template does not parse.' };
  }
}

const area = 'max-h-[50vh] min-h-16 font-mono text-[12.5px] leading-relaxed [field-sizing:content]';

/**
 * The column's system prompt and messages, editable for this column's runs only (saved only by
 * "Save as new version"). `onChange(null)` when the text is back to the version's.
 */
export function TemplateEditor({ base, value, onChange, columnLabel, error }: { base: Template; value: Template; onChange: (t: Template | null) => void; columnLabel: string; error: string | null }) {
  const edited = !sameTemplate(value, base);
  const [open, setOpen] = useState(edited);
  const set = (next: Template) => onChange(sameTemplate(next, base) ? null : next);
  const Icon = open ? ChevronDown : ChevronRight;
  return (
    <div className="border-y border-zinc-200 px-3 py-2 dark:border-zinc-800" data-testid="column-template" data-edited={edited}>
      <div className="flex items-center gap-2">
        <button type="button" className="inline-flex items-center gap-1 text-xs font-medium text-zinc-700 hover:text-zinc-950 dark:text-zinc-300 dark:hover:text-white" aria-expanded={open} onClick={() => setOpen(!open)}>
          <Icon className="size-3.5" aria-hidden />
          {open ? 'Hide prompt' : 'Edit prompt'}
        </button>
        {edited ? (
          <Button size="sm" variant="ghost" className="ml-auto h-6 px-1.5 text-[11px]" onClick={() => onChange(null)}>
            <RotateCcw aria-hidden />
            Undo edits
          </Button>
        ) : null}
      </div>
      {open ? (
        <div className="mt-2 space-y-2">
          <label className="block space-y-1">
            <span className="text-[11px] font-medium tracking-wide text-zinc-500 uppercase dark:text-zinc-400">System prompt</span>
            <Textarea aria-label={`System prompt for ${columnLabel}`} rows={2} spellCheck={false} className={area} value={value.system ?? ''} onChange={(e) => set({ ...value, system: e.target.value || undefined })} />
          </label>
          {value.messages.map((m, i) => (
            <label key={i} className="block space-y-1">
              <span className="text-[11px] font-medium tracking-wide text-zinc-500 uppercase dark:text-zinc-400">
                Message {i + 1} · {m.role}
              </span>
              <Textarea
                aria-label={`Message ${i + 1} for ${columnLabel}`}
                rows={3}
                spellCheck={false}
                className={area}
                value={m.content}
                onChange={(e) => set({ ...value, messages: value.messages.map((x, k) => (k === i ? { ...x, content: e.target.value } : x)) })}
              />
            </label>
          ))}
          {error ? (
            <p role="alert" className="text-xs font-medium text-red-600 dark:text-red-400">
              {error}
            </p>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}

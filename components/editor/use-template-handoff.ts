'use client';

import { useEffect, useState } from 'react';
import type { UseFormReturn } from 'react-hook-form';
import { TemplateSchema, type CreateVersionInput } from '@/lib/catalog/schemas';
import { templateHandoffKey } from '@/components/playground/model';
import type { EditorValues } from './editor-values';

/**
 * The playground's "Save as new version" with an edited template: the template waits in
 * sessionStorage and is filled into the editor once, marked as an edit (so leaving warns).
 */
export function useTemplateHandoff(prompt: string, wanted: boolean, form: UseFormReturn<EditorValues, unknown, CreateVersionInput>): 'applied' | 'missing' | null {
  const [state, setState] = useState<'applied' | 'missing' | null>(null);
  useEffect(() => {
    if (!wanted) return;
    let parsed: ReturnType<typeof TemplateSchema.safeParse> | null = null;
    try {
      const raw = window.sessionStorage.getItem(templateHandoffKey(prompt));
      parsed = raw ? TemplateSchema.safeParse(JSON.parse(raw)) : null;
    } catch {
      parsed = null;
    }
    if (parsed?.success) {
      form.setValue('system', parsed.data.system ?? '', { shouldDirty: true });
      form.setValue('messages', parsed.data.messages.map((m) => ({ role: m.role, content: m.content })), { shouldDirty: true });
    }
    // eslint-disable-next-line react-hooks/set-state-in-effect -- reading external (sessionStorage) state once on mount
    setState(parsed?.success ? 'applied' : 'missing');
    // Once, on mount.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  return state;
}

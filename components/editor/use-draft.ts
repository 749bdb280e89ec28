'use client';

import { useCallback, useEffect, useRef, useState } from 'react';
import type { UseFormReturn } from 'react-hook-form';
import type { CreateVersionInput } from '@/lib/catalog/schemas';
import type { EditorValues } from './editor-values';

const key = (prompt: string) => `promptdeck:draft:${prompt}`;

interface Stored {
  values: EditorValues;
  from: number | null;
  savedAt: string;
}

function read(prompt: string): Stored | null {
  try {
    const raw = window.localStorage.getItem(key(prompt));
    if (!raw) return null;
    const s = JSON.parse(raw) as Stored;
    return s && typeof s === 'object' && s.values && Array.isArray(s.values.messages) ? s : null;
  } catch {
    return null;
  }
}

/**
 * Keeps what the user typed in localStorage (per prompt) and restores it after a reload or a
 * failed save. `initial` is what the editor starts from; a draft equal to it is not kept.
 */
export function useDraft(prompt: string, from: number | null, form: UseFormReturn<EditorValues, unknown, CreateVersionInput>, initial: EditorValues, opts: { autoRestore?: boolean } = {}) {
  const autoRestore = opts.autoRestore ?? true;
  const [restored, setRestored] = useState<Stored | null>(null);
  // A draft found but not restored (the editor was opened with prefilled values): offered instead.
  const [pending, setPending] = useState<Stored | null>(null);
  const ready = useRef(false);
  // Set once the version is saved: a debounced write still pending must not bring the draft back.
  const saved = useRef(false);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const initialJson = JSON.stringify(initial);

  useEffect(() => {
    const stored = read(prompt);
    if (stored && JSON.stringify(stored.values) !== initialJson) {
      if (autoRestore) {
        // Drafts saved before a field existed lack it: the initial values fill the gap.
        form.reset({ ...(JSON.parse(initialJson) as EditorValues), ...stored.values }, { keepDefaultValues: true });
        // eslint-disable-next-line react-hooks/set-state-in-effect -- restoring external (localStorage) state once on mount
        setRestored(stored);
      } else {
        setPending(stored);
      }
    }
    ready.current = true;
    // Only on mount: later changes are saved below.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useEffect(() => {
    const sub = form.watch(() => {
      if (!ready.current || saved.current) return;
      clearTimeout(timer.current);
      timer.current = setTimeout(() => {
        if (saved.current) return;
        const values = form.getValues();
        try {
          if (JSON.stringify(values) === initialJson) window.localStorage.removeItem(key(prompt));
          else window.localStorage.setItem(key(prompt), JSON.stringify({ values, from, savedAt: new Date().toISOString() } satisfies Stored));
        } catch {
          // Storage full or disabled: nothing to do; the form still holds the text.
        }
      }, 300);
    });
    return () => {
      clearTimeout(timer.current);
      sub.unsubscribe();
    };
  }, [form, prompt, from, initialJson]);

  const clear = useCallback(() => {
    clearTimeout(timer.current);
    try {
      window.localStorage.removeItem(key(prompt));
    } catch {
      // ignore
    }
    setRestored(null);
  }, [prompt]);

  /** After a successful save: drop the draft and stop writing it. */
  const saveSucceeded = useCallback(() => {
    saved.current = true;
    clear();
  }, [clear]);

  const discard = useCallback(() => {
    clear();
    form.reset(JSON.parse(initialJson) as EditorValues);
  }, [clear, form, initialJson]);

  const restorePending = useCallback(() => {
    if (!pending) return;
    form.reset({ ...(JSON.parse(initialJson) as EditorValues), ...pending.values }, { keepDefaultValues: true });
    setRestored(pending);
    setPending(null);
  }, [pending, form, initialJson]);

  /** Saves immediately (before a request that might fail). */
  const flush = useCallback(() => {
    try {
      window.localStorage.setItem(key(prompt), JSON.stringify({ values: form.getValues(), from, savedAt: new Date().toISOString() } satisfies Stored));
    } catch {
      // ignore
    }
  }, [form, prompt, from]);

  return { restored, pending, restorePending, clear, discard, flush, saveSucceeded };
}

'use client';

import { useCallback, useEffect, useState } from 'react';

const key = (prompt: string) => `promptdeck:playground:vars:${prompt}`;

/** Puts values into a prompt's stored variables (e.g. "replay" from an invocation). */
export function storeVariables(prompt: string, values: Record<string, string>): void {
  try {
    window.localStorage.setItem(key(prompt), JSON.stringify({ ...read(prompt), ...values }));
  } catch {
    // Storage full or disabled: the playground opens with what it has.
  }
}

function read(prompt: string): Record<string, string> {
  try {
    const raw = window.localStorage.getItem(key(prompt));
    const v: unknown = raw ? JSON.parse(raw) : null;
    if (!v || typeof v !== 'object' || Array.isArray(v)) return {};
    return Object.fromEntries(Object.entries(v as Record<string, unknown>).filter((e): e is [string, string] => typeof e[1] === 'string'));
  } catch {
    return {};
  }
}

/**
 * The variable values typed for a prompt, kept in localStorage so nothing typed is lost across
 * reloads or when switching prompts. Values of variables a version no longer uses are kept too.
 */
export function useVariables(prompt: string | null) {
  const [state, setState] = useState<{ prompt: string | null; values: Record<string, string> }>({ prompt: null, values: {} });

  useEffect(() => {
    // eslint-disable-next-line react-hooks/set-state-in-effect -- loading external (localStorage) state when the prompt changes
    setState({ prompt, values: prompt ? read(prompt) : {} });
  }, [prompt]);

  const values = state.prompt === prompt ? state.values : {};

  const set = useCallback(
    (name: string, value: string) => {
      if (!prompt) return;
      setState((s) => {
        const next = { ...(s.prompt === prompt ? s.values : {}), [name]: value };
        try {
          window.localStorage.setItem(key(prompt), JSON.stringify(next));
        } catch {
          // Storage full or disabled: the values still live in memory.
        }
        return { prompt, values: next };
      });
    },
    [prompt],
  );

  return { values, set, loaded: state.prompt === prompt };
}

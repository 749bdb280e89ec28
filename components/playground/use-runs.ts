'use client';

import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError, errorMessage } from '@/lib/client/api';
import { streamInvoke, type InvokeBody, type InvokeResult } from '@/lib/client/invoke';

export interface RunState {
  status: 'running' | 'done' | 'error' | 'stopped';
  /** What streamed so far (the whole answer once done). */
  text: string;
  result: InvokeResult | null;
  error: ApiError | null;
  /** What was run (prompt version resolved by the server is in `result.version`). */
  request: { prompt: string; body: InvokeBody };
}

const isAbort = (e: unknown) => e instanceof DOMException && e.name === 'AbortError';

/** Streaming runs keyed by column id; each can be stopped on its own. Runs are logged as `playground`. */
export function useRuns() {
  const [runs, setRuns] = useState<Record<string, RunState>>({});
  const controllers = useRef(new Map<string, AbortController>());

  const start = useCallback((id: string, prompt: string, body: InvokeBody) => {
    controllers.current.get(id)?.abort();
    const ac = new AbortController();
    controllers.current.set(id, ac);
    const current = () => controllers.current.get(id) === ac;
    // Checked when the update is made (not in the updater, which React may run later).
    const update = (fn: (s: RunState) => RunState) => {
      if (!current()) return;
      setRuns((all) => {
        const s = all[id];
        return s ? { ...all, [id]: fn(s) } : all;
      });
    };
    setRuns((all) => ({ ...all, [id]: { status: 'running', text: '', result: null, error: null, request: { prompt, body } } }));
    streamInvoke(prompt, body, { signal: ac.signal, source: 'playground', onDelta: (t) => update((s) => ({ ...s, text: s.text + t })) })
      .then((result) => update((s) => ({ ...s, status: 'done', result, text: result.output.text })))
      .catch((e: unknown) =>
        update((s) =>
          isAbort(e) ? { ...s, status: 'stopped' } : { ...s, status: 'error', error: e instanceof ApiError ? e : new ApiError(0, 'client_error', errorMessage(e)) },
        ),
      )
      .finally(() => {
        if (current()) controllers.current.delete(id);
      });
  }, []);

  const stop = useCallback((id: string) => controllers.current.get(id)?.abort(), []);
  const stopAll = useCallback(() => {
    for (const ac of controllers.current.values()) ac.abort();
  }, []);
  const forget = useCallback(
    (id: string) => {
      stop(id);
      setRuns((all) => Object.fromEntries(Object.entries(all).filter(([k]) => k !== id)));
    },
    [stop],
  );

  useEffect(() => {
    const map = controllers.current;
    return () => {
      for (const ac of map.values()) ac.abort();
    };
  }, []);

  const running = Object.values(runs).some((r) => r.status === 'running');
  return { runs, start, stop, stopAll, forget, running };
}

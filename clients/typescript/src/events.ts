import type { PromptdeckError } from './errors.js';

/**
 * What the client reports through `onError` (default: console.warn): moments where it carried
 * on despite a failure, so they can be logged and alerted on.
 */
export type ClientEvent =
  /** The server was unavailable; the last good copy (`ageMs` since the server confirmed it) was served. */
  | { type: 'stale'; prompt: string; label: string | null; version: number | null; ageMs: number; error: PromptdeckError }
  /** The server was unavailable and nothing was cached; the application's fallback was served. */
  | { type: 'fallback'; prompt: string; label: string | null; version: number | null; error: PromptdeckError }
  /** An ingestion batch failed and will be retried after `delayMs`. */
  | { type: 'ingest_retry'; records: number; attempt: number; delayMs: number; error: PromptdeckError }
  /**
   * Records were dropped: `queue_full` (the buffer was at maxQueue: the oldest waiting records
   * make room), `rejected` (the server refused them as invalid: 400, 401, 403), `retries_exhausted`,
   * or `shutdown` (still unsent when shutdown's time ran out).
   */
  | { type: 'ingest_dropped'; reason: 'queue_full' | 'rejected' | 'retries_exhausted' | 'shutdown'; records: number; error?: PromptdeckError };

export type ErrorHook = (event: ClientEvent) => void;

export function describeEvent(e: ClientEvent): string {
  switch (e.type) {
    case 'stale':
      return `promptdeck: serving a stale copy of ${e.prompt} (confirmed ${Math.round(e.ageMs / 1000)} s ago): ${e.error.message}`;
    case 'fallback':
      return `promptdeck: serving the fallback of ${e.prompt}: ${e.error.message}`;
    case 'ingest_retry':
      return `promptdeck: ingestion of ${e.records} record(s) failed (attempt ${e.attempt}), retrying in ${e.delayMs} ms: ${e.error.message}`;
    case 'ingest_dropped':
      return `promptdeck: dropped ${e.records} invocation record(s) (${e.reason})${e.error ? `: ${e.error.message}` : ''}`;
  }
}

export const defaultErrorHook: ErrorHook = (e) => console.warn(describeEvent(e));

/** Calls the hook; a hook that throws must not break the client. */
export function report(hook: ErrorHook, e: ClientEvent): void {
  try {
    hook(e);
  } catch {
    // ignored on purpose
  }
}

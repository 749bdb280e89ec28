/**
 * Model traffic as it happens, for whoever needs to pace itself against it: the gateway reports
 * when a call to a model starts, ends and is throttled; the experiment rate limiter listens and
 * yields to production. Reporting never throws and never waits, so it cannot change a call.
 * Listeners live on globalThis: the server's own modules and Next's bundled route modules must
 * share them.
 */
export type TrafficEvent =
  | { kind: 'start'; modelId: string; source: string }
  /** attempts > 1: the SDK had to retry (throttling or a transient error) before it succeeded. */
  | { kind: 'done'; modelId: string; source: string; attempts: number }
  /** Bedrock still throttled the call after the SDK's retries. */
  | { kind: 'throttled'; modelId: string; source: string };

type Listener = (e: TrafficEvent) => void;

const g = globalThis as unknown as { __promptdeckTraffic?: Set<Listener> };
const listeners = (): Set<Listener> => (g.__promptdeckTraffic ??= new Set());

/** Subscribes; returns the unsubscribe function. */
export function onModelTraffic(listener: Listener): () => void {
  listeners().add(listener);
  return () => listeners().delete(listener);
}

export function reportModelTraffic(e: TrafficEvent): void {
  for (const l of listeners()) {
    try {
      l(e);
    } catch {
      // A listener's bug must not touch the call it observes.
    }
  }
}

import type { ExperimentStatus } from '../schemas';
import type { Summary } from '../responses';

/**
 * What happens when an experiment reaches a final state: a small registry so other features
 * (webhooks' `experiment.finished`, the release gate) can react without the runner knowing them.
 * Listeners run once per experiment, on the instance that finished it, after the final state is
 * committed; their errors are logged and never change the run. Kept on globalThis so the
 * server's modules and Next's bundled route modules share one registry.
 */
export interface ExperimentFinished {
  experimentId: string;
  name: string;
  prompt: string;
  version: number;
  datasetId: string;
  status: Extract<ExperimentStatus, 'succeeded' | 'failed' | 'cancelled'>;
  summary: Summary | null;
  suite: string | null;
  sweepId: string | null;
  finishedAt: string;
}

type Listener = (e: ExperimentFinished) => void | Promise<void>;

const g = globalThis as unknown as { __promptdeckExperimentFinished?: Set<Listener> };
const listeners = (): Set<Listener> => (g.__promptdeckExperimentFinished ??= new Set());

/** Subscribes; returns the function that unsubscribes. */
export function onExperimentFinished(fn: Listener): () => void {
  listeners().add(fn);
  return () => listeners().delete(fn);
}

export async function emitExperimentFinished(e: ExperimentFinished, log: (line: string) => void = (l) => console.warn(l)): Promise<void> {
  for (const fn of [...listeners()]) {
    try {
      await fn(e);
    } catch (err) {
      log(`experiment.finished listener failed for ${e.experimentId}: ${(err as Error).message}`);
    }
  }
}

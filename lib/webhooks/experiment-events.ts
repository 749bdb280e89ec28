import { db, type Db } from '../db/client';
import { onExperimentFinished } from '../experiments/runner/hooks';
import { publishEvent } from './publish';

const g = globalThis as unknown as { __promptdeckExperimentWebhooks?: () => void };

/**
 * `experiment.finished` webhooks: every experiment that reaches a final state on this instance
 * is published to the subscribed webhooks (outbox rows plus delivery jobs, in one transaction
 * right after the run's final state committed). Registered once per process at boot; returns
 * the function that unsubscribes.
 */
export function publishExperimentWebhooks(database: () => Db = db): () => void {
  g.__promptdeckExperimentWebhooks ??= onExperimentFinished(async (e) => {
    await database().$transaction((tx) => publishEvent(tx, 'experiment.finished', e));
  });
  return () => {
    g.__promptdeckExperimentWebhooks?.();
    g.__promptdeckExperimentWebhooks = undefined;
  };
}

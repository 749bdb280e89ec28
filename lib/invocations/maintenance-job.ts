import { z } from 'zod';
import { db } from '../db/client';
import { env } from '../env';
import { defineJob, jobQueue } from '../jobs';
import { applyInvocationRetention, ensureInvocationPartitions } from './partitions';

/** How often the log's partitions are kept ahead and retention is applied. */
export const MAINTENANCE_EVERY_SECONDS = 3600;

/**
 * Keeps month partitions of the invocation log ahead of time and drops months past the
 * retention setting. One queued run at a time across all instances (policy `short` on one key):
 * each run queues the next one an hour later, and every instance queues one at boot, which is
 * dropped when one is already waiting.
 */
export const invocationMaintenanceJob = defineJob({
  name: 'invocations.maintenance',
  schema: z.object({}),
  policy: { policy: 'short', retryLimit: 5, retryDelaySeconds: 30, expireInSeconds: 600 },
  async handler() {
    try {
      const created = await ensureInvocationPartitions(db());
      const days = env().PROMPTDECK_LOG_RETENTION_DAYS;
      const retention = days ? await applyInvocationRetention(db(), days) : null;
      return { partitions: created, retention };
    } finally {
      await scheduleInvocationMaintenance(MAINTENANCE_EVERY_SECONDS);
    }
  },
});

/** Queues the next maintenance run (a no-op when one is already queued). */
export async function scheduleInvocationMaintenance(afterSeconds = 0): Promise<void> {
  const q = await jobQueue();
  await q.send(invocationMaintenanceJob, {}, { singletonKey: 'invocations.maintenance', startAfterSeconds: afterSeconds });
}

import { z } from 'zod';
import { db as processDb, type Db } from '../db/client';
import { env } from '../env';
import { defineJob, jobQueue, type JobDefinition, type JobQueue } from '../jobs';
import { runGuard } from './guard';

/**
 * The guard as a recurring pg-boss job, no timer holding state: each run first enqueues the next
 * one (PROMPTDECK_GUARD_INTERVAL_MS later), then looks at the canaries. The queue's `stately`
 * policy keeps at most one run queued and one active across all instances, so the chain never
 * doubles; every instance enqueues one at boot (a no-op when one is queued), which restarts the
 * chain after a crash. A failed run is not retried: the next one is already queued.
 */
export const GUARD_JOB = 'canary-guard';

export interface GuardJobOptions {
  db?: () => Db;
  queue?: () => Promise<JobQueue>;
  intervalMs?: () => number;
  /** Tests use their own queue name (each test database shares one pgboss schema per server). */
  name?: string;
}

export function guardJob(opts: GuardJobOptions = {}): JobDefinition<Record<string, never>> {
  const database = opts.db ?? processDb;
  const queue = opts.queue ?? jobQueue;
  const intervalMs = opts.intervalMs ?? (() => env().PROMPTDECK_GUARD_INTERVAL_MS);
  const def: JobDefinition<Record<string, never>> = defineJob({
    name: opts.name ?? GUARD_JOB,
    schema: z.object({}).strict() as z.ZodType<Record<string, never>>,
    policy: { policy: 'stately', retryLimit: 0, expireInSeconds: 120 },
    handler: async (r) => {
      await (await queue()).send(def, {}, { startAfterSeconds: intervalMs() / 1000 });
      r.signal.throwIfAborted();
      await runGuard(database());
    },
  });
  return def;
}

/** Enqueues a guard run now unless one is queued (boot). */
export async function scheduleGuard(q: JobQueue, def: JobDefinition<Record<string, never>>): Promise<void> {
  await q.send(def, {});
}

import { z } from 'zod';
import { db as processDb } from '../../db/client';
import { defineJob, jobQueue, type JobPolicy, type JobQueue, type RawSqlClient } from '../../jobs';
import { DEFAULT_RUNNER, runExperimentSlice, type RunnerOptions } from './worker';

/**
 * The pg-boss job that runs experiments. An experiment is split into `shards` jobs (2 when its
 * concurrency allows), singleton per (experiment, shard) with the `stately` policy, so several
 * instances can work on one experiment at once; rows are claimed one at a time (claims.ts), so
 * they never do the same work twice. A job works for a slice (2 minutes) and queues its own
 * continuation, well inside its expiry (5 minutes): a job whose instance died (kill -9) is
 * retried by pg-boss after the expiry on any instance, and its claims, no longer refreshed, are
 * taken over after the lease. Recorded results are never redone: a resumed run continues.
 */
export const EXPERIMENT_JOB = 'experiment.run';

export const ExperimentJobSchema = z.object({ experimentId: z.string().min(1), shard: z.number().int().min(0).max(15) });
export type ExperimentJobData = z.infer<typeof ExperimentJobSchema>;

export const EXPERIMENT_JOB_POLICY: JobPolicy = {
  // Interruptions (a graceful stop hands the job back) count as retries: allow many, quickly.
  retryLimit: 50,
  retryDelaySeconds: 1,
  retryBackoff: false,
  expireInSeconds: 300,
  concurrency: 4,
  policy: 'stately',
};

/** How many jobs share an experiment. */
export function shardsFor(concurrency: number): number {
  return Math.min(2, Math.max(1, concurrency));
}

/** The lanes (parallel calls) of one shard: the experiment's concurrency split between shards. */
export function lanesFor(concurrency: number, shard: number): number {
  const n = shardsFor(concurrency);
  return Math.floor(concurrency / n) + (shard < concurrency % n ? 1 : 0);
}

export interface ExperimentJobOptions {
  policy?: Partial<JobPolicy>;
  runner?: Partial<Omit<RunnerOptions, 'db'>> & { db?: RunnerOptions['db'] };
  /** The queue continuations are sent to (default: the process-wide queue). */
  queue?: () => Promise<JobQueue>;
}

export function experimentJob(opts: ExperimentJobOptions = {}) {
  const def = defineJob({
    name: EXPERIMENT_JOB,
    schema: ExperimentJobSchema,
    policy: { ...EXPERIMENT_JOB_POLICY, ...opts.policy },
    handler: async (run) => {
      const { experimentId, shard } = run.data;
      const e = await (opts.runner?.db ?? processDb()).experiment.findUnique({ where: { id: experimentId }, select: { concurrency: true } });
      if (!e) return { outcome: 'gone' };
      const outcome = await runExperimentSlice(experimentId, { ...DEFAULT_RUNNER, ...opts.runner, db: opts.runner?.db ?? processDb(), signal: run.signal, concurrency: lanesFor(e.concurrency, shard) });
      if (outcome === 'more') await (await (opts.queue ?? jobQueue)()).send(def, run.data, { singletonKey: `${experimentId}:${shard}` });
      return { outcome };
    },
  });
  return def;
}

const g = globalThis as unknown as { __promptdeckExperimentJob?: ReturnType<typeof experimentJob> };
/** The job as the app registers it (lib/jobs/registry.ts). */
export function appExperimentJob(): ReturnType<typeof experimentJob> {
  g.__promptdeckExperimentJob ??= experimentJob();
  return g.__promptdeckExperimentJob;
}

/**
 * Queues an experiment's jobs, inside the caller's transaction when given (the experiment and
 * its jobs exist together or not at all). Without a running queue in this process (a script),
 * the experiment stays queued and the next server start picks it up (resumeExperiments).
 */
export async function enqueueExperiment(id: string, concurrency: number, opts: { tx?: RawSqlClient; queue?: JobQueue } = {}): Promise<boolean> {
  const q = opts.queue ?? (await jobQueue().catch(() => null));
  if (!q) return false;
  for (let shard = 0; shard < shardsFor(concurrency); shard++) {
    await q.send(appExperimentJob(), { experimentId: id, shard }, { singletonKey: `${id}:${shard}`, ...(opts.tx ? { tx: opts.tx } : {}) });
  }
  return true;
}

/** At start-up: queues every unfinished experiment again (singleton keys drop the duplicates). */
export async function resumeExperiments(q: JobQueue, database = processDb()): Promise<number> {
  const open = await database.experiment.findMany({ where: { status: { in: ['queued', 'running'] } }, select: { id: true, concurrency: true } });
  for (const e of open) await enqueueExperiment(e.id, e.concurrency, { queue: q });
  return open.length;
}

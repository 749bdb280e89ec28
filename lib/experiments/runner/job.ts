import { z } from 'zod';
import { backgroundDb, db as processDb } from '../../db/client';
import { defineJob, jobQueue, outputMessage, type JobPolicy, type JobQueue, type RawSqlClient } from '../../jobs';
import { DEFAULT_RUNNER, failExperiment, runExperimentSlice, type RunnerOptions } from './worker';

/**
 * The pg-boss job that runs experiments. An experiment is split into `shards` jobs (2 when its
 * concurrency allows), singleton per (experiment, shard) with the `stately` policy, so several
 * instances can work on one experiment at once; rows are claimed one at a time (claims.ts), so
 * they never do the same work twice. A job works for a slice (2 minutes) and queues its own
 * continuation, well inside its expiry (5 minutes): a job whose instance died (kill -9) is
 * retried by pg-boss after the expiry on any instance, and its claims, no longer refreshed, are
 * taken over after the lease. Recorded results are never redone: a resumed run continues.
 * A job that fails for good (its retries used up by errors or by expiries) is dead-lettered to
 * `experiment.run.failed`, which marks the experiment failed with the last error as its reason:
 * a run is never left `running` with no job behind it.
 */
export const EXPERIMENT_JOB = 'experiment.run';
export const EXPERIMENT_FAILED_JOB = 'experiment.run.failed';

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
  deadLetter: EXPERIMENT_FAILED_JOB,
};

/** The database pool the runner works on: the background pool, not the one requests use. */
export function experimentRunnerDb(): RunnerOptions['db'] {
  return backgroundDb();
}

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
      const database = opts.runner?.db ?? experimentRunnerDb();
      const e = await database.experiment.findUnique({ where: { id: experimentId }, select: { concurrency: true } });
      if (!e) return { outcome: 'gone' };
      const outcome = await runExperimentSlice(experimentId, { ...DEFAULT_RUNNER, ...opts.runner, db: database, signal: run.signal, concurrency: lanesFor(e.concurrency, shard) });
      if (outcome === 'more') await (await (opts.queue ?? jobQueue)()).send(def, run.data, { singletonKey: `${experimentId}:${shard}` });
      return { outcome };
    },
  });
  return def;
}

/** Why a run whose job gave up failed, as the API and the page show it. */
export function deadJobReason(attempts: number, output: unknown): string {
  const last = outputMessage(output);
  return `The run's background job failed ${attempts} time${attempts === 1 ? '' : 's'} and was given up${last ? `; last error: ${last}` : ''}. Results recorded so far are kept; start a new run to finish the rest.`;
}

/**
 * The dead letter of experiment.run: the job gave up (retries used up), so the experiment is
 * marked failed (unless it already ended) and the rows it still held are handed back.
 */
export function experimentFailedJob(opts: { db?: RunnerOptions['db']; log?: (line: string) => void } = {}) {
  return defineJob({
    name: EXPERIMENT_FAILED_JOB,
    schema: ExperimentJobSchema,
    policy: { retryLimit: 10, retryDelaySeconds: 5, retryBackoff: true, expireInSeconds: 60, concurrency: 1, policy: 'standard' },
    handler: async (run) => {
      const database = opts.db ?? experimentRunnerDb();
      // pg-boss copies the failed job's retry limit onto its dead letter: all its tries were used.
      const attempts = run.retryLimit + 1;
      await database.experimentResult.updateMany({ where: { experimentId: run.data.experimentId, status: 'running' }, data: { status: 'pending', claimToken: null, claimedAt: null } });
      await failExperiment({ db: database, log: opts.log ?? DEFAULT_RUNNER.log }, run.data.experimentId, deadJobReason(attempts, run.output));
      return { failed: run.data.experimentId };
    },
  });
}

const g = globalThis as unknown as { __promptdeckExperimentJob?: ReturnType<typeof experimentJob>; __promptdeckExperimentFailedJob?: ReturnType<typeof experimentFailedJob> };
/** The job as the app registers it (lib/jobs/registry.ts). */
export function appExperimentJob(): ReturnType<typeof experimentJob> {
  g.__promptdeckExperimentJob ??= experimentJob();
  return g.__promptdeckExperimentJob;
}

/** Its dead letter, registered beside it. */
export function appExperimentFailedJob(): ReturnType<typeof experimentFailedJob> {
  g.__promptdeckExperimentFailedJob ??= experimentFailedJob();
  return g.__promptdeckExperimentFailedJob;
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

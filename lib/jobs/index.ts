import { JobQueue, type StartOptions } from './queue';

/**
 * The process-wide job queue. The web server starts it at boot (scripts/server.ts), tests start
 * their own JobQueue instances. Kept on globalThis so the server's import graph and Next's
 * bundled route modules share one instance.
 */
export { JobQueue, JobInterrupted, JOBS_SCHEMA, type QueueDepth, type SendOptions, type StartOptions } from './queue';
export { defineJob, DEFAULT_POLICY, outputMessage, type JobDefinition, type JobPolicy, type JobRun } from './types';
export { prismaExecutor, type RawSqlClient } from './sql';

const g = globalThis as unknown as { __promptdeckJobs?: Promise<JobQueue> };

export function startJobQueue(opts: StartOptions): Promise<JobQueue> {
  g.__promptdeckJobs ??= JobQueue.start(opts).catch((err: unknown) => {
    g.__promptdeckJobs = undefined;
    throw err;
  });
  return g.__promptdeckJobs;
}

/** The queue this process started; rejects when it was not started (e.g. a script). */
export function jobQueue(): Promise<JobQueue> {
  return g.__promptdeckJobs ?? Promise.reject(new Error('The job queue is not running in this process (the web server starts it at boot).'));
}

export async function stopJobQueue(opts?: { graceful?: boolean; timeoutMs?: number }): Promise<void> {
  const q = g.__promptdeckJobs;
  g.__promptdeckJobs = undefined;
  if (q) await (await q).stop(opts);
}

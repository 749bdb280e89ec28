import type { z } from 'zod';

/**
 * What a background job is: a name (one pg-boss queue), a zod schema for its payload (checked
 * when it is sent and again when it runs), the queue's retry and expiry policy, and the handler.
 */
export interface JobPolicy {
  /** Retries after a failure or an expiry (a worker that died). Default 3. */
  retryLimit: number;
  /** Seconds before the first retry. Default 5. */
  retryDelaySeconds: number;
  /** Exponential backoff: the n-th retry waits about retryDelay * 2^n (with jitter). Default true. */
  retryBackoff: boolean;
  /**
   * How long one run may stay active. After that pg-boss fails it and, within retryLimit, another
   * instance retries it: this is how the work of a crashed (kill -9) instance is recovered, so
   * keep it short and let long work continue in follow-up jobs. Default 300.
   */
  expireInSeconds: number;
  /** Jobs of this queue run at most this many at a time per instance. Default 1. */
  concurrency: number;
  /**
   * pg-boss queue policy: `standard`; `singleton` (one active job per singletonKey); `short`
   * (one queued job per key); `stately` (one queued and one active per key). Default standard.
   */
  policy: 'standard' | 'short' | 'singleton' | 'stately';
  /**
   * A registered job that receives this job's payload when it fails for good (its retries are
   * used up, whether by failures or by expiries of a dead worker), with the last error as the
   * run's `output`: so the work it stood for is never left waiting forever. Default none.
   */
  deadLetter?: string;
}

export interface JobRun<T> {
  id: string;
  data: T;
  /**
   * Aborted when the run should stop early: the instance is shutting down, or the run is about
   * to expire. A handler that is not done must then throw (e.g. `signal.throwIfAborted()`) so
   * the job is handed back and retried; returning normally marks the job completed.
   */
  signal: AbortSignal;
  /** Retries so far (0 on the first run) and how many the policy allows. */
  retryCount: number;
  retryLimit: number;
  /** A dead-letter run: what the failed job ended with (pg-boss stores `{message, stack...}` or `{value: {message}}`). */
  output: unknown;
}

/** The error message a failed job's output carries, if any. */
export function outputMessage(output: unknown): string | null {
  const o = output as { message?: unknown; value?: { message?: unknown } } | null | undefined;
  const m = o?.message ?? o?.value?.message;
  return typeof m === 'string' && m ? m : null;
}

export interface JobDefinition<T = unknown> {
  name: string;
  schema: z.ZodType<T>;
  policy: JobPolicy;
  handler: (run: JobRun<T>) => Promise<unknown>;
}

export const DEFAULT_POLICY: JobPolicy = {
  retryLimit: 3,
  retryDelaySeconds: 5,
  retryBackoff: true,
  expireInSeconds: 300,
  concurrency: 1,
  policy: 'standard',
};

const NAME = /^[a-z][a-z0-9_.-]{0,63}$/;

/** A job definition with the default policy filled in. */
export function defineJob<T>(def: { name: string; schema: z.ZodType<T>; policy?: Partial<JobPolicy>; handler: JobDefinition<T>['handler'] }): JobDefinition<T> {
  if (!NAME.test(def.name)) throw new Error(`Job name "${def.name}" must match ${NAME} (it names a pg-boss queue).`);
  const policy = { ...DEFAULT_POLICY, ...def.policy };
  if (!Number.isInteger(policy.expireInSeconds) || policy.expireInSeconds < 1) throw new Error(`Job "${def.name}": expireInSeconds must be an integer >= 1.`);
  if (!Number.isInteger(policy.concurrency) || policy.concurrency < 1) throw new Error(`Job "${def.name}": concurrency must be an integer >= 1.`);
  if (!Number.isInteger(policy.retryLimit) || policy.retryLimit < 0) throw new Error(`Job "${def.name}": retryLimit must be an integer >= 0.`);
  return { name: def.name, schema: def.schema, policy, handler: def.handler };
}

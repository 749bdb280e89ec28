import type { JobDefinition } from './types';
import { env } from '../env';
import { diagnosticRecordJob } from '../ops/diagnostic-job';

/**
 * Every background job the app runs: the web server starts the queue with this list, so each
 * instance can run any of them. A feature adds its job here (defined with defineJob in its own
 * folder, e.g. lib/experiments). Empty until the first feature needs one.
 */
export function appJobs(): JobDefinition<any>[] { // eslint-disable-line @typescript-eslint/no-explicit-any
  return [...(env().PROMPTDECK_DIAGNOSTIC_JOBS === 'on' ? [diagnosticRecordJob] : [])];
}

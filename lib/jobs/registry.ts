import { appExperimentJob } from '../experiments/runner/job';
import type { JobDefinition } from './types';

/**
 * Every background job the app runs: the web server starts the queue with this list, so each
 * instance can run any of them. A feature adds its job here (defined with defineJob in its own
 * folder, e.g. lib/experiments).
 */
export function appJobs(): JobDefinition<any>[] { // eslint-disable-line @typescript-eslint/no-explicit-any
  return [appExperimentJob()];
}

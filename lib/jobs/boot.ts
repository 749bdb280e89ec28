import { env } from '../env';
import { resumeExperiments } from '../experiments/runner/job';
import { publishExperimentWebhooks } from '../webhooks/experiment-events';
import { startJobQueue, stopJobQueue } from './index';
import { appJobs, startRecurringJobs } from './registry';

/**
 * Starts the job queue in the web server process (not in the launcher: every instance of a team
 * deployment runs workers). PROMPTDECK_JOBS=off keeps an instance from running jobs; it can
 * still enqueue them.
 */
export async function startBackgroundWork(log: (line: string) => void): Promise<void> {
  const e = env();
  if (!e.DATABASE_URL) throw new Error('DATABASE_URL is not set: the job queue needs the database.');
  const work = e.PROMPTDECK_JOBS === 'on';
  const jobs = appJobs();
  const queue = await startJobQueue({ url: e.DATABASE_URL, jobs, work, pollingIntervalSeconds: e.PROMPTDECK_JOBS_POLL_SECONDS, poolSize: e.PROMPTDECK_JOBS_POOL_SIZE, log });
  await startRecurringJobs(queue);
  publishExperimentWebhooks();
  // Experiments created while no queue ran (a script, the demo seed) or left unfinished.
  const open = await resumeExperiments(queue);
  if (open) log(`experiments: ${open} unfinished run${open === 1 ? '' : 's'} queued again`);
  log(`job queue started (pg-boss, schema pgboss): ${work ? `running ${jobs.length} job type${jobs.length === 1 ? '' : 's'}` : 'enqueue only (PROMPTDECK_JOBS=off)'}`);
}

/** Lets running jobs finish (up to timeoutMs), hands back the rest for another instance. */
export async function stopBackgroundWork(timeoutMs = 20_000): Promise<void> {
  await stopJobQueue({ graceful: true, timeoutMs });
}

import { db } from '../db/client';
import { invocationMaintenanceJob, scheduleInvocationMaintenance } from '../invocations/maintenance-job';
import { ensureInvocationPartitions } from '../invocations/partitions';
import { appExperimentFailedJob, appExperimentJob } from '../experiments/runner/job';
import type { JobDefinition } from './types';
import type { JobQueue } from './queue';
import { guardJob, scheduleGuard } from '../canary/guard-job';
import { deliverWebhookJob } from '../webhooks/deliver';

const canaryGuard = guardJob();
import { env } from '../env';
import { diagnosticRecordJob } from '../ops/diagnostic-job';

/**
 * Every background job the app runs: the web server starts the queue with this list, so each
 * instance can run any of them. A feature adds its job here (defined with defineJob in its own
 * folder, e.g. lib/experiments).
 */
export function appJobs(): JobDefinition<any>[] { // eslint-disable-line @typescript-eslint/no-explicit-any
  return [invocationMaintenanceJob, canaryGuard, deliverWebhookJob, appExperimentJob(), appExperimentFailedJob(), ...(env().PROMPTDECK_DIAGNOSTIC_JOBS === 'on' ? [diagnosticRecordJob] : [])];
}

/** Recurring jobs (re-enqueueing themselves) that each instance makes sure are queued at boot. */
export async function startRecurringJobs(q: JobQueue): Promise<void> {
  await scheduleGuard(q, canaryGuard);
  // The log's month partitions exist before the first request (the hourly job keeps them ahead).
  await ensureInvocationPartitions(db());
  await scheduleInvocationMaintenance();
}

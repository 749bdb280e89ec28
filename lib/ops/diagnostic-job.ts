import { hostname } from 'node:os';
import { z } from 'zod';
import { db } from '../db/client';
import { env } from '../env';
import { defineJob } from '../jobs/types';

/**
 * A diagnostic job for checking a deployment of several instances: with
 * PROMPTDECK_DIAGNOSTIC_JOBS=on every instance works the queue `diagnostic.record`, whose handler
 * records which instance ran which job in the table `promptdeck_diagnostic_runs` (created by
 * whoever runs the check, see e2e/instances.spec.ts). Off by default: no worker, no table.
 */
export const DIAGNOSTIC_TABLE = 'promptdeck_diagnostic_runs';

export const diagnosticRecordJob = defineJob({
  name: 'diagnostic.record',
  schema: z.object({ n: z.number().int(), holdMs: z.number().int().min(0).max(5_000).default(0) }),
  policy: { concurrency: 2, retryLimit: 2, retryDelaySeconds: 1 },
  handler: async ({ id, data }) => {
    const instance = `${hostname()}:${env().PORT}:${process.pid}`;
    if (data.holdMs) await new Promise((r) => setTimeout(r, data.holdMs));
    await db().$executeRawUnsafe(`INSERT INTO ${DIAGNOSTIC_TABLE} (job_id, instance, n) VALUES ($1, $2, $3)`, id, instance, data.n);
    return { instance };
  },
});

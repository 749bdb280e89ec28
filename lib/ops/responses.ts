import { z } from 'zod';

export const HealthSchema = z
  .object({
    status: z.literal('ok'),
    uptimeSeconds: z.number().int().nonnegative().describe('Seconds since this process started.'),
  })
  .meta({ id: 'Health' });

const CheckSchema = z.object({ ok: z.boolean(), detail: z.string().describe('What was found, e.g. "all 14 applied" or why the check failed.') }).meta({ id: 'ReadinessCheck' });

export const ReadinessSchema = z
  .object({
    ready: z.boolean(),
    checks: z.object({
      database: CheckSchema.describe('The database answers a query (2 s timeout).'),
      migrations: CheckSchema.describe('Every migration folder in the code is applied (`_prisma_migrations`).'),
      jobs: CheckSchema.describe('The job queue (pg-boss) is running in this process.'),
      shutdown: CheckSchema.describe('Not shutting down (after SIGTERM the instance drains and answers 503 here).'),
    }),
  })
  .meta({ id: 'Readiness' });

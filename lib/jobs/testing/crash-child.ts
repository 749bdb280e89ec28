/**
 * Test fixture (lib/jobs/queue.test.ts): an "app instance" that takes one job and then dies
 * mid-run. Usage: node --import tsx crash-child.ts <database url> <job name>. Prints
 * `started <job id>` once its handler runs; the test then kills it with SIGKILL.
 */
import { z } from 'zod';
import { JobQueue } from '../queue';
import { defineJob } from '../types';
import { CRASH_POLICY } from './policies';

const [url, name] = process.argv.slice(2);
if (!url || !name) throw new Error('usage: crash-child.ts <database url> <job name>');

const job = defineJob({
  name,
  schema: z.object({ n: z.number() }),
  policy: CRASH_POLICY,
  handler: async (run) => {
    process.stdout.write(`started ${run.id}\n`);
    await new Promise(() => {}); // never finishes: only SIGKILL ends this run
  },
});

await JobQueue.start({ url, jobs: [job], pollingIntervalSeconds: 0.5, log: () => {} });
process.stdout.write('ready\n');

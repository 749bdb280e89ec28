import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAwsSim, type AwsSim } from '../../aws-sim';
import { bedrockClient } from '../../aws-sim/testing';
import { JobQueue } from '../../jobs';
import { createTestDb, ctxFor, type TestDb } from '../../test/db';
import { ExperimentRateLimiter, type ModelLimiter } from '../rate';
import { createExperiment, getExperiment } from '../service';
import { dataset, moderationPrompt } from '../testing/fixtures';
import { deadJobReason, enqueueExperiment, experimentFailedJob, experimentJob } from './job';

/**
 * A run whose job gives up (pg-boss retries used up, by errors or by a worker that never comes
 * back) ends `failed` with a reason the API shows, instead of staying `running` forever.
 */
let t: TestDb;
let sim: AwsSim;
const queues: JobQueue[] = [];
beforeAll(async () => {
  t = await createTestDb();
  sim = await startAwsSim();
});
afterAll(async () => {
  await Promise.all(queues.map((q) => q.stop({ graceful: false })));
  await sim?.stop();
  await t?.close();
});

/** A limiter whose every call fails the way an infrastructure fault does (not a model error). */
class BrokenLimiter extends ExperimentRateLimiter {
  constructor(private readonly behaviour: 'throw' | 'hang') {
    super();
  }
  override forModel(): ModelLimiter {
    const run = this.behaviour === 'throw' ? () => Promise.reject(new Error('connection to the database was lost')) : () => new Promise<never>(() => {});
    return { run } as unknown as ModelLimiter;
  }
}

async function instance(limiter: ExperimentRateLimiter, policy: Record<string, number>): Promise<JobQueue> {
  const holder: { q?: JobQueue } = {};
  const runner = { db: t.db, client: bedrockClient(sim, { maxAttempts: 1 }), limiter, pollMs: 100, leaseMs: 5_000, log: () => {} };
  const job = experimentJob({ runner, policy, queue: async () => holder.q as JobQueue });
  const q = await JobQueue.start({ url: t.url, jobs: [job, experimentFailedJob({ db: t.db, log: () => {} })], pollingIntervalSeconds: 0.5, maintenanceIntervalSeconds: 1, log: () => {} });
  holder.q = q;
  queues.push(q);
  return q;
}

async function waitForStatus(id: string, status: string, ms: number) {
  const editor = ctxFor(t.db, 'editor');
  const until = Date.now() + ms;
  for (;;) {
    const e = await getExperiment(editor, id);
    if (e.status === status) return e;
    if (Date.now() > until) throw new Error(`still ${e.status} (${e.progress.done}/${e.progress.total})`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

describe('experiment job that gives up', () => {
  it('says how often it was tried and the last error', () => {
    expect(deadJobReason(3, { message: 'boom', stack: '...' })).toMatch(/failed 3 times.*last error: boom/);
    expect(deadJobReason(1, { value: { message: 'job failed by timeout in active state' } })).toMatch(/failed 1 time and.*timeout/);
    expect(deadJobReason(2, null)).not.toMatch(/last error/);
  });

  it('a job failing on every try: once its retries are used up the experiment is failed with the last error', async () => {
    const editor = ctxFor(t.db, 'editor');
    const e = await createExperiment(editor, { prompt: await moderationPrompt(t), dataset: (await dataset(t, 4)).id, evaluators: [{ type: 'json_valid' }], concurrency: 1 });
    const q = await instance(new BrokenLimiter('throw'), { retryLimit: 2, retryDelaySeconds: 0 });
    await enqueueExperiment(e.id, 1, { queue: q });
    const after = await waitForStatus(e.id, 'failed', 30_000);
    expect(after.error).toMatch(/failed 3 times.*connection to the database was lost/);
    expect(after.finishedAt).not.toBeNull();
    // The rows it had claimed are handed back, none left "running".
    expect(await t.db.experimentResult.count({ where: { experimentId: e.id, status: 'running' } })).toBe(0);
    await q.stop({ graceful: false }); // its workers would take the next test's job
  }, 60_000);

  it('a job whose worker never finishes (expiry on its last try) fails the experiment too', async () => {
    const editor = ctxFor(t.db, 'editor');
    const e = await createExperiment(editor, { prompt: await moderationPrompt(t), dataset: (await dataset(t, 2)).id, evaluators: [{ type: 'json_valid' }], concurrency: 1 });
    const q = await instance(new BrokenLimiter('hang'), { retryLimit: 0, expireInSeconds: 2 });
    await enqueueExperiment(e.id, 1, { queue: q });
    const after = await waitForStatus(e.id, 'failed', 30_000);
    expect(after.error).toMatch(/failed 1 time.*(timeout|exceeded)/);
    await q.stop({ graceful: false });
  }, 60_000);
});

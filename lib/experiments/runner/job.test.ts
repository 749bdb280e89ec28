import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAwsSim, type AwsSim } from '../../aws-sim';
import { bedrockClient } from '../../aws-sim/testing';
import { JobQueue } from '../../jobs';
import { createTestDb, ctxFor, type TestDb } from '../../test/db';
import { ExperimentRateLimiter } from '../rate';
import { createExperiment, getExperiment } from '../service';
import { dataset, moderationPrompt } from '../testing/fixtures';
import { enqueueExperiment, experimentFailedJob, experimentJob } from './job';

/** The experiment job on pg-boss: a server restart in the middle of a run resumes it on another instance. */
let t: TestDb;
let sim: AwsSim;
const queues: JobQueue[] = [];
beforeAll(async () => {
  t = await createTestDb();
  sim = await startAwsSim({ config: { latency: { baseMs: 80, perOutputTokenMs: 0, streamDelayMs: 0 } } });
});
afterAll(async () => {
  await Promise.all(queues.map((q) => q.stop({ graceful: false })));
  await sim?.stop();
  await t?.close();
});

async function instance(): Promise<JobQueue> {
  const holder: { q?: JobQueue } = {};
  const runner = { db: t.db, client: bedrockClient(sim, { maxAttempts: 1 }), limiter: new ExperimentRateLimiter({ initialRatePerSec: 200, maxRatePerSec: 2_000 }), pollMs: 100, leaseMs: 5_000, log: () => {} };
  const job = experimentJob({ runner, queue: async () => holder.q as JobQueue });
  const self = await JobQueue.start({ url: t.url, jobs: [job, experimentFailedJob({ db: t.db, log: () => {} })], pollingIntervalSeconds: 0.5, maintenanceIntervalSeconds: 1, log: () => {} });
  holder.q = self;
  queues.push(self);
  return self;
}

describe('experiment job (pg-boss)', () => {
  it('an instance stopping mid-run hands the run back; another instance resumes it without redoing recorded results', async () => {
    const editor = ctxFor(t.db, 'editor');
    const prompt = await moderationPrompt(t);
    const ds = await dataset(t, 24);
    const e = await createExperiment(editor, { prompt, dataset: ds.id, evaluators: [{ type: 'json_field', path: 'violation' }], concurrency: 2 });
    const a = await instance();
    expect(await enqueueExperiment(e.id, 2, { queue: a })).toBe(true);
    const deadline = Date.now() + 30_000;
    while ((await getExperiment(editor, e.id)).progress.done < 6) {
      if (Date.now() > deadline) throw new Error('no progress on instance A');
      await new Promise((r) => setTimeout(r, 100));
    }
    await a.stop({ graceful: true, timeoutMs: 2_000 });
    const atStop = (await getExperiment(editor, e.id)).progress.done;
    expect(atStop).toBeLessThan(24);
    const recordedAtStop = await t.db.experimentResult.findMany({ where: { experimentId: e.id, status: 'ok' }, select: { id: true, invocationId: true } });

    await instance();
    const until = Date.now() + 60_000;
    let after = await getExperiment(editor, e.id);
    while (after.status !== 'succeeded') {
      if (Date.now() > until) throw new Error(`not resumed: ${after.status} ${after.progress.done}/24`);
      await new Promise((r) => setTimeout(r, 200));
      after = await getExperiment(editor, e.id);
    }
    expect(after.progress).toEqual({ total: 24, done: 24, errors: 0 });
    const rows = await t.db.experimentResult.findMany({ where: { experimentId: e.id } });
    expect(rows).toHaveLength(24);
    // What was recorded before the stop is untouched (same invocation): resumed, not restarted.
    const byId = new Map(rows.map((r) => [r.id, r.invocationId]));
    for (const r of recordedAtStop) expect(byId.get(r.id)).toBe(r.invocationId);
  }, 120_000);
});

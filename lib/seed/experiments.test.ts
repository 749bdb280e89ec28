import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAwsSim, type AwsSim } from '../aws-sim';
import { bedrockClient } from '../aws-sim/testing';
import { ExperimentRateLimiter } from '../experiments/rate';
import { runExperimentSlice } from '../experiments/runner/worker';
import { createTestDb, type TestDb } from '../test/db';
import { seedDemoData } from './demo';
import { DEMO_DATASET } from './experiments';

let t: TestDb;
let sim: AwsSim;
beforeAll(async () => {
  t = await createTestDb();
  sim = await startAwsSim();
});
afterAll(async () => {
  await sim?.stop();
  await t?.close();
});

describe('experiments demo data', () => {
  it('seeds a 30-example dataset, a default suite, two runs and a sweep that the runner finishes', async () => {
    expect(await seedDemoData(t.db)).toBe(true);
    const d = await t.db.dataset.findUniqueOrThrow({ where: { name: DEMO_DATASET }, include: { _count: { select: { examples: true } } } });
    expect(d._count.examples).toBe(30);
    expect(await t.db.testSuite.count({ where: { isDefault: true } })).toBe(1);
    const queued = await t.db.experiment.findMany({ where: { status: 'queued' }, orderBy: { createdAt: 'asc' } });
    expect(queued).toHaveLength(6); // two suite runs and four sweep cells
    const opts = { db: t.db, client: bedrockClient(sim, { maxAttempts: 1 }), limiter: new ExperimentRateLimiter({ initialRatePerSec: 500, maxRatePerSec: 2_000 }), pollMs: 100, log: () => {} };
    for (const e of queued) expect(await runExperimentSlice(e.id, opts)).toBe('finished');
    const runs = await t.db.experiment.findMany({ where: { suiteName: 'golden' }, orderBy: { version: 'asc' } });
    expect(runs.map((r) => r.status)).toEqual(['succeeded', 'succeeded']);
    const rate = (s: unknown) => (s as { passRate: number }).passRate;
    // v1 runs on Sonnet (sees every hard case), v2 on Haiku (misses some).
    expect(rate(runs[0]?.summary)).toBeGreaterThan(rate(runs[1]?.summary));
  }, 120_000);
});

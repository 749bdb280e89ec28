import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAwsSim, type AwsSim } from '../aws-sim';
import { bedrockClient } from '../aws-sim/testing';
import { createPrompt } from '../catalog/prompts';
import { createVersion } from '../catalog/versions';
import { labelHistory, listLabels, moveLabel } from '../catalog/labels';
import { db as processDb } from '../db/client';
import { resetEnvCache } from '../env';
import { prepareInvocation, runInvocation } from '../invocations/gateway';
import { JobQueue } from '../jobs';
import { createTestDb, ctxFor, uniqueName, type TestDb } from '../test/db';
import { waitUntil } from '../test/helpers';
import { setCanaryPublisher } from './events';
import { runGuard } from './guard';
import { guardJob, scheduleGuard } from './guard-job';
import { startCanary } from './service';

let t: TestDb;
let sim: AwsSim;
const queues: JobQueue[] = [];
const ended: Record<string, unknown>[] = [];
beforeAll(async () => {
  t = await createTestDb();
  process.env.DATABASE_URL = t.url;
  resetEnvCache();
  sim = await startAwsSim();
  setCanaryPublisher(async (_tx, event, data) => void (event === 'canary.ended' && ended.push(data)));
});
afterAll(async () => {
  setCanaryPublisher(null);
  await Promise.all(queues.map((q) => q.stop({ graceful: false })));
  await sim?.stop();
  await processDb().$disconnect();
  await t?.close();
});

const GOOD = 'anthropic.claude-3-5-haiku-20241022-v1:0';
/** The stand-in answers AccessDeniedException for this model (set per test). */
const DENIED = 'amazon.nova-lite-v1:0';

/** v1 on a healthy model (production), v2 on a model the stand-in denies. */
async function failingCanary(minCalls: number): Promise<string> {
  const name = uniqueName('guard');
  const editor = ctxFor(t.db, 'deployer');
  await createPrompt(editor, { name });
  await createVersion(editor, name, { template: { messages: [{ role: 'user', content: 'Say hi to {{who}}' }] }, modelId: GOOD, labels: ['production'] });
  await createVersion(editor, name, { template: { messages: [{ role: 'user', content: 'Say hello to {{who}}' }] }, modelId: DENIED });
  await startCanary(editor, name, 'production', { version: 2, weight: 50, guard: { minCalls, windowSeconds: 600 } });
  return name;
}

/** Calls through the gateway with sticky userRefs: about half land on the failing canary. */
async function traffic(name: string, from: number, n: number): Promise<{ canary: number; failed: number }> {
  let canary = 0;
  let failed = 0;
  for (let i = from; i < from + n; i++) {
    const p = await prepareInvocation(ctxFor(t.db, 'viewer'), name, { variables: { who: `u${i}` }, metadata: { userRef: `user-${i}` } }, { source: 'api', client: bedrockClient(sim, { maxAttempts: 1 }) });
    if (p.canary) canary++;
    expect(p.version).toBe(p.canary ? 2 : 1);
    await runInvocation(p).catch(() => void failed++);
  }
  return { canary, failed };
}

const prod = async (name: string) => (await listLabels(ctxFor(t.db, 'viewer'), name)).find((l) => l.name === 'production');

describe('the canary guard, through the stand-in (a denied model)', () => {
  it('does not act below minCalls, then ends a failing canary by itself with its figures, exactly once', async () => {
    sim.setConfig({ faults: { deniedModels: [DENIED] } });
    const name = await failingCanary(15);
    const first = await traffic(name, 0, 16);
    expect(first.failed).toBe(first.canary);
    // Each side has fewer than 15 calls: bad as the canary is, the guard waits.
    expect((await runGuard(t.db)).find((o) => o.prompt === name)).toMatchObject({ state: 'waiting', rolledBack: false });
    expect((await prod(name))?.canary).not.toBeNull();
    await traffic(name, 16, 44);
    // Two instances at once: one rollback.
    const [a, b] = await Promise.all([runGuard(t.db), runGuard(t.db)]);
    const mine = [...a, ...b].filter((o) => o.prompt === name);
    expect(mine.map((o) => o.state)).toEqual(['breached', 'breached']);
    expect(mine.filter((o) => o.rolledBack)).toHaveLength(1);
    expect((await prod(name))).toMatchObject({ version: 1, canary: null });
    const [ev] = (await labelHistory(ctxFor(t.db, 'viewer'), name, 'production', {})).items;
    expect(ev).toMatchObject({ action: 'guard_rollback', fromVersion: 2, toVersion: 1, actor: 'Canary guard', actorRef: null });
    expect(ev?.reason).toMatch(/^Guard: error rate 100\.0% vs 0\.0% .*canary v2: \d+ calls, \d+ errors.*baseline v1: \d+ calls, 0 errors/);
    expect(ev?.details).toMatchObject({ breaches: [expect.stringContaining('error rate')], canary: { version: 2, errorRate: 1 }, baseline: { version: 1, errorRate: 0 } });
    expect(ended.filter((e) => e.prompt === name)).toEqual([expect.objectContaining({ outcome: 'guard_rollback', version: 2, baselineVersion: 1 })]);
    // Afterwards everyone is served v1.
    expect((await traffic(name, 60, 10)).canary).toBe(0);
    sim.setConfig({ faults: { deniedModels: [] } });
  });

  it('leaves a healthy canary alone, and a canary replaced meanwhile is not touched', async () => {
    const name = uniqueName('healthy');
    const editor = ctxFor(t.db, 'deployer');
    await createPrompt(editor, { name });
    await createVersion(editor, name, { template: { messages: [{ role: 'user', content: 'A {{who}}' }] }, modelId: GOOD, labels: ['production'] });
    await createVersion(editor, name, { template: { messages: [{ role: 'user', content: 'B {{who}}' }] }, modelId: GOOD });
    await startCanary(editor, name, 'production', { version: 2, weight: 50, guard: { minCalls: 5, maxLatencyP95Ratio: null } });
    await traffic(name, 0, 30);
    expect((await runGuard(t.db)).find((o) => o.prompt === name)).toMatchObject({ state: 'healthy', rolledBack: false });
    expect((await prod(name))?.canary?.version).toBe(2);
    await moveLabel(editor, name, 'production', { version: 2 });
    expect((await runGuard(t.db)).find((o) => o.prompt === name)).toBeUndefined();
  });

  it('runs as a recurring pg-boss job (no timer) and rolls back by itself', async () => {
    sim.setConfig({ faults: { deniedModels: [DENIED] } });
    const name = await failingCanary(5);
    await traffic(name, 0, 30);
    const def = guardJob({ db: () => t.db, queue: async () => q, intervalMs: () => 300, name: uniqueName('guard-job').toLowerCase() });
    const q: JobQueue = await JobQueue.start({ url: t.url, jobs: [def], pollingIntervalSeconds: 0.5, log: () => {} });
    queues.push(q);
    await scheduleGuard(q, def);
    await scheduleGuard(q, def); // a second instance booting: still one chain
    await waitUntil(async () => (await prod(name))?.canary === null, 20_000, 100);
    const events = (await labelHistory(ctxFor(t.db, 'viewer'), name, 'production', {})).items.filter((e) => e.action === 'guard_rollback');
    expect(events).toHaveLength(1);
    // The chain keeps going: more runs follow, one queued at a time.
    await waitUntil(async () => ((await q.depth())[def.name]?.completed ?? 0) >= 3, 20_000, 100);
    expect((await q.depth())[def.name]?.queued).toBeLessThanOrEqual(1);
    sim.setConfig({ faults: { deniedModels: [] } });
  }, 60_000);
});

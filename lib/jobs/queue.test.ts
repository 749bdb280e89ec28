import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z, ZodError } from 'zod';
import { createTestDb, uniqueName, type TestDb } from '../test/db';
import { JobInterrupted, JobQueue } from './queue';
import { CRASH_POLICY } from './testing/policies';
import { defineJob, type JobPolicy, type JobRun } from './types';

/** Real PostgreSQL (TEST_DATABASE_URL, or the embedded server): pg-boss's own SQL, no mocks. */
let t: TestDb;
const queues: JobQueue[] = [];
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => {
  await Promise.all(queues.map((q) => q.stop({ graceful: false })));
  await t?.close();
});

const Payload = z.object({ n: z.number().int() });
type Payload = z.infer<typeof Payload>;

function job(policy: Partial<JobPolicy>, handler: (run: JobRun<Payload>) => Promise<unknown>, name = uniqueName('t').toLowerCase()) {
  return defineJob({ name, schema: Payload, policy, handler });
}

async function instance(jobs: ReturnType<typeof job>[], opts: { work?: boolean } = {}): Promise<JobQueue> {
  const q = await JobQueue.start({ url: t.url, jobs, work: opts.work, pollingIntervalSeconds: 0.5, maintenanceIntervalSeconds: 1, log: () => {} });
  queues.push(q);
  return q;
}

async function until(what: string, check: () => boolean | Promise<boolean>, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for: ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function state(q: JobQueue, name: string, id: string) {
  const j = await q.raw.getJobById(name, id);
  return j as unknown as { state: string; retryCount: number; output: unknown } | null;
}

describe('job queue (pg-boss on PostgreSQL)', () => {
  it('runs each job exactly once while two instances compete for them', async () => {
    const seen: { instance: string; id: string; n: number }[] = [];
    const def = (instanceName: string) =>
      job({ concurrency: 2 }, async (run) => {
        seen.push({ instance: instanceName, id: run.id, n: run.data.n });
        await sleep(100);
      }, 'compete');
    const a = await instance([def('a')]);
    await instance([def('b')]);
    const ids = await Promise.all(Array.from({ length: 24 }, (_, n) => a.send(def('a'), { n })));
    await until('all 24 jobs ran', async () => (await a.depth()).compete?.completed === 24);
    expect(seen).toHaveLength(24);
    expect(new Set(seen.map((s) => s.id))).toEqual(new Set(ids));
    expect(seen.map((s) => s.n).sort((x, y) => x - y)).toEqual(Array.from({ length: 24 }, (_, n) => n));
    expect(seen.some((s) => s.instance === 'a')).toBe(true);
    expect(seen.some((s) => s.instance === 'b')).toBe(true);
  });

  it('retries the job of an instance that was killed mid-run (kill -9) on another instance, after it expires', async () => {
    const name = uniqueName('crash').toLowerCase();
    const ran: { id: string; at: number }[] = [];
    const survivor = job(CRASH_POLICY, async (run) => void ran.push({ id: run.id, at: Date.now() }), name);
    const sender = await instance([survivor], { work: false });
    const id = await sender.send(survivor, { n: 1 });
    expect(id).toBeTruthy();

    const child = spawn(process.execPath, ['--import', 'tsx', path.join(import.meta.dirname, 'testing/crash-child.ts'), t.url, name], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout?.on('data', (d: Buffer) => (out += d.toString()));
    try {
      await until('the child took the job', () => out.includes(`started ${id}`), 30_000);
      child.kill('SIGKILL');
      await exited(child);
      const killedAt = Date.now();
      expect((await state(sender, name, id ?? ''))?.state).toBe('active');

      await instance([survivor]); // the other instance: works this queue and runs maintenance
      await until('the survivor ran the job', () => ran.some((r) => r.id === id), 20_000);
      // Not before the job expired (expireInSeconds 2).
      expect((ran[0]?.at ?? 0) - killedAt).toBeGreaterThanOrEqual(1_000);
      await until('completed', async () => (await state(sender, name, id ?? ''))?.state === 'completed');
      expect((await state(sender, name, id ?? ''))?.retryCount).toBe(1);
      expect(ran).toHaveLength(1);
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
    }
  }, 60_000);

  it('retries a failed job with exponential backoff, then gives up after retryLimit', async () => {
    const attempts: number[] = [];
    const flaky = job({ retryLimit: 2, retryDelaySeconds: 1, retryBackoff: true }, async () => {
      attempts.push(Date.now());
      if (attempts.length < 3) throw new Error(`transient failure ${attempts.length}`);
    });
    let hopelessRuns = 0;
    const hopeless = job({ retryLimit: 1, retryDelaySeconds: 0, retryBackoff: false }, async () => {
      hopelessRuns += 1;
      throw new Error('always fails');
    });
    const q = await instance([flaky, hopeless]);
    const id = (await q.send(flaky, { n: 1 })) ?? '';
    const lost = (await q.send(hopeless, { n: 2 })) ?? '';
    await until('third attempt succeeded', async () => (await state(q, flaky.name, id))?.state === 'completed', 30_000);
    const [a0 = 0, a1 = 0, a2 = 0] = attempts;
    expect(attempts).toHaveLength(3);
    // retryDelay 1 s, doubled per retry (pg-boss adds up to 100% jitter): >= 1 s, then >= 2 s.
    expect(a1 - a0).toBeGreaterThanOrEqual(950);
    expect(a2 - a1).toBeGreaterThanOrEqual(1_950);
    expect((await state(q, flaky.name, id))?.retryCount).toBe(2);

    await until('the hopeless job failed for good', async () => (await state(q, hopeless.name, lost))?.state === 'failed');
    expect(hopelessRuns).toBe(2);
    expect(JSON.stringify((await state(q, hopeless.name, lost))?.output)).toContain('always fails');
  }, 40_000);

  it('enqueues inside the caller’s transaction: nothing after a rollback, visible to workers only after commit', async () => {
    const ran: number[] = [];
    const def = job({}, async (run) => void ran.push(run.data.n));
    const q = await instance([def]);

    await expect(
      t.db.$transaction(async (tx) => {
        await q.send(def, { n: 1 }, { tx });
        throw new Error('the write failed');
      }),
    ).rejects.toThrow('the write failed');

    let sentId: string | null = null;
    await t.db.$transaction(async (tx) => {
      sentId = await q.send(def, { n: 2 }, { tx });
      await sleep(1_500); // three polling intervals: uncommitted, so no worker may see it
      expect(ran).toEqual([]);
    });
    expect(sentId).toBeTruthy();
    await until('the committed job ran', () => ran.length === 1);
    await sleep(1_000);
    expect(ran).toEqual([2]);
    expect((await q.depth())[def.name]).toMatchObject({ queued: 0, active: 0, completed: 1 });
  });

  it('stops gracefully: running jobs are signalled and handed back to another instance', async () => {
    const name = uniqueName('handback').toLowerCase();
    let started = false;
    const cooperative = job({ retryLimit: 3, retryDelaySeconds: 0, retryBackoff: false }, async (run) => {
      started = true;
      await new Promise((_, reject) => run.signal.addEventListener('abort', () => reject(run.signal.reason as Error)));
    }, name);
    const a = await instance([cooperative]);
    const id = (await a.send(cooperative, { n: 1 })) ?? '';
    await until('instance A runs the job', () => started);
    await a.stop({ graceful: true, timeoutMs: 5_000 });

    const done: string[] = [];
    const b = await instance([job({ retryLimit: 3, retryDelaySeconds: 0, retryBackoff: false }, async (run) => void done.push(run.id), name)]);
    await until('instance B finished it', () => done.includes(id));
    const row = await state(b, name, id);
    expect(row?.state).toBe('completed');
    expect(row?.retryCount).toBe(1);
  });

  it('lets a running job finish during a graceful stop (no second run)', async () => {
    let runs = 0;
    const def = job({}, async () => {
      runs += 1;
      await sleep(700);
    });
    const a = await instance([def]);
    const id = (await a.send(def, { n: 1 })) ?? '';
    await until('running', () => runs === 1);
    await a.stop({ graceful: true, timeoutMs: 5_000 });
    const b = await instance([def], { work: false });
    expect((await state(b, def.name, id))?.state).toBe('completed');
  });

  it('keeps one job per singleton key, checks payloads, and reports queue depth', async () => {
    const def = job({ policy: 'short' }, async () => {});
    const q = await instance([def], { work: false });
    const first = await q.send(def, { n: 1 }, { singletonKey: 'experiment-1' });
    const again = await q.send(def, { n: 2 }, { singletonKey: 'experiment-1' });
    const other = await q.send(def, { n: 3 }, { singletonKey: 'experiment-2' });
    expect(first).toBeTruthy();
    expect(again).toBeNull();
    expect(other).toBeTruthy();
    await expect(q.send(def, { n: 1.5 })).rejects.toBeInstanceOf(ZodError);
    const unknown = job({}, async () => {});
    await expect(q.send(unknown, { n: 1 })).rejects.toThrow(/not registered/);
    expect((await q.depth())[def.name]).toEqual({ queued: 2, retry: 0, active: 0, failed: 0, completed: 0 });
  });

  it('tells a handler that outlives its expiry to stop before pg-boss gives up on it', async () => {
    let reason: unknown;
    const def = job({ expireInSeconds: 1, retryLimit: 0 }, async (run) => {
      await new Promise<void>((resolve) => run.signal.addEventListener('abort', () => resolve()));
      reason = run.signal.reason;
      throw reason;
    });
    const q = await instance([def]);
    const id = (await q.send(def, { n: 1 })) ?? '';
    await until('failed', async () => (await state(q, def.name, id))?.state === 'failed');
    expect(reason).toBeInstanceOf(JobInterrupted);
    expect((reason as JobInterrupted).why).toBe('expiring');
  });
});

function exited(child: ChildProcess): Promise<void> {
  return child.exitCode !== null || child.signalCode !== null ? Promise.resolve() : new Promise((r) => child.once('exit', () => r()));
}

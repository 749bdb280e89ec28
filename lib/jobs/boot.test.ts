import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import pg from 'pg';
import { resetEnvCache } from '../env';
import { createTestDb, type TestDb } from '../test/db';
import { startBackgroundWork, stopBackgroundWork } from './boot';
import { jobQueue } from './index';

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => {
  vi.unstubAllEnvs();
  resetEnvCache();
  await t?.close();
});

describe('the web server’s background work', () => {
  it('starts the process-wide queue on DATABASE_URL (creating the pgboss schema) and stops it', async () => {
    vi.stubEnv('DATABASE_URL', t.url);
    vi.stubEnv('PROMPTDECK_JOBS', 'off');
    resetEnvCache();
    const lines: string[] = [];
    await expect(jobQueue()).rejects.toThrow(/not running/);
    await startBackgroundWork((l) => lines.push(l));
    expect(lines.join('\n')).toMatch(/job queue started .*enqueue only \(PROMPTDECK_JOBS=off\)/);
    const q = await jobQueue();
    expect(await q.depth()).toEqual({ 'experiment.run': { queued: 0, retry: 0, active: 0, failed: 0, completed: 0 } });
    const c = new pg.Client({ connectionString: t.url });
    await c.connect();
    const { rows } = await c.query("SELECT count(*)::int AS n FROM information_schema.tables WHERE table_schema = 'pgboss' AND table_name = 'job'");
    await c.end();
    expect(rows[0]?.n).toBe(1);
    await stopBackgroundWork(2_000);
    await expect(jobQueue()).rejects.toThrow(/not running/);
  });
});

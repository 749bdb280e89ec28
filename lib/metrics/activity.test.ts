import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestInvocations } from '../invocations/ingest';
import { createTestDb, ctxFor, type TestDb } from '../test/db';
import { firstActivity, fitWindow } from './activity';

const MIN = 60_000;
const now = Date.UTC(2026, 11, 2, 12, 0, 30);

describe('fitWindow', () => {
  it('starts a little before the first activity and ends with the current minute', () => {
    const w = fitWindow(new Date(now - 60 * MIN), now)!;
    expect(w.to).toBe(Date.UTC(2026, 11, 2, 12, 1));
    expect(w.from).toBe(Date.UTC(2026, 11, 2, 10, 54)); // 61 min span, 6.1 min padding, whole minutes
  });

  it('is at least 10 minutes, at most 7 days, and null without activity', () => {
    const recent = fitWindow(new Date(now - 2 * MIN), now)!;
    expect(recent.to - recent.from).toBe(10 * MIN);
    const old = fitWindow(new Date(now - 20 * 86_400_000), now)!;
    expect(old.to - old.from).toBe(7 * 86_400_000);
    expect(fitWindow(null, now)).toBeNull();
    expect(fitWindow('not a date', now)).toBeNull();
  });
});

describe('firstActivity', () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb();
  });
  afterAll(async () => {
    await t?.close();
  });

  it('is the first logged call (or label move) of the last 7 days', async () => {
    expect(await firstActivity(ctxFor(t.db, 'viewer'))).toBeNull();
    const at = new Date(Date.now() - 3 * 3_600_000);
    const rec = { modelId: 'amazon.nova-lite-v1:0', input: { messages: [{ role: 'user', content: 'hi' }] }, status: 'ok' };
    await ingestInvocations(ctxFor(t.db, 'editor'), { items: [{ ...rec, startedAt: at.toISOString() }, { ...rec, startedAt: new Date(Date.now() - 9 * 86_400_000).toISOString() }, rec] });
    expect((await firstActivity(ctxFor(t.db, 'viewer')))?.toISOString()).toBe(at.toISOString());
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, ctxFor, uniqueName, type TestDb } from '../test/db';
import { expectError, expectInvalid, versionBody } from '../test/helpers';
import { createDb, db as processDb, type Db } from '../db/client';
import { resetEnvCache } from '../env';
import type { ServiceContext } from '../context';
import { createPrompt } from '../catalog/prompts';
import { createVersion } from '../catalog/versions';
import { labelHistory, listLabels, moveLabel, removeLabel, rollbackLabel } from '../catalog/labels';
import { deploysBetween } from '../metrics/bedrock';
import { ServingCache } from '../serving/cache';
import { servePrompt, servePromptFrom } from '../serving/serve';
import { promoteCanary, startCanary, stopCanary } from './service';
import { canaryStatus } from './status';
import { setCanaryPublisher } from './events';

let t: TestDb;
let other: Db;
const published: { event: string; data: Record<string, unknown> }[] = [];
beforeAll(async () => {
  t = await createTestDb();
  process.env.DATABASE_URL = t.url;
  process.env.PROMPTDECK_CACHE_POLL_MS = '5000';
  resetEnvCache();
  other = createDb(t.url, 2);
  setCanaryPublisher(async (_tx, event, data) => void published.push({ event, data }));
});
afterAll(async () => {
  setCanaryPublisher(null);
  await other?.$disconnect();
  await processDb().$disconnect();
  await t?.close();
});

const deployer = () => ctxFor(t.db, 'deployer');
const viewer = () => ctxFor(t.db, 'viewer');

/** v1..v3, production -> 1. */
async function deployed(): Promise<string> {
  const name = uniqueName('cny');
  await createPrompt(ctxFor(t.db, 'editor'), { name });
  for (let i = 1; i <= 3; i++) await createVersion(ctxFor(t.db, 'editor'), name, versionBody({ commitMessage: `v${i}` }));
  await moveLabel(deployer(), name, 'production', { version: 1 });
  return name;
}

const served = async (name: string, stickyKey?: string, ifNoneMatch: string | null = null, ctx: ServiceContext = viewer()) => {
  const s = await servePrompt(ctx, name, stickyKey === undefined ? {} : { stickyKey }, ifNoneMatch);
  return { ...s, json: s.status === 200 ? (JSON.parse(s.body) as { version: number; canary: boolean }) : null };
};

describe('starting, stopping, promoting', () => {
  it('start -> labels and status show it; history events; stop; all deploy markers', async () => {
    const name = await deployed();
    const from = new Date(Date.now() - 1000);
    const r = await startCanary(deployer(), name, 'production', { version: 2, weight: 10, guard: { minCalls: 50 } });
    expect(r.canary).toMatchObject({ label: 'production', baselineVersion: 1, version: 2, weight: 10, guard: { minCalls: 50, windowSeconds: 900, maxErrorRateDelta: 0.05 }, startedByRef: { type: 'user' } });
    const labels = await listLabels(viewer(), name);
    expect(labels.find((l) => l.name === 'production')?.canary?.id).toBe(r.canary?.id);
    expect(labels.find((l) => l.name === 'production')?.version).toBe(1);
    const status = await canaryStatus(viewer(), name, 'production');
    expect(status.guard).toEqual({ state: 'waiting', breaches: [] });
    expect(status.baseline).toMatchObject({ version: 1, calls: 0 });
    // Ramp up: same canary id, a new event.
    const ramp = await startCanary(deployer(), name, 'production', { version: 2, weight: 30 });
    expect(ramp.canary).toMatchObject({ id: r.canary?.id, weight: 30, guard: { minCalls: 50 } });
    expect((await stopCanary(deployer(), name, 'production', { reason: 'enough' })).canary).toBeNull();
    await expectError(stopCanary(deployer(), name, 'production', {}), 'no_canary');
    const events = (await labelHistory(viewer(), name, 'production', {})).items;
    expect(events.map((e) => [e.action, e.fromVersion, e.toVersion])).toEqual([
      ['canary_stop', 2, 1],
      ['canary_start', 1, 2],
      ['canary_start', 1, 2],
      ['deploy', null, 1],
    ]);
    expect(events[0]?.reason).toBe('enough');
    expect(events[1]?.details).toMatchObject({ weight: 30, previousWeight: 10 });
    const markers = (await deploysBetween(viewer(), from, new Date(Date.now() + 1000))).filter((d) => d.prompt === name);
    expect(markers.map((m) => m.action)).toEqual(['deploy', 'canary_start', 'canary_start', 'canary_stop']);
    expect(published.filter((p) => p.data.prompt === name).map((p) => p.event)).toEqual(['canary.started', 'canary.started', 'canary.ended']);
  });

  it('promote moves the label (canary_promote); rollback afterwards returns to the baseline, skipping canary events', async () => {
    const name = await deployed();
    await startCanary(deployer(), name, 'production', { version: 3, weight: 5 });
    expect(await promoteCanary(deployer(), name, 'production', { expectedVersion: 1, expectedCanaryVersion: 3 })).toEqual({ label: 'production', version: 3, previousVersion: 1 });
    const prod = (await listLabels(viewer(), name)).find((l) => l.name === 'production');
    expect(prod).toMatchObject({ version: 3, canary: null });
    expect((await labelHistory(viewer(), name, 'production', {})).items[0]).toMatchObject({ action: 'canary_promote', fromVersion: 1, toVersion: 3 });
    expect(await rollbackLabel(deployer(), name, 'production', {})).toMatchObject({ version: 1, previousVersion: 3 });
    await expectError(promoteCanary(deployer(), name, 'production', {}), 'no_canary');
  });

  it('refuses bad input: weight 0 / 51 / 2.5, same version, unknown version, another canary running, latest, roles', async () => {
    const name = await deployed();
    await expectInvalid(startCanary(deployer(), name, 'production', { version: 2, weight: 0 }), 'weight');
    await expectInvalid(startCanary(deployer(), name, 'production', { version: 2, weight: 51 }), 'weight');
    await expectInvalid(startCanary(deployer(), name, 'production', { version: 2, weight: 2.5 }), 'weight');
    await expectInvalid(startCanary(deployer(), name, 'production', { version: 2, weight: 5, guard: { minCalls: 0 } }), 'guard.minCalls');
    await expectInvalid(startCanary(deployer(), name, 'production', { version: 1, weight: 5 }), 'version');
    await expectError(startCanary(deployer(), name, 'production', { version: 9, weight: 5 }), 'not_found');
    await expectError(startCanary(deployer(), name, 'staging', { version: 2, weight: 5 }), 'not_found');
    await expectError(startCanary(deployer(), name, 'latest', { version: 2, weight: 5 }), 'label_reserved');
    await expectError(startCanary(ctxFor(t.db, 'editor'), name, 'production', { version: 2, weight: 5 }), 'forbidden');
    await expectError(startCanary(deployer(), name, 'production', { version: 2, weight: 5, expectedVersion: 2 }), 'label_conflict');
    await startCanary(deployer(), name, 'production', { version: 2, weight: 5 });
    await expectError(startCanary(deployer(), name, 'production', { version: 3, weight: 5 }), 'canary_running');
    await expectError(stopCanary(ctxFor(t.db, 'viewer'), name, 'production', {}), 'forbidden');
    await expectError(promoteCanary(ctxFor(t.db, 'editor'), name, 'production', {}), 'forbidden');
  });

  it('a label move ends the canary (canary_stop naming the move); removal too', async () => {
    const name = await deployed();
    await startCanary(deployer(), name, 'production', { version: 2, weight: 20 });
    await moveLabel(deployer(), name, 'production', { version: 3 });
    const [stop, start] = (await labelHistory(viewer(), name, 'production', {})).items.slice(1);
    expect(stop).toMatchObject({ action: 'canary_stop', fromVersion: 2, toVersion: 1, reason: expect.stringContaining('moved to v3') });
    expect(start?.action).toBe('canary_start');
    expect((await listLabels(viewer(), name)).find((l) => l.name === 'production')?.canary).toBeNull();
    await startCanary(deployer(), name, 'production', { version: 1, weight: 20 });
    await removeLabel(deployer(), name, 'production');
    expect((await labelHistory(viewer(), name, 'production', {})).items.slice(0, 2).map((e) => e.action)).toEqual(['remove', 'canary_stop']);
  });

  it('races: promote vs a label move -> exactly one wins, the other 409s', async () => {
    for (let round = 0; round < 3; round++) {
      const name = await deployed();
      await startCanary(deployer(), name, 'production', { version: 2, weight: 20 });
      const [p, m] = await Promise.allSettled([
        promoteCanary(deployer(), name, 'production', { expectedVersion: 1, expectedCanaryVersion: 2 }),
        moveLabel(deployer(), name, 'production', { version: 3, expectedVersion: 1 }),
      ]);
      const codes = [p, m].map((s) => (s.status === 'fulfilled' ? 'ok' : (s.reason as { code: string }).code)).sort();
      expect(['label_conflict,ok', 'no_canary,ok']).toContain(codes.join(','));
      const events = (await labelHistory(viewer(), name, 'production', {})).items;
      expect(events.filter((e) => e.action === 'canary_promote' || e.action === 'deploy').length).toBe(2); // the first deploy + the winner
    }
  });
});

describe('serving with a canary', () => {
  it('sticky per stickyKey, weight share within tolerance, body and header say which side, ETag per side', async () => {
    const name = await deployed();
    const before = await served(name, 'alice');
    expect(before.json).toMatchObject({ version: 1, canary: false });
    await startCanary(deployer(), name, 'production', { version: 2, weight: 30 });
    let canary = 0;
    const sides = new Map<string, number>();
    for (let i = 0; i < 2_000; i++) {
      const s = await served(name, `user-${i}`);
      sides.set(`user-${i}`, s.json!.version);
      expect(s.json!.canary).toBe(s.json!.version === 2);
      if (s.json!.canary) canary++;
    }
    expect(Math.abs(canary / 20 - 30)).toBeLessThan(4);
    for (let i = 0; i < 200; i++) expect((await served(name, `user-${i}`)).json!.version).toBe(sides.get(`user-${i}`));
    const c = [...sides].find(([, v]) => v === 2)![0];
    const b = [...sides].find(([, v]) => v === 1)![0];
    const cs = await served(name, c);
    const bs = await served(name, b);
    expect(cs.etag).not.toBe(bs.etag);
    expect((await served(name, c, cs.etag)).status).toBe(304);
    expect((await served(name, b, cs.etag)).status).toBe(200);
    // ?version= and latest never take part.
    expect((await servePrompt(viewer(), name, { version: '1', stickyKey: c }, null)).canary).toBe(false);
    await expectInvalid(servePrompt(viewer(), name, { stickyKey: 'x'.repeat(201) }, null), 'stickyKey');
    // Stopped: everyone gets the baseline at once on this instance.
    await stopCanary(deployer(), name, 'production', {});
    expect((await served(name, c)).json).toMatchObject({ version: 1, canary: false });
  });

  it('another instance sees a start and a stop within one poll (the epoch), like a label move', async () => {
    const name = await deployed();
    const b = new ServingCache(other, 60_000, () => () => undefined);
    const ctxB: ServiceContext = { db: other, actor: viewer().actor };
    try {
      await b.poll();
      const key = Array.from({ length: 60 }, (_, i) => `k${i}`);
      const onB = async () => Promise.all(key.map(async (k) => JSON.parse((await servePromptFrom(b, ctxB, name, { stickyKey: k }, null)).body).version as number));
      expect(new Set(await onB())).toEqual(new Set([1]));
      await startCanary(deployer(), name, 'production', { version: 3, weight: 50 });
      expect(new Set(await onB())).toEqual(new Set([1])); // not polled yet: still its cached resolution
      await b.poll();
      expect(new Set(await onB())).toEqual(new Set([1, 3]));
      await stopCanary(deployer(), name, 'production', {});
      await b.poll();
      expect(new Set(await onB())).toEqual(new Set([1]));
    } finally {
      b.dispose();
    }
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, ctxFor, uniqueName, type TestDb } from '../test/db';
import { expectError, expectInvalid, versionBody, waitUntil } from '../test/helpers';
import { createDb, db as processDb, type Db } from '../db/client';
import { resetEnvCache } from '../env';
import type { ServiceContext } from '../context';
import { createPrompt } from '../catalog/prompts';
import { createVersion } from '../catalog/versions';
import { moveLabel } from '../catalog/labels';
import type { VersionDto } from '../catalog/dto';
import { ServingCache, type CachedValue } from './cache';
import { servePrompt, servePromptFrom } from './serve';

let t: TestDb;
let other: Db;
const disposers: (() => void)[] = [];

beforeAll(async () => {
  t = await createTestDb();
  // The process-wide cache (servePrompt) reads its database and poll interval from the
  // environment. A long poll interval proves that same-instance updates come from the local
  // notification, not from polling.
  process.env.DATABASE_URL = t.url;
  process.env.PROMPTDECK_CACHE_POLL_MS = '5000';
  resetEnvCache();
  other = createDb(t.url, 2);
});
afterAll(async () => {
  for (const d of disposers) d();
  await other?.$disconnect();
  await processDb().$disconnect();
  await t?.close();
});

const viewer = () => ctxFor(t.db, 'viewer');
const deployer = () => ctxFor(t.db, 'deployer');

/** A prompt with 3 versions and production -> 1. */
async function deployedPrompt(): Promise<string> {
  const name = uniqueName('srv');
  await createPrompt(ctxFor(t.db, 'editor'), { name });
  for (let i = 1; i <= 3; i++) await createVersion(ctxFor(t.db, 'editor'), name, versionBody({ commitMessage: `v${i}` }));
  await moveLabel(deployer(), name, 'production', { version: 1 });
  return name;
}

const versionOf = (body: string) => (JSON.parse(body) as { version: number }).version;

describe('servePrompt', () => {
  it('serves production by default, ?label=, ?version=, and refuses both', async () => {
    const name = await deployedPrompt();
    await moveLabel(deployer(), name, 'canary', { version: 2 });
    const prod = await servePrompt(viewer(), name, {}, null);
    expect(prod.status).toBe(200);
    expect(JSON.parse(prod.body)).toMatchObject({ name, version: 1, commitMessage: 'v1', labels: ['production'] });
    expect(versionOf((await servePrompt(viewer(), name, { label: 'canary' }, null)).body)).toBe(2);
    expect(versionOf((await servePrompt(viewer(), name, { label: 'latest' }, null)).body)).toBe(3);
    expect(versionOf((await servePrompt(viewer(), name, { version: '3' }, null)).body)).toBe(3);
    await expectInvalid(servePrompt(viewer(), name, { label: 'canary', version: '2' }, null), 'label');
    await expectInvalid(servePrompt(viewer(), name, { version: 'x' }, null), 'version');
    await expectError(servePrompt(viewer(), name, { label: 'nope' }, null), 'not_found');
    await expectError(servePrompt(viewer(), name, { version: '9' }, null), 'not_found');
    await expectError(servePrompt(viewer(), uniqueName('missing'), {}, null), 'not_found');
  });

  it('404s for a prompt without production', async () => {
    const name = uniqueName('srv');
    await createPrompt(ctxFor(t.db, 'editor'), { name });
    await createVersion(ctxFor(t.db, 'editor'), name, versionBody());
    await expectError(servePrompt(viewer(), name, {}, null), 'not_found');
  });

  it('sends a stable ETag and answers If-None-Match with 304', async () => {
    const name = await deployedPrompt();
    const a = await servePrompt(viewer(), name, {}, null);
    const b = await servePrompt(ctxFor(t.db, 'admin'), name, {}, null);
    expect(a.etag).toMatch(/^"[A-Za-z0-9_-]+"$/);
    expect(b.etag).toBe(a.etag);
    expect((await servePrompt(viewer(), name, {}, a.etag)).status).toBe(304);
    expect((await servePrompt(viewer(), name, {}, `W/${a.etag}`)).status).toBe(304);
    expect((await servePrompt(viewer(), name, {}, `"other", ${a.etag}`)).status).toBe(304);
    expect((await servePrompt(viewer(), name, {}, '"other"')).status).toBe(200);
    const v2 = await servePrompt(viewer(), name, { version: '2' }, a.etag);
    expect(v2.status).toBe(200);
    expect(v2.etag).not.toBe(a.etag);
  });

  it('reflects a label move on the same instance immediately', async () => {
    const name = await deployedPrompt();
    const before = await servePrompt(viewer(), name, {}, null);
    expect(versionOf(before.body)).toBe(1);
    expect((await servePrompt(viewer(), name, {}, null)).etag).toBe(before.etag); // now cached
    await moveLabel(deployer(), name, 'production', { version: 3 });
    const after = await servePrompt(viewer(), name, {}, before.etag);
    expect(after.status).toBe(200);
    expect(versionOf(after.body)).toBe(3);
    await createVersion(ctxFor(t.db, 'editor'), name, versionBody({ commitMessage: 'v4' }));
    expect(versionOf((await servePrompt(viewer(), name, { label: 'latest' }, null)).body)).toBe(4);
  });

  it('sends the serving epoch: raised by every label move, never ahead of what the body reflects', async () => {
    const name = await deployedPrompt();
    const other = await deployedPrompt();
    const a = await servePrompt(viewer(), name, {}, null);
    expect(Number.isInteger(a.epoch)).toBe(true);
    expect((await servePrompt(viewer(), name, {}, a.etag)).epoch).toBe(a.epoch); // the 304 too
    // A move of ANOTHER prompt raises the epoch seen on this one: a client drops all older copies.
    await moveLabel(deployer(), other, 'production', { version: 2 });
    const b = await servePrompt(viewer(), name, {}, a.etag);
    expect(b.status).toBe(304);
    expect(b.epoch).toBeGreaterThan(a.epoch);
    await moveLabel(deployer(), name, 'production', { version: 3 });
    const c = await servePrompt(viewer(), name, {}, b.etag);
    expect(c.epoch).toBeGreaterThan(b.epoch);
    expect(versionOf(c.body)).toBe(3);
  });

  it('checks the permission before serving from the cache', async () => {
    const name = await deployedPrompt();
    await servePrompt(viewer(), name, {}, null);
    const nobody: ServiceContext = { db: t.db, actor: { kind: 'apiKey', id: 'x', display: 'x', role: 'bogus' as never } };
    await expectError(servePrompt(nobody, name, {}, null), 'forbidden');
  });
});

/** A second instance: its own Prisma client, and it does not hear this process's commits. */
function otherInstance(pollMs: number): ServingCache {
  const cache = new ServingCache(other, pollMs, () => () => undefined);
  disposers.push(() => cache.dispose());
  return cache;
}
const otherViewer = (): ServiceContext => ({ db: other, actor: ctxFor(t.db, 'viewer').actor });

describe('across instances', () => {
  it('a second instance keeps its cache until it polls, then sees the move', async () => {
    const name = await deployedPrompt();
    const b = otherInstance(60_000);
    await b.poll(); // epoch known: caching on
    expect(versionOf((await servePromptFrom(b, otherViewer(), name, {}, null)).body)).toBe(1);
    await moveLabel(deployer(), name, 'production', { version: 2 });
    // no local notification reaches b: it still serves its cached resolution
    expect(versionOf((await servePromptFrom(b, otherViewer(), name, {}, null)).body)).toBe(1);
    await b.poll();
    expect(versionOf((await servePromptFrom(b, otherViewer(), name, {}, null)).body)).toBe(2);
  });

  it('a lagging instance sends the epoch of its cached copy, never a newer one', async () => {
    const name = await deployedPrompt();
    const b = otherInstance(60_000);
    await b.poll();
    const before = await servePromptFrom(b, otherViewer(), name, {}, null);
    await moveLabel(deployer(), name, 'production', { version: 2 });
    const here = await servePrompt(viewer(), name, {}, null);
    expect(versionOf(here.body)).toBe(2);
    expect(here.epoch).toBeGreaterThan(before.epoch);
    // b has not polled: it still serves version 1, and says so with the old epoch.
    const lagging = await servePromptFrom(b, otherViewer(), name, {}, null);
    expect(versionOf(lagging.body)).toBe(1);
    expect(lagging.epoch).toBe(before.epoch);
    await b.poll();
    const caught = await servePromptFrom(b, otherViewer(), name, {}, null);
    expect({ version: versionOf(caught.body), epoch: caught.epoch }).toEqual({ version: 2, epoch: here.epoch });
  });

  it('a move through one client is visible through the other within one poll interval', async () => {
    const name = await deployedPrompt();
    const pollMs = 100;
    const b = otherInstance(pollMs);
    b.start();
    await b.poll();
    const first = await servePromptFrom(b, otherViewer(), name, {}, null);
    expect(versionOf(first.body)).toBe(1);
    await moveLabel(deployer(), name, 'production', { version: 3 });
    const elapsed = await waitUntil(async () => versionOf((await servePromptFrom(b, otherViewer(), name, {}, null)).body) === 3, 2_000);
    expect(elapsed).toBeLessThan(1_000);
    // and it keeps serving the new version (the stale entry does not come back)
    const again = await servePromptFrom(b, otherViewer(), name, {}, first.etag);
    expect(again.status).toBe(200);
    expect(versionOf(again.body)).toBe(3);
  });
});

/** A cache entry whose body is all these tests look at. */
const entry = (body: string, etag: string): CachedValue => ({ body, etag, epoch: 0, canary: false, version: JSON.parse('{}') as VersionDto });

describe('ServingCache', () => {
  it('does not cache before the epoch is known, nor a load that raced an invalidation', async () => {
    const cache = otherInstance(60_000);
    let loads = 0;
    const load = async () => entry(String(++loads), `"${loads}"`);
    await cache.get('k', load);
    await cache.get('k', load);
    expect(loads).toBe(2); // epoch unknown: nothing cached
    await cache.poll();
    await cache.get('k', load);
    await cache.get('k', load);
    expect(loads).toBe(3);
    const racing = await cache.get('r', async () => {
      cache.invalidate();
      return entry('stale', '"s"');
    });
    expect(racing.body).toBe('stale');
    expect((await cache.get('r', async () => entry('fresh', '"f"'))).body).toBe('fresh');
  });

  it('stops caching while the database cannot be polled', async () => {
    const broken = { servingEpoch: { findUnique: () => Promise.reject(new Error('down')) } } as unknown as Db;
    const cache = new ServingCache(broken, 60_000, () => () => undefined);
    await cache.poll();
    let loads = 0;
    const load = async () => entry(String(++loads), '"x"');
    await cache.get('k', load);
    await cache.get('k', load);
    expect(loads).toBe(2);
    cache.dispose();
  });
});

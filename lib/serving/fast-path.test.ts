import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiKey, revokeApiKey } from '../auth/api-keys';
import { createPrompt } from '../catalog/prompts';
import { moveLabel } from '../catalog/labels';
import { createVersion } from '../catalog/versions';
import { db as processDb } from '../db/client';
import { startApi, type ApiEnv } from '../test/api';
import { ctxFor, uniqueName } from '../test/db';
import { handleServeRequest, tryServeFromCache } from './serve';

/** The synchronous cache-hit path must give exactly the async path's answers, or step aside. */
let api: ApiEnv;
beforeAll(async () => {
  api = await startApi();
});
afterAll(async () => {
  await api?.close();
});

const req = (token: string | null, ifNoneMatch?: string) => ({
  headers: { get: (h: string) => (h === 'authorization' ? (token ? `Bearer ${token}` : null) : h === 'if-none-match' ? (ifNoneMatch ?? null) : null) },
});

async function servedPrompt(): Promise<string> {
  const ctx = { db: processDb(), actor: ctxFor(processDb(), 'deployer').actor };
  const name = uniqueName('fast');
  await createPrompt(ctx, { name });
  await createVersion(ctx, name, { template: { messages: [{ role: 'user', content: 'one' }] }, modelId: 'amazon.nova-lite-v1:0', labels: ['production'] });
  await createVersion(ctx, name, { template: { messages: [{ role: 'user', content: 'two' }] }, modelId: 'amazon.nova-lite-v1:0' });
  return name;
}

async function untilCached(token: string, name: string, query: Record<string, string>) {
  for (let i = 0; i < 100; i++) {
    const slow = await handleServeRequest(req(token), name, query);
    const hit = tryServeFromCache(req(token), name, query);
    // Same status, headers and bytes as the async path.
    if (hit) {
      // The fast path adds only the Content-Length of what it sends (so it is not chunked).
      const { 'content-length': length, ...headers } = hit.headers;
      if (hit.status === 200) expect(length).toBe(String(Buffer.byteLength(hit.body ?? '')));
      else expect(length).toBeUndefined();
      return { slow, fast: { ...hit, headers } };
    }
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error('never served from the cache');
}

describe('tryServeFromCache', () => {
  it('answers like the async path once both the key and the resolution are cached, and 304s on the ETag', async () => {
    const name = await servedPrompt();
    const token = api.tokens.viewer;
    expect(tryServeFromCache(req(token), `never-${name}`, {})).toBeNull();
    const { slow, fast } = await untilCached(token, name, {});
    expect(fast).toEqual(slow);
    expect(JSON.parse(fast.body ?? '{}').version).toBe(1);
    const etag = fast.headers.etag ?? '';
    expect(tryServeFromCache(req(token, etag), name, {})?.status).toBe(304);
    // A label move drops the cached resolution at once: the fast path steps aside.
    await moveLabel({ db: processDb(), actor: ctxFor(processDb(), 'deployer').actor }, name, 'production', { version: 2 });
    expect(tryServeFromCache(req(token), name, {})).toBeNull();
    const after = await untilCached(token, name, {});
    expect(JSON.parse(after.fast.body ?? '{}').version).toBe(2);
  });

  it('steps aside for missing, unknown or revoked keys and for sessions', async () => {
    const name = await servedPrompt();
    await untilCached(api.tokens.viewer, name, {});
    expect(tryServeFromCache(req(null), name, {})).toBeNull();
    expect(tryServeFromCache(req('pd_unknown'), name, {})).toBeNull();
    const admin = ctxFor(processDb(), 'admin');
    const key = await createApiKey({ db: processDb(), actor: admin.actor }, { name: uniqueName('k'), role: 'viewer' });
    await untilCached(key.key, name, {});
    await revokeApiKey({ db: processDb(), actor: admin.actor }, key.id);
    expect(tryServeFromCache(req(key.key), name, {})).toBeNull();
    expect((await handleServeRequest(req(key.key), name, {})).status).toBe(401);
  });
});

import { describe, expect, it } from 'vitest';
import { RefreshingCache } from './cache';

function setup(opts: { ttlMs?: number; errorRetryMs?: number } = {}) {
  const clock = { t: 1_000 };
  const state = { calls: 0, fail: false as false | Error, value: 'v1', gate: undefined as Promise<void> | undefined };
  const cache = new RefreshingCache(
    async () => {
      state.calls += 1;
      if (state.gate) await state.gate;
      if (state.fail) throw state.fail;
      return state.value;
    },
    { ttlMs: opts.ttlMs ?? 1_000, errorRetryMs: opts.errorRetryMs, now: () => clock.t },
  );
  return { clock, state, cache };
}

describe('RefreshingCache', () => {
  it('loads once while fresh and again after the TTL', async () => {
    const { clock, state, cache } = setup();
    expect((await cache.get()).value).toBe('v1');
    state.value = 'v2';
    clock.t += 999;
    expect(await cache.get()).toMatchObject({ value: 'v1', stale: false });
    clock.t += 1;
    expect((await cache.get()).value).toBe('v2');
    expect(state.calls).toBe(2);
  });

  it('shares one load between concurrent readers (single flight)', async () => {
    const { state, cache } = setup();
    let release!: () => void;
    state.gate = new Promise((r) => (release = r));
    const readers = Promise.all([cache.get(), cache.get(), cache.get({ refresh: true })]);
    release();
    const results = await readers;
    expect(results.map((r) => r.value)).toEqual(['v1', 'v1', 'v1']);
    expect(state.calls).toBe(1);
  });

  it('serves the last good value, stale with the error, when a refresh fails; waits before retrying', async () => {
    const { clock, state, cache } = setup({ ttlMs: 1_000, errorRetryMs: 500 });
    await cache.get();
    clock.t += 2_000;
    state.fail = new Error('AccessDenied');
    const stale = await cache.get();
    expect(stale).toMatchObject({ value: 'v1', stale: true });
    expect(stale.error?.message).toBe('AccessDenied');
    expect(stale.fetchedAt.getTime()).toBe(1_000);
    expect(state.calls).toBe(2);
    clock.t += 499;
    await cache.get();
    expect(state.calls).toBe(2);
    clock.t += 1;
    state.fail = false;
    state.value = 'v3';
    expect(await cache.get()).toMatchObject({ value: 'v3', stale: false });
    expect(state.calls).toBe(3);
  });

  it('throws when there is no good value yet, and retries on the next call', async () => {
    const { state, cache } = setup();
    state.fail = new Error('down');
    await expect(cache.get()).rejects.toThrow('down');
    state.fail = false;
    expect((await cache.get()).value).toBe('v1');
  });

  it('invalidate() forces a load; a failing one still serves the old value; refresh skips the error wait', async () => {
    const { state, cache } = setup({ ttlMs: 60_000, errorRetryMs: 60_000 });
    await cache.get();
    cache.invalidate();
    state.fail = new Error('throttled');
    expect(await cache.get()).toMatchObject({ value: 'v1', stale: true });
    state.fail = false;
    state.value = 'v2';
    expect(await cache.get()).toMatchObject({ value: 'v1', stale: true });
    expect(await cache.get({ refresh: true })).toMatchObject({ value: 'v2', stale: false });
  });

  it('does not treat a value loaded across an invalidate() as fresh', async () => {
    const { state, cache } = setup({ ttlMs: 60_000 });
    let release!: () => void;
    state.gate = new Promise((r) => (release = r));
    const first = cache.get();
    cache.invalidate();
    release();
    await first;
    state.gate = undefined;
    state.value = 'v2';
    expect((await cache.get()).value).toBe('v2');
  });
});

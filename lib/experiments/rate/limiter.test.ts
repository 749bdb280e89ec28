import { describe, expect, it } from 'vitest';
import { reportModelTraffic } from '../../invocations/traffic';
import { FakeClock, sleep } from './clock';
import { ExperimentRateLimiter, ModelLimiter, type LimiterOptions } from './index';

const MODEL = 'amazon.nova-lite-v1:0';
const throttle = () => Object.assign(new Error('Too many requests'), { name: 'ThrottlingException' });

function setup(opts: Partial<LimiterOptions> = {}, random = () => 1) {
  const clock = new FakeClock();
  const limiter = new ModelLimiter(MODEL, opts, clock, random);
  const starts: number[] = [];
  let inFlight = 0;
  let maxInFlight = 0;
  /** A model call taking ms on the fake clock; `fail` decides its outcome per call number. */
  const call = (ms: number, fail?: (n: number) => Error | undefined) => {
    let n = 0;
    return async () => {
      const mine = ++n;
      starts.push(clock.now());
      inFlight++;
      maxInFlight = Math.max(maxInFlight, inFlight);
      try {
        await sleep(clock, ms);
        const err = fail?.(mine);
        if (err) throw err;
        return mine;
      } finally {
        inFlight--;
      }
    };
  };
  return { clock, limiter, starts, call, maxInFlight: () => maxInFlight, t0: clock.now() };
}

describe('experiment rate limiter (fake clock)', () => {
  it('never has more than maxConcurrency calls in flight', async () => {
    const { clock, limiter, call, maxInFlight } = setup({ maxConcurrency: 3, initialRatePerSec: 100 });
    const fn = call(1_000);
    const all = Promise.all(Array.from({ length: 10 }, () => limiter.run(fn)));
    await clock.advance(10_000);
    expect((await all).map((r) => r.value).sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(maxInFlight()).toBe(3);
  });

  it('paces calls at its rate and, before any throttle, doubles the rate about every second (slow start)', async () => {
    const { clock, limiter, call, starts, t0 } = setup({ initialRatePerSec: 2 });
    const fn = call(10);
    const all = Promise.all(Array.from({ length: 20 }, () => limiter.run(fn)));
    await clock.advance(10_000);
    await all;
    expect(starts[1] ?? 0).toBeGreaterThanOrEqual(t0 + 500); // 2/s: 500 ms apart
    const inFirstSecond = starts.filter((t) => t < t0 + 1000).length;
    const inThirdSecond = starts.filter((t) => t >= t0 + 2000 && t < t0 + 3000).length;
    expect(inFirstSecond).toBeLessThanOrEqual(3);
    expect(inThirdSecond).toBeGreaterThanOrEqual(2 * inFirstSecond);
    expect(limiter.snapshot().ratePerSec).toBeGreaterThan(8);
  });

  it('halves the rate on a throttle, once for a burst of throttles, and retries the calls until they pass', async () => {
    const { clock, limiter, call } = setup({ initialRatePerSec: 50, maxConcurrency: 8, backoffBaseMs: 1_000 });
    const fn = call(100, (n) => (n <= 4 ? throttle() : undefined));
    const runs = Promise.all(Array.from({ length: 4 }, () => limiter.run(fn)));
    await clock.advance(170); // the four calls (20 ms apart) are throttled together
    expect(limiter.snapshot().ratePerSec).toBe(25);
    expect(limiter.snapshot().throttles).toBe(4);
    await clock.advance(10_000);
    const results = await runs;
    expect(results.every((r) => r.throttled === 1)).toBe(true);
    expect(limiter.snapshot().succeeded).toBe(4);
  });

  it('backs off exponentially with jitter between retries of a throttled call, and never fails it for quota', async () => {
    const { clock, limiter, call, starts, t0 } = setup({ initialRatePerSec: 100, backoffBaseMs: 1_000, backoffMaxMs: 4_000 }, () => 0.5);
    const fn = call(0, (n) => (n <= 5 ? throttle() : undefined));
    const run = limiter.run(fn);
    await clock.advance(60_000);
    const r = await run;
    expect(r).toMatchObject({ value: 6, throttled: 5 });
    // Jitter factor 0.75 (random 0.5): 750, 1500, 3000, then capped at 4000 * 0.75 = 3000.
    const gaps = starts.slice(1).map((t, i) => t - (starts[i] as number));
    expect(gaps[0]).toBeGreaterThanOrEqual(750);
    expect(gaps[1]).toBeGreaterThanOrEqual(1_500);
    expect(gaps[2]).toBeGreaterThanOrEqual(3_000);
    expect(gaps[3]).toBeGreaterThanOrEqual(3_000);
    expect(gaps[3]).toBeLessThan(3_500);
    expect(r.waitedMs).toBeGreaterThanOrEqual(starts.at(-1)! - t0 - 1);
  });

  it('passes other errors to the caller at once, without retrying or slowing down', async () => {
    const { clock, limiter, call, starts } = setup({ initialRatePerSec: 10 });
    const run = limiter.run(call(10, () => Object.assign(new Error('bad request'), { name: 'ValidationException' })));
    const caught = run.catch((e: Error) => e);
    await clock.advance(1_000);
    expect(((await caught) as Error).message).toBe('bad request');
    expect(starts).toHaveLength(1);
    expect(limiter.snapshot()).toMatchObject({ ratePerSec: 10, throttles: 0 });
  });

  it('stops waiting when the caller aborts: queued, backing off, or in flight', async () => {
    const { clock, limiter, call } = setup({ initialRatePerSec: 100, maxConcurrency: 1 });
    const ac = new AbortController();
    const slow = limiter.run(call(5_000), {}).then(() => 'done');
    const queued = limiter.run(call(10), { signal: ac.signal }).catch((e: Error) => `rejected: ${e.message}`);
    await clock.advance(10);
    ac.abort(new Error('cancelled'));
    await clock.advance(6_000);
    expect(await queued).toBe('rejected: cancelled');
    expect(await slow).toBe('done');

    const ac2 = new AbortController();
    const backingOff = limiter.run(call(10, () => throttle()), { signal: ac2.signal }).catch((e: Error) => `rejected: ${e.message}`);
    await clock.advance(100);
    ac2.abort(new Error('cancelled too'));
    await clock.advance(100);
    expect(await backingOff).toBe('rejected: cancelled too');
  });

  it('yields to production: after a production throttle it pauses, halves and holds its rate', async () => {
    const { clock, limiter, call, starts } = setup({ initialRatePerSec: 8, productionPauseMs: 2_000, productionCooldownMs: 10_000 });
    const fn = call(10);
    const all = Promise.all(Array.from({ length: 60 }, () => limiter.run(fn)));
    await clock.advance(1_000);
    const before = limiter.snapshot().ratePerSec;
    limiter.observeProduction('start');
    limiter.observeProduction('throttled');
    const at = clock.now();
    expect(limiter.snapshot().ratePerSec).toBe(before / 2);
    await clock.advance(5_000);
    const during = starts.filter((t) => t > at && t < at + 1_900);
    expect(during).toHaveLength(0); // paused (2 s with jitter factor 1)
    expect(limiter.snapshot().ratePerSec).toBe(before / 2); // held during the cooldown
    await clock.advance(60_000);
    await all;
    expect(limiter.snapshot().productionThrottles).toBe(1);
  });

  it('counts a production call that needed SDK retries as production pressure too', () => {
    const { limiter } = setup({ initialRatePerSec: 8 });
    limiter.observeProduction('done', 1);
    expect(limiter.snapshot().productionThrottles).toBe(0);
    limiter.observeProduction('done', 2);
    expect(limiter.snapshot()).toMatchObject({ productionThrottles: 1, ratePerSec: 4 });
  });

  it('takes at most its share of a known capacity while production is active, and leaves production its own rate', async () => {
    const { clock, limiter, call } = setup({ capacityPerMin: 600, experimentShare: 0.9, productionHeadroom: 1.5 });
    expect(limiter.snapshot()).toMatchObject({ capacityPerMin: 600, ratePerSec: 9 });
    for (let i = 0; i < 120; i++) {
      limiter.observeProduction('start'); // production at 2 calls/s over the last minute
      await clock.advance(500);
      limiter.observeProduction('done');
    }
    const s = limiter.snapshot();
    expect(s.productionActive).toBe(true);
    expect(s.productionRatePerSec).toBeCloseTo(2, 1);
    expect(s.effectiveRatePerSec).toBeCloseTo(10 - 1.5 * 2, 1); // min(0.9 * 10, 10 - 1.5 * 2)
    const fn = call(10);
    const all = Promise.all(Array.from({ length: 100 }, () => limiter.run(fn)));
    await clock.advance(10_000);
    // 7/s (the cap eases towards 7.5/s as production's last calls age in the window), +1 for the first slot.
    expect(limiter.snapshot().succeeded).toBeGreaterThanOrEqual(65);
    expect(limiter.snapshot().succeeded).toBeLessThanOrEqual(76);
    await clock.advance(60_000);
    await all;
    await clock.advance(31_000); // production idle again: the cap lifts
    expect(limiter.snapshot()).toMatchObject({ productionActive: false });
    expect(limiter.snapshot().effectiveRatePerSec).toBeGreaterThan(7);
  });

  it('learns the capacity from the calls of the last minute when throttled, and lets it creep up later', async () => {
    const { clock, limiter, call, t0 } = setup({ initialRatePerSec: 5, maxConcurrency: 4 });
    let served = 0;
    // 90 calls, then the quota is spent for the rest of the first minute.
    const fn = call(50, () => (++served > 90 && clock.now() < t0 + 60_000 ? throttle() : undefined));
    const runs = Promise.all(Array.from({ length: 100 }, () => limiter.run(fn)));
    await clock.advance(30_000);
    expect(limiter.snapshot().capacityPerMin).toBe(90);
    await clock.advance(60_000);
    expect((await runs).every((r) => r.value > 0)).toBe(true); // all done, none failed
    const learnedAt = clock.now();
    expect(limiter.snapshot().capacityPerMin).toBeGreaterThan(85);
    const before = limiter.snapshot().capacityPerMin ?? 0;
    await clock.advance(180_000); // well over a minute without a throttle: the estimate creeps up
    expect(clock.now() - learnedAt).toBe(180_000);
    expect(limiter.snapshot().capacityPerMin).toBeGreaterThan(before * 1.04);
  });

  it('listens to the gateway’s traffic reports, ignoring experiments’ own calls', () => {
    const clock = new FakeClock();
    const registry = new ExperimentRateLimiter({ initialRatePerSec: 4 }, clock, () => 1);
    const stop = registry.attach();
    try {
      reportModelTraffic({ kind: 'start', modelId: MODEL, source: 'experiment' });
      expect(registry.forModel(MODEL).snapshot().productionActive).toBe(false);
      reportModelTraffic({ kind: 'start', modelId: MODEL, source: 'api' });
      reportModelTraffic({ kind: 'throttled', modelId: MODEL, source: 'playground' });
      expect(registry.forModel(MODEL).snapshot()).toMatchObject({ productionActive: true, productionThrottles: 1, ratePerSec: 2 });
      expect(registry.forModel('other.model-v1:0').snapshot().productionActive).toBe(false);
      expect(Object.keys(registry.snapshot())).toEqual([MODEL, 'other.model-v1:0']);
    } finally {
      stop();
    }
    reportModelTraffic({ kind: 'throttled', modelId: MODEL, source: 'api' });
    expect(registry.forModel(MODEL).snapshot().productionThrottles).toBe(1);
  });

  it('keeps experiments to their share of the quota window even while production is idle', async () => {
    const { clock, limiter, call } = setup({ capacityPerMin: 600, experimentShare: 0.8 });
    expect(limiter.snapshot()).toMatchObject({ experimentBudget: 480, capacitySource: 'configured' });
    const fn = call(10);
    const all = Promise.all(Array.from({ length: 700 }, () => limiter.run(fn)));
    await clock.advance(59_000);
    // Paced at the quota's rate (10/s) until the share is spent: 480 calls, then nothing more in this window.
    expect(limiter.snapshot().succeeded).toBe(480);
    expect(limiter.snapshot().callsInWindow).toBe(480);
    await clock.advance(60_000);
    await all;
    expect(limiter.snapshot().succeeded).toBe(700);
  });

  it('yields the window to production when production needs more than the rest', async () => {
    const { clock, limiter, call } = setup({ capacityPerMin: 600, experimentShare: 0.8 });
    const fn = call(10);
    const all = Promise.all(Array.from({ length: 2_000 }, () => limiter.run(fn)));
    // Production at 5 calls/s: half the quota.
    for (let i = 0; i < 5 * 120; i++) {
      limiter.observeProduction('start');
      await clock.advance(100);
      limiter.observeProduction('done');
      await clock.advance(100);
    }
    const s = limiter.snapshot();
    const experimentsInWindow = s.callsInWindow - 300;
    // Not the 480 of their share: the quota less production's rate with headroom (10 - 1.5 x 5 = 2.5/s)...
    expect(experimentsInWindow).toBeLessThanOrEqual(150);
    expect(experimentsInWindow).toBeGreaterThan(120); // ...which they do use
    expect(s.callsInWindow).toBeLessThan(600);
    await clock.advance(600_000);
    await all;
  });

  it('takes the capacity from the account’s quota (looked up once), and lowers it when throttles say less is left', async () => {
    const clock = new FakeClock();
    let lookups = 0;
    const registry = new ExperimentRateLimiter({}, clock, () => 1, async () => (lookups++, { perMin: 1200, source: 'service_quotas' as const }));
    await registry.ready(MODEL);
    const m = registry.forModel(MODEL);
    expect(lookups).toBe(1);
    expect(m.snapshot()).toMatchObject({ capacityPerMin: 1200, capacitySource: 'service_quotas', experimentBudget: 1020 });
    expect(m.snapshot().ratePerSec).toBeGreaterThanOrEqual(18); // starts at 90% of the quota's rate, no slow start
    // Another application spends part of the quota: throttled after 300 calls in the minute.
    let served = 0;
    const fn = async () => {
      await sleep(clock, 10);
      if (++served > 300 && clock.now() < 1_000_000 + 60_000) throw throttle();
      return served;
    };
    const runs = Promise.all(Array.from({ length: 320 }, () => m.run(fn)));
    await clock.advance(30_000);
    expect(m.snapshot().capacitySource).toBe('learned');
    expect(m.snapshot().capacityPerMin).toBeLessThan(1200);
    await clock.advance(120_000);
    await runs;
    expect(lookups).toBe(1);
  });

  it('has no capacity (learns) when the lookup finds none or fails', async () => {
    const registry = new ExperimentRateLimiter({}, new FakeClock(), () => 1, () => Promise.reject(new Error('AccessDenied')));
    await registry.ready(MODEL);
    expect(registry.forModel(MODEL).snapshot()).toMatchObject({ capacityPerMin: null, capacitySource: null });
  });
});

import { describe, expect, it } from 'vitest';
import { QuotaTracker } from '../../aws-sim/quotas';
import { rng } from '../../aws-sim/replies';
import { percentileCont } from '../stats';
import { FakeClock, sleep } from './clock';
import { ExperimentRateLimiter } from './index';
import type { LimiterOptions } from './options';

/**
 * Minutes of traffic on a fake clock against the stand-in's own quota (QuotaTracker: a sliding
 * 60-second window per model, throttled calls use no quota): 1,000 experiment calls through the
 * limiter, with or without production calls alongside (which retry throttles like the AWS SDK:
 * 3 attempts, 500 ms base backoff with jitter). The bench target of issue 9: the run takes at
 * most 1.25x the ideal 1000/Q minutes with no failed example, and production's p50 stays within
 * 2x of its latency alone.
 */
const MODEL = 'anthropic.claude-3-5-haiku-20241022-v1:0';
const LATENCY_MS = 300;

interface Scenario {
  rpm: number;
  examples: number;
  /** Production calls per second (0: none). */
  productionPerSec: number;
  limiter?: Partial<LimiterOptions>;
  /** Run a first experiment, without production, before the measured one (the limiter keeps what it learned). */
  warmUp?: number;
  concurrency?: number;
  /** The limiter looks the quota up (as the app's does from Service Quotas) instead of being configured with it. */
  quotaLookup?: boolean;
  /** Production starts this long after the experiment (default: 5 s before it). */
  productionAfterMs?: number;
}

async function simulate(s: Scenario) {
  const clock = new FakeClock();
  const random = rng(42);
  const quota = new QuotaTracker(() => clock.now());
  const limits = { rpm: s.rpm, tpm: 100_000_000 };
  const lookup = s.quotaLookup ? async () => ({ perMin: s.rpm, source: 'service_quotas' as const }) : undefined;
  const limiter = new ExperimentRateLimiter({ maxConcurrency: 16, ...s.limiter }, clock, random, lookup);
  const model = limiter.forModel(MODEL);
  await limiter.ready(MODEL);

  const throttle = () => Object.assign(new Error('Too many requests'), { name: 'ThrottlingException' });
  const call = async () => {
    const ok = quota.admit(MODEL, 100, limits).ok;
    await sleep(clock, ok ? LATENCY_MS + Math.floor(random() * 50) : 5);
    if (!ok) throw throttle();
  };

  const production = { latencies: [] as number[], failed: 0, retried: 0 };
  let productionOn = false;
  const productionLoop = async () => {
    while (productionOn) {
      await sleep(clock, (1000 / s.productionPerSec) * (0.5 + random()));
      void (async () => {
        const t0 = clock.now();
        limiter.observe({ kind: 'start', modelId: MODEL, source: 'api' });
        for (let attempt = 1; ; attempt++) {
          try {
            await call();
            limiter.observe({ kind: 'done', modelId: MODEL, source: 'api', attempts: attempt });
            if (attempt > 1) production.retried += 1;
            production.latencies.push(clock.now() - t0);
            return;
          } catch {
            if (attempt === 3) {
              limiter.observe({ kind: 'throttled', modelId: MODEL, source: 'api' });
              production.failed += 1;
              return;
            }
            await sleep(clock, random() * 500 * 2 ** (attempt - 1));
          }
        }
      })();
    }
  };

  const runExperiment = async (n: number) => {
    let next = 0;
    let done = 0;
    let failed = 0;
    let throttled = 0;
    const worker = async () => {
      while (next < n) {
        next += 1;
        try {
          const r = await model.run(call);
          throttled += r.throttled;
          done += 1;
        } catch {
          failed += 1;
        }
      }
    };
    const t0 = clock.now();
    const all = Promise.all(Array.from({ length: s.concurrency ?? 16 }, worker));
    let finished = false;
    void all.then(() => (finished = true));
    while (!finished) await clock.advance(1_000);
    return { seconds: (clock.now() - t0) / 1000, done, failed, throttled };
  };

  if (s.warmUp) {
    await runExperiment(s.warmUp);
    await clock.advance(60_000); // a minute passes between the runs
  }
  const startProduction = () => {
    productionOn = s.productionPerSec > 0;
    void productionLoop();
  };
  let run: Awaited<ReturnType<typeof runExperiment>>;
  if (s.productionAfterMs === undefined) {
    startProduction();
    await clock.advance(5_000); // production is already running when the experiment starts
    run = await runExperiment(s.examples);
  } else {
    clock.setTimer(startProduction, s.productionAfterMs);
    run = await runExperiment(s.examples);
  }
  productionOn = false;
  await clock.advance(5_000);
  const ideal = (s.examples / s.rpm) * 60;
  if (process.env.SIM_DEBUG) console.log("SIM", JSON.stringify({ rpm: s.rpm, prod: s.productionPerSec, warm: s.warmUp, cap: s.limiter?.capacityPerMin, seconds: run.seconds, ratio: (ideal / run.seconds).toFixed(2), failed: run.failed, throttled: run.throttled, production: { failed: production.failed, retried: production.retried, calls: production.latencies.length, p50: percentileCont(production.latencies, 0.5) } }));
  return { ...run, ideal, ratio: ideal / run.seconds, production, p50: percentileCont(production.latencies, 0.5), snapshot: model.snapshot() };
}

const BASELINE_P50 = LATENCY_MS + 25; // production alone: latency plus the mean of its 0-50 ms jitter

describe('the limiter against the stand-in’s per-minute quota (simulated minutes)', () => {
  it.each([120, 600])('runs 1,000 examples alone at %i requests/minute within 1.25x of the ideal time, none failed', async (rpm) => {
    const r = await simulate({ rpm, examples: 1000, productionPerSec: 0 });
    expect(r.failed).toBe(0);
    expect(r.done).toBe(1000);
    expect(r.throttled).toBeGreaterThan(0); // it had to find the quota...
    expect(r.ratio).toBeGreaterThanOrEqual(0.8); // ...and still used it well
    expect(r.snapshot.capacityPerMin).toBeGreaterThan(0.85 * rpm); // learned from the throttles
    expect(r.snapshot.capacityPerMin).toBeLessThanOrEqual(1.05 * rpm);
  }, 60_000);

  it.each([120, 600, 1500])('with a configured capacity (%i/min) and production at a tenth of it: within 1.25x, production never throttled', async (rpm) => {
    const r = await simulate({ rpm, examples: 1000, productionPerSec: rpm / 600, limiter: { capacityPerMin: rpm } });
    expect(r.failed).toBe(0);
    expect(r.ratio).toBeGreaterThanOrEqual(0.8);
    expect(r.throttled).toBe(0);
    expect(r.production.failed).toBe(0);
    expect(r.production.retried).toBe(0);
    expect(r.p50).toBeLessThanOrEqual(2 * BASELINE_P50);
  }, 60_000);

  it('uses the capacity an earlier run learned: the next run shares with production as well', async () => {
    const r = await simulate({ rpm: 600, examples: 1000, productionPerSec: 1, warmUp: 700 });
    expect(r.snapshot.capacityPerMin).toBeGreaterThan(500);
    expect(r.failed).toBe(0);
    expect(r.ratio).toBeGreaterThanOrEqual(0.8);
    expect(r.production.failed).toBe(0);
    expect(r.p50).toBeLessThanOrEqual(2 * BASELINE_P50);
  }, 60_000);

  it('learns the capacity with production active from the start: no example fails, production keeps its p50', async () => {
    const r = await simulate({ rpm: 600, examples: 1000, productionPerSec: 1 });
    expect(r.failed).toBe(0);
    expect(r.done).toBe(1000);
    expect(r.p50).toBeLessThanOrEqual(2 * BASELINE_P50);
    // The one minute it takes to learn a sliding-window quota costs production a few calls
    // (and the run some speed): the documented price of not knowing the capacity.
    expect(r.production.failed).toBeLessThan(0.1 * r.production.latencies.length);
    expect(r.ratio).toBeGreaterThan(0.65);
  }, 60_000);

  it('with the quota looked up from the account: paced from the first call, never throttled, and production starting mid-run finds its part of the window free', async () => {
    const r = await simulate({ rpm: 600, examples: 1000, productionPerSec: 1, quotaLookup: true, productionAfterMs: 30_000 });
    expect(r.snapshot).toMatchObject({ capacityPerMin: 600, capacitySource: 'service_quotas' });
    expect(r.failed).toBe(0);
    expect(r.throttled).toBe(0);
    expect(r.ratio).toBeGreaterThanOrEqual(0.8);
    expect(r.production.latencies.length).toBeGreaterThan(50);
    expect(r.production.failed).toBe(0);
    expect(r.production.retried).toBe(0); // the window was never full when production arrived
    expect(r.p50).toBeLessThanOrEqual(2 * BASELINE_P50);
  }, 60_000);
});

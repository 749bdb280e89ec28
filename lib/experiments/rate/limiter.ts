import { CapacityEstimate, type CapacitySource } from './capacity';
import { realClock, type Clock } from './clock';
import { DEFAULT_LIMITER_OPTIONS, isThrottle, type LimiterOptions } from './options';
import { TrafficWindow } from './window';

/**
 * The experiment rate limiter of one model. Experiment calls pass through it; production calls
 * do not (the gateway only reports them, see lib/invocations/traffic.ts). It combines:
 *
 * - bounded concurrency (maxConcurrency calls in flight) and smooth pacing at a rate r;
 * - the model's capacity (capacity.ts): the account's quota when it is known (an admin override
 *   or Service Quotas, set with setQuota, or capacityPerMin), lowered by what throttles teach;
 *   without a quota, learned when an experiment call is throttled from the calls that succeeded
 *   in the last quota window (a minute: Bedrock quotas are per minute);
 * - a bounded share of the quota window: experiments' own calls in the last minute stay within
 *   experimentShare of the capacity, with a quota from the account whether production is busy
 *   or not, so production always finds its part of the window free (a sliding per-minute quota
 *   spent by experiments would throttle production for up to a minute); a learned capacity is
 *   probed (x1.05) while production is idle. The pace itself may reach the quota's rate (less
 *   productionHeadroom x production's recent rate): a run shorter than a window's share is not
 *   slowed down for nothing;
 * - production first: all calls in the window (production's included) stay below the capacity
 *   less a reserve for production's next seconds, so experiments yield the window to production
 *   when it needs more than the rest; when production is throttled (or needed SDK retries) they
 *   pause productionPauseMs (with jitter), halve r and hold it for productionCooldownMs;
 * - AIMD on r: a throttled experiment call halves r (at most once per decreaseCooldownMs, so a
 *   burst of throttles halves once); successes grow it: slow start (doubling per second) until
 *   the first throttle, then additively (additiveIncreasePerSec), except that after a decrease r
 *   climbs back quickly (doubling per second) to 90% of the capacity it knows;
 * - a throttled experiment call is retried after a backoff with jitter, as often as it takes
 *   (until the caller's signal aborts): quota never fails an example. Any other error is the
 *   caller's result.
 *
 * Without a known quota, learning the capacity takes one throttle. Against a sliding-window
 * quota, a run that starts fast fills the minute before it learns, and production calls in the
 * rest of that minute may be throttled; with production active the limiter therefore starts
 * additively instead of with slow start. A quota from the account avoids the learning.
 */
export interface RunOptions {
  signal?: AbortSignal;
}

export interface RunOutcome<T> {
  value: T;
  /** How often the call was throttled and retried. */
  throttled: number;
  /** Time spent waiting for the limiter (queue, pacing, backoff). */
  waitedMs: number;
}

export interface LimiterSnapshot {
  ratePerSec: number;
  effectiveRatePerSec: number;
  capacityPerMin: number | null;
  capacitySource: CapacitySource | null;
  /** Experiment calls in flight at most (maxConcurrency). */
  maxInFlight: number;
  /** Experiment calls the window may hold (experimentShare of the capacity), or null while the capacity is unknown. */
  experimentBudget: number | null;
  inFlight: number;
  queued: number;
  productionActive: boolean;
  productionRatePerSec: number;
  callsInWindow: number;
  throttles: number;
  productionThrottles: number;
  started: number;
  succeeded: number;
}

interface Task {
  fn: (signal?: AbortSignal) => Promise<unknown>;
  signal?: AbortSignal;
  resolve: (o: RunOutcome<unknown>) => void;
  reject: (err: unknown) => void;
  throttled: number;
  enqueuedAt: number;
  runMs: number;
  onAbort?: () => void;
}

/** How late a start may be and still keep its schedule (later: the pacing restarts from now). */
const PACING_SLACK_MS = 200;

/** Production's recent rate, for its reserve of free slots (reacts to bursts). */
const PRODUCTION_BURST_WINDOW_MS = 10_000;

export class ModelLimiter {
  readonly options: LimiterOptions;
  private rate: number;
  private readonly capacity: CapacityEstimate;
  private nextStartAt = 0;
  private inFlight = 0;
  private queue: Task[] = [];
  private readonly window: TrafficWindow;
  private lastDecreaseAt = -Infinity;
  private pausedUntil = 0;
  private frozenUntil = 0;
  private timer: { handle: unknown; at: number } | null = null;
  private readonly stats = { throttles: 0, productionThrottles: 0, started: 0, succeeded: 0 };

  constructor(
    readonly modelId: string,
    options: Partial<LimiterOptions> = {},
    private readonly clock: Clock = realClock,
    private readonly random: () => number = Math.random,
  ) {
    this.options = { ...DEFAULT_LIMITER_OPTIONS, ...options };
    const configured = this.options.capacityPerMin ? this.options.capacityPerMin / 60 : null;
    this.capacity = new CapacityEstimate(configured, this.options.capacityGrowthPerMin);
    this.window = new TrafficWindow(this.options.quotaWindowMs);
    this.rate = configured ? configured * 0.9 : this.options.initialRatePerSec;
  }

  /** Runs fn when the limiter allows; retries it while it is throttled. */
  run<T>(fn: (signal?: AbortSignal) => Promise<T>, opts: RunOptions = {}): Promise<RunOutcome<T>> {
    return new Promise<RunOutcome<T>>((resolve, reject) => {
      if (opts.signal?.aborted) return reject(opts.signal.reason);
      const task: Task = { fn, signal: opts.signal, resolve: resolve as Task['resolve'], reject, throttled: 0, enqueuedAt: this.clock.now(), runMs: 0 };
      if (opts.signal) {
        task.onAbort = () => {
          const i = this.queue.indexOf(task);
          if (i >= 0) this.queue.splice(i, 1);
          reject(opts.signal?.reason);
        };
        opts.signal.addEventListener('abort', task.onAbort, { once: true });
      }
      this.queue.push(task);
      this.pump();
    });
  }

  /**
   * The account's quota for this model (requests/minute; null: unknown), from an admin override
   * or Service Quotas. The pace starts at it rather than learning it.
   */
  setQuota(perMin: number | null, source: 'override' | 'service_quotas' | 'default'): void {
    const now = this.clock.now();
    this.capacity.setQuota(perMin ? perMin / 60 : null, source);
    const capacity = this.capacity.current(now);
    // A known quota needs no slow start: the pace starts at what it allows (the window share guards production).
    if (capacity !== null) this.rate = Math.max(Math.min(this.rate, 2 * capacity), this.rateCap(now));
    this.pump();
  }

  /** Production traffic on this model, as the gateway reports it. */
  observeProduction(kind: 'start' | 'done' | 'throttled', attempts = 1): void {
    const now = this.clock.now();
    if (kind === 'start') return this.window.productionStart(now);
    if (kind === 'done') this.window.success(now, true);
    if (kind === 'throttled' || attempts > 1) {
      this.stats.productionThrottles += 1;
      this.pausedUntil = Math.max(this.pausedUntil, now + this.jitter(this.options.productionPauseMs));
      this.frozenUntil = now + this.options.productionCooldownMs;
      // Production's throttles slow experiments down but teach nothing about the capacity: they
      // may come from traffic this limiter does not see.
      this.decrease(now, false);
    }
    this.pump();
  }

  snapshot(): LimiterSnapshot {
    const now = this.clock.now();
    const capacity = this.capacity.current(now);
    return {
      ratePerSec: this.rate,
      effectiveRatePerSec: Math.min(this.rate, this.rateCap(now)),
      capacityPerMin: capacity === null ? null : capacity * 60,
      capacitySource: this.capacity.source(now),
      maxInFlight: this.options.maxConcurrency,
      experimentBudget: capacity === null ? null : Math.floor(this.options.experimentShare * capacity * (this.options.quotaWindowMs / 1000)),
      inFlight: this.inFlight,
      queued: this.queue.length,
      productionActive: this.productionActive(now),
      productionRatePerSec: this.productionRate(now),
      callsInWindow: this.window.calls(now).total,
      ...this.stats,
    };
  }

  private jitter(ms: number): number {
    return ms * (0.5 + 0.5 * this.random());
  }

  private productionActive(now: number): boolean {
    return this.window.productionActive(now, this.options.productionActiveMs);
  }

  private productionRate(now: number, overMs?: number): number {
    return this.window.productionRate(now, overMs);
  }

  /**
   * The highest pace experiments may use now (requests/second): the quota's own rate, less
   * production's recent rate with headroom while production is active. (Their share of the
   * window is windowHasRoom's business.)
   */
  private rateCap(now: number): number {
    const o = this.options;
    const capacity = this.capacity.current(now);
    const active = this.productionActive(now);
    // A learned capacity is probed while production is idle: AIMD and the window check pace it.
    if (capacity === null || (!active && !this.capacity.fromQuota)) return o.maxRatePerSec;
    const production = active ? o.productionHeadroom * this.productionRate(now) : 0;
    return Math.max(o.minRatePerSec, capacity - production);
  }

  /**
   * Whether the quota window has room for one more experiment call: experiments' own calls
   * (succeeded in the window, or in flight) stay within their share of the capacity, and all
   * calls within the capacity, less a reserve for production's next seconds while it is active
   * (a learned capacity may be exceeded by 5% while production is idle, to notice a raised quota).
   */
  private windowHasRoom(now: number): boolean {
    const o = this.options;
    const capacity = this.capacity.current(now);
    if (capacity === null) return true;
    const budget = capacity * (o.quotaWindowMs / 1000);
    const calls = this.window.calls(now);
    const experiments = calls.total - calls.production + this.inFlight;
    // A learned capacity is probed while production is idle (that is how it keeps up to date).
    const shareApplies = this.capacity.fromQuota || this.productionActive(now);
    if (shareApplies && experiments >= Math.max(1, o.experimentShare * budget)) return false;
    const total = calls.total + this.inFlight;
    if (!this.productionActive(now)) return total < (this.capacity.fromQuota ? 1 : 1.05) * budget;
    // Keep a few seconds of production's calls free in the window for its next ones.
    const reserve = Math.max(2, o.productionHeadroom * this.productionRate(now, PRODUCTION_BURST_WINDOW_MS) * 5);
    return total < budget - reserve;
  }

  private decrease(now: number, measure: boolean): void {
    if (measure) this.capacity.throttledAt(this.window.callRate(now), now);
    if (now - this.lastDecreaseAt < this.options.decreaseCooldownMs) return;
    this.lastDecreaseAt = now;
    this.rate = Math.max(this.options.minRatePerSec, this.rate / 2);
  }

  private grow(now: number): void {
    const o = this.options;
    this.capacity.sustained(this.window.callRate(now), now);
    const capacity = this.capacity.current(now);
    const cap = this.rateCap(now);
    // Grow only while the rate is what holds calls back (calls waiting, r below its cap).
    if (now < this.frozenUntil || this.queue.length === 0 || this.rate >= cap) return;
    const step = 1 / Math.max(this.rate, 1); // per call: summed over a second of calls, "per second"
    if (capacity === null) {
      // Learning with production active: gentle growth (additive, or doubling every
      // learningDoublingSec when that is faster), so that when the first throttle comes the
      // calls of a minute ago are still enough to free slots for production.
      this.rate = this.productionActive(now)
        ? Math.max(this.rate + o.learningIncreasePerSec * step, this.rate * 2 ** (step / o.learningDoublingSec))
        : this.rate * 2 ** step;
    } else {
      const target = 0.9 * Math.min(capacity, cap);
      this.rate = this.rate < target ? Math.min(target, this.rate * 2 ** step) : this.rate + o.additiveIncreasePerSec * step;
    }
    this.rate = Math.min(cap, capacity === null ? o.maxRatePerSec : 2 * capacity, this.rate);
  }

  private schedule(at: number): void {
    if (this.timer && this.timer.at <= at) return;
    if (this.timer) this.clock.clearTimer(this.timer.handle);
    const handle = this.clock.setTimer(() => {
      this.timer = null;
      this.pump();
    }, Math.max(1, at - this.clock.now()));
    this.timer = { handle, at };
  }

  private pump(): void {
    for (;;) {
      const now = this.clock.now();
      if (this.queue.length === 0 || this.inFlight >= this.options.maxConcurrency) return;
      if (now < this.pausedUntil) return this.schedule(this.pausedUntil);
      if (now < this.nextStartAt) return this.schedule(this.nextStartAt);
      if (!this.windowHasRoom(now)) {
        // Wait until the oldest call of the window ages out (or a call in flight ends).
        const oldest = this.window.calls(now).oldest;
        if (oldest !== undefined) this.schedule(oldest + this.options.quotaWindowMs + 1);
        return;
      }
      const task = this.queue.shift() as Task;
      const rate = Math.min(this.rate, this.rateCap(now));
      // Slots a late timer missed (a busy event loop) may be caught up, up to PACING_SLACK_MS worth:
      // without that, every late wake-up lowers the pace below the rate.
      // (Only against a known quota: while learning, such catch-up bursts overrun the estimate.)
      const slack = this.capacity.fromQuota ? PACING_SLACK_MS : 0;
      this.nextStartAt = (now - this.nextStartAt < slack ? this.nextStartAt : now) + 1000 / rate;
      this.start(task, now);
    }
  }

  private start(task: Task, now: number): void {
    this.inFlight += 1;
    this.stats.started += 1;
    const startedAt = now;
    void task
      .fn(task.signal)
      .then(
        (value) => {
          const end = this.clock.now();
          this.stats.succeeded += 1;
          this.window.success(end, false);
          this.grow(end);
          task.runMs += end - startedAt;
          if (task.onAbort) task.signal?.removeEventListener('abort', task.onAbort);
          task.resolve({ value, throttled: task.throttled, waitedMs: Math.max(0, end - task.enqueuedAt - task.runMs) });
        },
        (err: unknown) => {
          const end = this.clock.now();
          task.runMs += end - startedAt;
          if (!isThrottle(err) || task.signal?.aborted) {
            if (task.onAbort) task.signal?.removeEventListener('abort', task.onAbort);
            task.reject(err);
            return;
          }
          this.stats.throttles += 1;
          task.throttled += 1;
          this.decrease(end, true);
          const backoff = Math.min(this.options.backoffMaxMs, this.options.backoffBaseMs * 2 ** (task.throttled - 1));
          this.clock.setTimer(() => {
            if (task.signal?.aborted) return; // its abort listener rejected it
            this.queue.unshift(task); // a retry goes first
            this.pump();
          }, this.jitter(backoff));
        },
      )
      .finally(() => {
        this.inFlight -= 1;
        this.pump();
      });
  }
}

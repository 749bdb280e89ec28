/** Settings of the experiment rate limiter (per model); see limiter.ts for how they act. */
export interface LimiterOptions {
  /**
   * Experiment calls in flight to this model at once (all experiments of this process together).
   * Pacing keeps it near rate x latency; this bound only has to be above that (64: 50 calls/s
   * of 1.2 s each), each experiment's own concurrency bounds its share.
   */
  maxConcurrency: number;
  /** Starting request rate (requests/second) while the model's capacity is unknown. */
  initialRatePerSec: number;
  minRatePerSec: number;
  maxRatePerSec: number;
  /** Additive increase: the rate grows by this much per second of successful, rate-limited sending. */
  additiveIncreasePerSec: number;
  /** While the capacity is unknown and production is active: grow by this much per second, or double every learningDoublingSec, whichever is faster (a gentle ramp spares production). */
  learningIncreasePerSec: number;
  learningDoublingSec: number;
  /** Multiplicative decrease happens at most once per this interval (a burst of throttles halves once). */
  decreaseCooldownMs: number;
  /** The most of the model's capacity (per quota window) experiments take, production busy or not (0-1). */
  experimentShare: number;
  /** Experiments also leave production this multiple of its recent request rate. */
  productionHeadroom: number;
  /** Production counts as active for this long after its last call started. */
  productionActiveMs: number;
  /** After production was throttled (or needed retries): experiments pause this long, then resume at half rate... */
  productionPauseMs: number;
  /** ...and do not speed up again for this long. */
  productionCooldownMs: number;
  /** The quota window: Bedrock quotas are per minute. */
  quotaWindowMs: number;
  /** Backoff of a throttled experiment call before it is tried again: base * 2^(n-1), capped, with jitter. */
  backoffBaseMs: number;
  backoffMaxMs: number;
  /** The model's known capacity (requests/minute) for Promptdeck, when configured: skips learning it. */
  capacityPerMin?: number;
  /** A learned capacity may creep up by this fraction per minute without a throttle (see capacity.ts). */
  capacityGrowthPerMin: number;
}

export const DEFAULT_LIMITER_OPTIONS: LimiterOptions = {
  maxConcurrency: 64,
  initialRatePerSec: 1,
  minRatePerSec: 0.1,
  maxRatePerSec: 500,
  additiveIncreasePerSec: 0.5,
  learningIncreasePerSec: 0.25,
  learningDoublingSec: 15,
  decreaseCooldownMs: 1_000,
  experimentShare: 0.85,
  productionHeadroom: 1.5,
  productionActiveMs: 30_000,
  productionPauseMs: 2_000,
  productionCooldownMs: 10_000,
  quotaWindowMs: 60_000,
  backoffBaseMs: 1_000,
  backoffMaxMs: 30_000,
  capacityGrowthPerMin: 0.05,
};

/** A throttling error as the gateway, the AWS SDK or the stand-in report it. */
export function isThrottle(err: unknown): boolean {
  const e = err as { kind?: string; code?: string; name?: string } | null;
  return e?.kind === 'throttled' || e?.code === 'throttled' || e?.name === 'ThrottlingException';
}

/** Where a model's capacity figure comes from. */
export type CapacitySource = 'configured' | 'override' | 'service_quotas' | 'default' | 'learned';

/**
 * What a model can take from Promptdeck (requests/second). Two inputs:
 *
 * - the account's quota, when known: configured (capacityPerMin), or set at run time from an
 *   admin override or Service Quotas (setQuota). It is an upper bound;
 * - a learned value: the calls that succeeded in the quota window when an experiment call was
 *   throttled (the window then holds the whole quota, minus traffic we do not see), averaged
 *   with the previous one, raised when more calls than that succeed, and, from a minute after
 *   the last throttle, allowed to creep up by growthPerMin per minute (the quota may have been
 *   raised, or traffic we could not see may have stopped), up to twice its value.
 *
 * The estimate is the quota, lowered by what throttles taught (other applications on the same
 * account use part of it); without a quota, the learned value (null until the first throttle).
 * A configured value wins over a quota set at run time.
 */
export class CapacityEstimate {
  private learned: { perSec: number; at: number } | null = null;
  private quota: { perSec: number; source: CapacitySource } | null;
  constructor(
    configuredPerSec: number | null,
    private readonly growthPerMin: number,
  ) {
    this.quota = configuredPerSec ? { perSec: configuredPerSec, source: 'configured' } : null;
  }
  /** The account's quota for the model (requests/second), or null when it is not known. */
  setQuota(perSec: number | null, source: Exclude<CapacitySource, 'configured' | 'learned'>): void {
    if (this.quota?.source === 'configured') return;
    this.quota = perSec && perSec > 0 ? { perSec, source } : null;
  }
  current(now: number): number | null {
    const learned = this.learnedNow(now);
    if (this.quota) return learned === null ? this.quota.perSec : Math.min(this.quota.perSec, learned);
    return learned;
  }
  source(now: number): CapacitySource | null {
    const learned = this.learnedNow(now);
    if (this.quota) return learned !== null && learned < this.quota.perSec ? 'learned' : this.quota.source;
    return learned === null ? null : 'learned';
  }
  /** Whether a figure from the account (not only learning) is behind the estimate. */
  get fromQuota(): boolean {
    return this.quota !== null;
  }
  /** An experiment call was throttled with this many successful calls per second in the window. */
  throttledAt(measuredPerSec: number, now: number): void {
    if (this.quota?.source === 'configured' || measuredPerSec <= 0) return;
    this.learned = { perSec: this.learned ? (this.learned.perSec + measuredPerSec) / 2 : measuredPerSec, at: now };
  }
  /** Calls succeeded at this rate: the capacity is at least that. */
  sustained(perSec: number, now: number): void {
    if (!this.learned || perSec <= this.learned.perSec) return;
    // Back at the quota: what was learned no longer lowers it.
    this.learned = this.quota && perSec >= this.quota.perSec ? null : { perSec, at: now };
  }
  private learnedNow(now: number): number | null {
    if (!this.learned) return null;
    const minutes = Math.max(0, now - this.learned.at - 60_000) / 60_000;
    return this.learned.perSec * Math.min(2, 1 + this.growthPerMin * minutes);
  }
}

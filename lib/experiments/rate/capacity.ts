/**
 * What a model can take from Promptdeck (requests/second): configured, or learned from throttles.
 * A learned value is the calls that succeeded in the quota window when an experiment call was
 * throttled (the window then holds the whole quota, minus traffic we do not see); it is averaged
 * with the previous one, raised when more calls than that succeed, and, from a minute after the
 * last throttle, allowed to creep up by growthPerMin per minute (the quota may have been raised,
 * or traffic we could not see may have stopped), up to twice its value. A configured value is
 * taken as is.
 */
export class CapacityEstimate {
  private learned: { perSec: number; at: number } | null = null;

  constructor(
    private readonly configuredPerSec: number | null,
    private readonly growthPerMin: number,
  ) {}

  current(now: number): number | null {
    if (this.configuredPerSec !== null) return this.configuredPerSec;
    if (!this.learned) return null;
    const minutes = Math.max(0, now - this.learned.at - 60_000) / 60_000;
    return this.learned.perSec * Math.min(2, 1 + this.growthPerMin * minutes);
  }

  /** An experiment call was throttled with this many successful calls per second in the window. */
  throttledAt(measuredPerSec: number, now: number): void {
    if (this.configuredPerSec !== null || measuredPerSec <= 0) return;
    this.learned = { perSec: this.learned ? (this.learned.perSec + measuredPerSec) / 2 : measuredPerSec, at: now };
  }

  /** Calls succeeded at this rate: the capacity is at least that. */
  sustained(perSec: number, now: number): void {
    if (this.configuredPerSec !== null || !this.learned || perSec <= this.learned.perSec) return;
    this.learned = { perSec, at: now };
  }
}

/**
 * What a model's quota window holds, as far as this process sees it: successful calls
 * (experiments' and production's) and production's starts, over the last `windowMs`.
 */
export class TrafficWindow {
  /** Times of successful calls, all sources, in order. */
  private readonly successes: number[] = [];
  private readonly prodSuccesses: number[] = [];
  private readonly prodStarts: number[] = [];
  private lastProdStart = -Infinity;

  constructor(private readonly windowMs: number) {}

  success(at: number, production: boolean): void {
    this.successes.push(at);
    if (production) this.prodSuccesses.push(at);
  }

  productionStart(at: number): void {
    this.lastProdStart = at;
    this.prodStarts.push(at);
  }

  /** Successful calls in the window (all sources / production's). */
  calls(now: number): { total: number; production: number; oldest: number | undefined } {
    this.prune(now);
    return { total: this.successes.length, production: this.prodSuccesses.length, oldest: this.successes[0] };
  }

  /** Successful calls per second over the window. */
  callRate(now: number): number {
    return this.calls(now).total / (this.windowMs / 1000);
  }

  productionActive(now: number, activeMs: number): boolean {
    return now - this.lastProdStart < activeMs;
  }

  /** Production's request rate over the window, or over the last `overMs`. */
  productionRate(now: number, overMs = this.windowMs): number {
    this.prune(now);
    let n = 0;
    for (let i = this.prodStarts.length - 1; i >= 0 && (this.prodStarts[i] as number) > now - overMs; i--) n++;
    return n / (Math.min(overMs, this.windowMs) / 1000);
  }

  private prune(now: number): void {
    const since = now - this.windowMs;
    for (const times of [this.successes, this.prodSuccesses, this.prodStarts]) {
      let i = 0;
      while (i < times.length && (times[i] as number) <= since) i++;
      if (i) times.splice(0, i);
    }
  }
}

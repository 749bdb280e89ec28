/**
 * An in-process cache of one value loaded from AWS (the model catalog, the quotas): fresh for
 * `ttlMs`; concurrent readers share one load (single flight); when a refresh fails the last good
 * value is served, marked stale with the error, and the next attempt waits `errorRetryMs` so a
 * failing AWS API is not called on every request. With no good value yet, the error is thrown.
 * Only a cache: nothing here must be shared between instances.
 */

export interface Cached<T> {
  value: T;
  /** When the value was loaded. */
  fetchedAt: Date;
  /** True when the value is older than the TTL because refreshing it failed. */
  stale: boolean;
  /** Why the last refresh failed (with `stale`). */
  error?: Error;
}

export interface RefreshingCacheOptions {
  ttlMs: number;
  /** After a failed refresh, serve the stale value this long before trying again (default min(ttl, 30 s)). */
  errorRetryMs?: number;
  now?: () => number;
}

export class RefreshingCache<T> {
  private entry: { value: T; at: number; valid: boolean } | undefined;
  private failure: { at: number; error: Error } | undefined;
  private inflight: Promise<Cached<T>> | undefined;
  private generation = 0;
  private readonly now: () => number;
  private readonly errorRetryMs: number;

  constructor(
    private readonly load: () => Promise<T>,
    private readonly opts: RefreshingCacheOptions,
  ) {
    this.now = opts.now ?? Date.now;
    this.errorRetryMs = opts.errorRetryMs ?? Math.min(opts.ttlMs, 30_000);
  }

  /** The value: cached while fresh, else loaded (`refresh: true` skips the cache and the error wait). */
  get(opts: { refresh?: boolean } = {}): Promise<Cached<T>> {
    const now = this.now();
    const entry = this.entry;
    if (!opts.refresh && entry) {
      if (entry.valid && now - entry.at < this.opts.ttlMs) return Promise.resolve({ value: entry.value, fetchedAt: new Date(entry.at), stale: false });
      if (this.failure && now - this.failure.at < this.errorRetryMs) return Promise.resolve(this.staleResult(entry, this.failure.error));
    }
    this.inflight ??= this.refresh().finally(() => {
      this.inflight = undefined;
    });
    return this.inflight;
  }

  /** The next get() loads again (the current value still serves if that load fails). */
  invalidate(): void {
    this.generation += 1;
    if (this.entry) this.entry = { ...this.entry, valid: false };
    this.failure = undefined;
  }

  private staleResult(entry: { value: T; at: number }, error: Error): Cached<T> {
    return { value: entry.value, fetchedAt: new Date(entry.at), stale: true, error };
  }

  private async refresh(): Promise<Cached<T>> {
    const generation = this.generation;
    try {
      const value = await this.load();
      const at = this.now();
      // An invalidate() during the load means the loaded value may already be out of date.
      this.entry = { value, at, valid: generation === this.generation };
      this.failure = undefined;
      return { value, fetchedAt: new Date(at), stale: false };
    } catch (err) {
      const error = err instanceof Error ? err : new Error(String(err));
      if (!this.entry) throw error;
      this.failure = { at: this.now(), error };
      return this.staleResult(this.entry, error);
    }
  }
}

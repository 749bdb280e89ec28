import type { Version } from './types.js';

/**
 * The prompt cache. An entry is served without asking the server only while it is FRESH:
 *   - the server confirmed it (200 or 304) less than `ttlMs` ago, and
 *   - its serving epoch is not older than the newest epoch this client has seen on any answer.
 * Every label move, rollback or removal anywhere in the catalog raises the server's epoch
 * (`X-Promptdeck-Epoch`), so as soon as any answer tells the client about a change, every copy
 * cached before it is revalidated (If-None-Match; a 304 when it did not change) before it is
 * served again. Entries that are not fresh are kept as the last good copy: their ETag makes the
 * revalidation cheap, and they are what stale-if-error serves when the server is unavailable.
 */
export interface CacheEntry {
  version: Version;
  etag: string | null;
  /** The answer's X-Promptdeck-Epoch (null: the server did not send one). */
  epoch: number | null;
  /** Whether the server said it served a canary version (null: it did not say). */
  canary: boolean | null;
  /** When the server last confirmed this copy (ms, monotonic clock). */
  confirmedAt: number;
}

export interface CacheOptions {
  /** How long a confirmed copy is served without asking (default 5000 ms; 0: always revalidate). */
  ttlMs?: number;
  /** Entries kept (least recently used dropped first; default 1000). */
  maxEntries?: number;
}

export class PromptCache {
  private readonly entries = new Map<string, CacheEntry>();
  private newestEpoch = -1;
  readonly ttlMs: number;
  readonly maxEntries: number;

  constructor(
    o: CacheOptions = {},
    private readonly now: () => number = () => performance.now(),
  ) {
    this.ttlMs = o.ttlMs ?? 5_000;
    this.maxEntries = o.maxEntries ?? 1_000;
    if (!(this.ttlMs >= 0)) throw new TypeError('cache.ttlMs must be >= 0');
    if (!(this.maxEntries >= 1)) throw new TypeError('cache.maxEntries must be >= 1');
  }

  /** The newest serving epoch seen on any answer (-1: none yet). */
  get epoch(): number {
    return this.newestEpoch;
  }

  /** Notes the epoch of an answer; a newer one makes every older entry stale at once. */
  observe(epoch: number | null): void {
    if (epoch !== null && epoch > this.newestEpoch) this.newestEpoch = epoch;
  }

  get(key: string): CacheEntry | undefined {
    const e = this.entries.get(key);
    if (e) {
      this.entries.delete(key);
      this.entries.set(key, e);
    }
    return e;
  }

  isFresh(e: CacheEntry): boolean {
    return this.now() - e.confirmedAt < this.ttlMs && (e.epoch ?? -1) >= this.newestEpoch;
  }

  ageMs(e: CacheEntry): number {
    return this.now() - e.confirmedAt;
  }

  set(key: string, e: Omit<CacheEntry, 'confirmedAt'>): CacheEntry {
    const entry = { ...e, confirmedAt: this.now() };
    this.entries.delete(key);
    this.entries.set(key, entry);
    while (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value as string);
    return entry;
  }

  delete(key: string): void {
    this.entries.delete(key);
  }

  clear(): void {
    this.entries.clear();
  }

  get size(): number {
    return this.entries.size;
  }
}

/** Deep-freezes what the cache hands out, so one caller cannot change another's copy. */
export function deepFreeze<T>(v: T): T {
  if (v && typeof v === 'object' && !Object.isFrozen(v)) {
    Object.freeze(v);
    for (const x of Object.values(v)) deepFreeze(x);
  }
  return v;
}

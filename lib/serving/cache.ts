import type { VersionDto } from '../catalog/dto';
import type { Db } from '../db/client';
import { countCacheLookup } from '../ops/metrics';
import { ACCESS_EPOCH_ID, noteAccessChange, onLocalChange } from './epoch';

/**
 * In-process cache of resolved prompts for the serving path. Entries live until the serving
 * epoch changes: immediately for changes made by this instance, and within one poll interval
 * for changes made by any other instance sharing the database.
 */
/** One side of a resolution: what a caller is sent (the label's version, or a canary's). */
export interface ServedSide {
  /** The resolved version, for in-process callers (the gateway). */
  version: VersionDto;
  /** The serialized answer: the version with `canary: true|false`. */
  body: string;
  etag: string;
  /** Whether this side is a canary's. */
  canary: boolean;
  /** Prepared once for the fast path: the body and the response headers (200 and 304). */
  wire?: { body: string; ok: Record<string, string>; notModified: Record<string, string> };
}

export interface CachedValue extends ServedSide {
  /** The serving epoch read before resolving (see readServingEpoch): the X-Promptdeck-Epoch header. */
  epoch: number;
  /**
   * A canary running on the selected label: `weight`% of callers get `side` (sticky per caller
   * key, lib/canary/assign.ts). Both sides are cached under one key, body and ETag each.
   */
  canaryOf?: { label: string; weight: number; side: ServedSide } | null;
}

const MAX_ENTRIES = 10_000;

export class ServingCache {
  private entries = new Map<string, CachedValue>();
  private known: number | null = null;
  private knownAccess: number | null = null;
  private generation = 0;
  private timer: NodeJS.Timeout | null = null;
  private polling = false;
  private readonly unsubscribe: () => void;

  /**
   * `subscribe` delivers this process's own commits (default: the process-wide notifier). Tests
   * pass their own to stand in for another instance, which only learns of changes by polling.
   */
  constructor(
    private readonly db: Db,
    private readonly pollMs: number,
    subscribe: (listener: () => void) => () => void = onLocalChange,
  ) {
    this.unsubscribe = subscribe(() => this.invalidate());
  }

  start(): void {
    if (this.timer) return;
    void this.poll();
    this.timer = setInterval(() => void this.poll(), this.pollMs);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /** Stops polling and listening for local changes (for caches that are thrown away). */
  dispose(): void {
    this.stop();
    this.unsubscribe();
    this.entries.clear();
  }

  invalidate(): void {
    this.generation++;
    this.entries.clear();
  }

  /** A cached value without loading (the synchronous fast path). */
  peek(key: string): CachedValue | undefined {
    return this.entries.get(key);
  }

  /** Caches only while the epoch is known, and only if nothing invalidated during the load. */
  async get(key: string, load: () => Promise<CachedValue>): Promise<CachedValue> {
    const hit = this.entries.get(key);
    countCacheLookup(hit !== undefined);
    if (hit) return hit;
    const generation = this.generation;
    const value = await load();
    if (this.known !== null && generation === this.generation) {
      if (this.entries.size >= MAX_ENTRIES) this.entries.clear();
      this.entries.set(key, value);
    }
    return value;
  }

  async poll(): Promise<void> {
    if (this.polling) return;
    this.polling = true;
    try {
      const rows = await this.db.servingEpoch.findMany({ where: { id: { in: [1, ACCESS_EPOCH_ID] } }, select: { id: true, value: true } });
      const value = rows.find((r) => r.id === 1)?.value ?? 0;
      const access = rows.find((r) => r.id === ACCESS_EPOCH_ID)?.value ?? 0;
      if (value !== this.known) this.invalidate();
      this.known = value;
      // A key was revoked (on any instance): drop this process's cached key lookups. Also on the
      // first poll, since lookups cached before it may predate a revocation.
      if (access !== this.knownAccess) noteAccessChange();
      this.knownAccess = access;
    } catch {
      // Unknown state: stop caching until the database answers again.
      this.known = null;
      this.invalidate();
    } finally {
      this.polling = false;
    }
  }
}

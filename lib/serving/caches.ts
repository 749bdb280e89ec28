import type { Db } from '../db/client';
import { env } from '../env';
import { ServingCache } from './cache';

/**
 * One serving cache per database client (in the app: one per process), polling the epochs.
 * Its poller also tells this process about key revocations on other instances (see epoch.ts),
 * so the API key cache makes sure it runs (cacheFor) even on an instance that serves no prompts.
 */
const g = globalThis as unknown as { __promptdeckServingCaches?: WeakMap<Db, ServingCache> };
const caches = (g.__promptdeckServingCaches ??= new WeakMap());

export function cacheFor(database: Db): ServingCache {
  let c = caches.get(database);
  if (!c) {
    c = new ServingCache(database, env().PROMPTDECK_CACHE_POLL_MS);
    c.start();
    caches.set(database, c);
  }
  return c;
}

/** The cache of a client if one exists (the synchronous fast path never creates one). */
export function existingCache(database: Db): ServingCache | undefined {
  return caches.get(database);
}

import { createHash } from 'node:crypto';
import type { ServiceContext } from '../context';
import { requirePermission } from '../auth/roles';
import { env } from '../env';
import { db } from '../db/client';
import { SelectorSchema } from '../catalog/schemas';
import { resolveVersion } from '../catalog/versions';
import { ServingCache } from './cache';

const g = globalThis as unknown as { __promptdeckServingCache?: ServingCache };

function cache(): ServingCache {
  if (!g.__promptdeckServingCache) {
    g.__promptdeckServingCache = new ServingCache(db(), env().PROMPTDECK_CACHE_POLL_MS);
    g.__promptdeckServingCache.start();
  }
  return g.__promptdeckServingCache;
}

export interface Served {
  status: 200 | 304;
  body: string;
  etag: string;
}

/** GET /api/v1/prompts/{name}: the hot path, through this process's cache. */
export async function servePrompt(ctx: ServiceContext, name: string, query: Record<string, string | undefined>, ifNoneMatch: string | null): Promise<Served> {
  return servePromptFrom(cache(), ctx, name, query, ifNoneMatch);
}

/** The same through a given cache (tests run two "instances" in one process this way). */
export async function servePromptFrom(
  servingCache: ServingCache,
  ctx: ServiceContext,
  name: string,
  query: Record<string, string | undefined>,
  ifNoneMatch: string | null,
): Promise<Served> {
  requirePermission(ctx.actor, 'catalog:read');
  const selector = SelectorSchema.parse(query);
  const key = `${name}\u0000${selector.version ?? ''}\u0000${selector.label ?? ''}`;
  const value = await servingCache.get(key, async () => {
    const v = await resolveVersion(ctx, name, selector);
    const body = JSON.stringify(v);
    return { body, etag: `"${createHash('sha1').update(body).digest('base64url')}"` };
  });
  const matches = ifNoneMatch?.split(',').some((t) => t.trim().replace(/^W\//, '') === value.etag) ?? false;
  return { status: matches ? 304 : 200, body: value.body, etag: value.etag };
}

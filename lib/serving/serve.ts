import { createHash } from 'node:crypto';
import type { ServiceContext } from '../context';
import { actorFromRequest, type HeaderReader } from '../auth/request';
import { requirePermission } from '../auth/roles';
import { env } from '../env';
import { db } from '../db/client';
import { SelectorSchema } from '../catalog/schemas';
import { resolveVersion } from '../catalog/versions';
import { errorPayload, JSON_TYPE } from '../http/respond';
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
  // A cache hit skips validation and the database: keyed by the raw selector, and only
  // selectors that validated and resolved are ever cached.
  const key = `${name}\u0000${query.version ?? ''}\u0000${query.label ?? ''}`;
  const value = await servingCache.get(key, async () => {
    const selector = SelectorSchema.parse(query);
    const v = await resolveVersion(ctx, name, selector);
    const body = JSON.stringify(v);
    return { body, etag: `"${createHash('sha1').update(body).digest('base64url')}"` };
  });
  const matches = ifNoneMatch !== null && (ifNoneMatch === value.etag || ifNoneMatch.split(',').some((t) => t.trim().replace(/^W\//, '') === value.etag));
  return { status: matches ? 304 : 200, body: value.body, etag: value.etag };
}

export interface PlainResponse {
  status: number;
  headers: Record<string, string>;
  body: string | null;
}

/**
 * The whole serving request, independent of the HTTP framework: used by the route handler and
 * by the server's fast path (lib/server), which answers this one route without Next's routing.
 */
export async function handleServeRequest(req: { headers: HeaderReader }, name: string, query: Record<string, string | undefined>): Promise<PlainResponse> {
  try {
    const database = db();
    const actor = await actorFromRequest(req, database);
    const served = await servePrompt({ db: database, actor }, name, query, req.headers.get('if-none-match'));
    const headers = { etag: served.etag, 'cache-control': 'private, no-cache' };
    if (served.status === 304) return { status: 304, headers, body: null };
    return { status: 200, headers: { ...headers, 'content-type': JSON_TYPE }, body: served.body };
  } catch (err) {
    const { status, body } = errorPayload(err);
    return { status, headers: { 'content-type': JSON_TYPE }, body };
  }
}

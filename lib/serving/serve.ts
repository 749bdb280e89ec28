import { createHash } from 'node:crypto';
import type { ServiceContext } from '../context';
import { actorFromRequest, type HeaderReader } from '../auth/request';
import { cachedApiKeyActor } from '../auth/api-keys';
import { can, requirePermission } from '../auth/roles';
import { db } from '../db/client';
import { LABEL_NAME_RE, SelectorSchema } from '../catalog/schemas';
import { INT4_MAX } from '../pagination';
import { resolveVersion } from '../catalog/versions';
import { errorPayload, JSON_TYPE } from '../http/respond';
import { SECURITY_HEADERS } from '../http/security-headers';
import { textProblem } from '../http/json-body';
import { validationError } from '../errors';
import type { VersionDto } from '../catalog/dto';
import type { CachedValue, ServedSide, ServingCache } from './cache';
import { servesCanary } from '../canary/assign';
import { cacheFor, existingCache } from './caches';
import { readServingEpoch } from './epoch';
import { countCacheLookup } from '../ops/metrics';

export interface Served {
  status: 200 | 304;
  body: string;
  etag: string;
  epoch: number;
  /** The version served, and whether it was a running canary's. */
  version: number;
  canary: boolean;
}

/** Response header: whether the answer is a canary's version (also `canary` in the body). */
export const CANARY_HEADER = 'x-promptdeck-canary';
const MAX_STICKY_KEY = 200;

/** Response header: the serving epoch the answer reflects at least (clients drop older cached copies). */
export const EPOCH_HEADER = 'x-promptdeck-epoch';

/**
 * The cache key of a selector that is certainly valid (what SelectorSchema would accept), or
 * null when it must be validated the slow way (and may be refused). Checking before the lookup
 * keeps the answer independent of what happens to be cached.
 */
function cacheKey(name: string, query: Record<string, string | undefined>): string | null {
  const { label, version } = query;
  if (label !== undefined && version !== undefined) return null;
  if (label !== undefined && !(LABEL_NAME_RE.test(label) && !/^\.+$/.test(label))) return null;
  if (version !== undefined && !(/^[1-9]\d{0,9}$/.test(version) && Number(version) <= INT4_MAX)) return null;
  return `${name}\u0000${version ?? ''}\u0000${label ?? ''}`;
}

function etagMatches(ifNoneMatch: string | null, etag: string): boolean {
  return ifNoneMatch !== null && (ifNoneMatch === etag || ifNoneMatch.split(',').some((t) => t.trim().replace(/^W\//, '') === etag));
}

/**
 * A label or version resolved through the cache. A hit skips validation and the database:
 * keyed by the raw selector, and only selectors that validated and resolved are ever cached.
 */
async function resolveFrom(servingCache: ServingCache, ctx: ServiceContext, name: string, query: Record<string, string | undefined>): Promise<CachedValue> {
  requirePermission(ctx.actor, 'catalog:read');
  let key = cacheKey(name, query);
  if (key === null) {
    // Not in the plain form: validate (a 400 explains what is wrong), then key it canonically.
    const s = SelectorSchema.parse(query);
    key = `${name}\u0000${s.version ?? ''}\u0000${s.label ?? ''}`;
  }
  return servingCache.get(key, async () => {
    const selector = SelectorSchema.parse(query);
    const epoch = await readServingEpoch(ctx.db);
    const version = await resolveVersion(ctx, name, selector);
    let canaryOf: CachedValue['canaryOf'] = null;
    const label = selector.version === undefined ? (selector.label ?? 'production') : null;
    if (label !== null && label !== 'latest') {
      const row = await ctx.db.label.findFirst({ where: { name: label, prompt: { name } }, select: { canaryVersion: true, canaryWeight: true } });
      if (row?.canaryVersion != null && row.canaryWeight != null && row.canaryVersion !== version.version) {
        const canaryVersion = await resolveVersion(ctx, name, { version: row.canaryVersion });
        canaryOf = { label, weight: row.canaryWeight, side: sideOf(canaryVersion, true) };
      }
    }
    return { ...sideOf(version, false), epoch, canaryOf };
  });
}

function sideOf(version: VersionDto, canary: boolean): ServedSide {
  const body = JSON.stringify({ ...version, canary });
  return { version, body, etag: `"${createHash('sha1').update(body).digest('base64url')}"`, canary };
}

/** The side a caller gets: the canary's for `weight`% of keys (sticky), else the label's. */
function sideFor(value: CachedValue, stickyKey: string | undefined): ServedSide {
  const c = value.canaryOf;
  return c && servesCanary(c.label, c.weight, stickyKey) ? c.side : value;
}

function checkStickyKey(stickyKey: string | undefined): void {
  if (stickyKey !== undefined && stickyKey.length > MAX_STICKY_KEY) throw validationError([{ path: 'stickyKey', message: `stickyKey is at most ${MAX_STICKY_KEY} characters.` }]);
}

/**
 * The version a caller gets from a selector (`production` by default), through this process's
 * cache: with a canary running on the label, sticky per `stickyKey` (random without one).
 */
export async function resolveForCaller(ctx: ServiceContext, name: string, selector: { label?: string; version?: number }, stickyKey?: string): Promise<{ version: VersionDto; canary: boolean }> {
  const query = selector.version !== undefined ? { version: String(selector.version) } : { label: selector.label };
  const side = sideFor(await resolveFrom(cacheFor(ctx.db), ctx, name, query), stickyKey);
  return { version: side.version, canary: side.canary };
}

/** The version a selector picks (`production` by default), through this process's cache. */
export async function resolveVersionCached(ctx: ServiceContext, name: string, selector: { label?: string; version?: number }): Promise<VersionDto> {
  const query = selector.version !== undefined ? { version: String(selector.version) } : { label: selector.label };
  return (await resolveFrom(cacheFor(ctx.db), ctx, name, query)).version;
}

/** GET /api/v1/prompts/{name}: the hot path, through this process's cache. */
export async function servePrompt(ctx: ServiceContext, name: string, query: Record<string, string | undefined>, ifNoneMatch: string | null): Promise<Served> {
  return servePromptFrom(cacheFor(ctx.db), ctx, name, query, ifNoneMatch);
}

/** The same through a given cache (tests run two "instances" in one process this way). */
export async function servePromptFrom(
  servingCache: ServingCache,
  ctx: ServiceContext,
  name: string,
  query: Record<string, string | undefined>,
  ifNoneMatch: string | null,
): Promise<Served> {
  checkStickyKey(query.stickyKey);
  const value = await resolveFrom(servingCache, ctx, name, query);
  const side = sideFor(value, query.stickyKey);
  return { status: etagMatches(ifNoneMatch, side.etag) ? 304 : 200, body: side.body, etag: side.etag, epoch: value.epoch, version: side.version.version, canary: side.canary };
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
    const bad = [['name', name], ...Object.entries(query)].find(([, v]) => v !== undefined && textProblem(v) !== null);
    if (bad) throw validationError([{ path: bad[0]!, message: textProblem(bad[1]!)! }]);
    const database = db();
    const actor = await actorFromRequest(req, database);
    const served = await servePrompt({ db: database, actor }, name, query, req.headers.get('if-none-match'));
    const headers = { ...SECURITY_HEADERS, etag: served.etag, [EPOCH_HEADER]: String(served.epoch), [CANARY_HEADER]: served.canary ? 'true' : 'false', 'cache-control': 'private, no-cache' };
    if (served.status === 304) return { status: 304, headers, body: null };
    return { status: 200, headers: { ...headers, 'content-type': JSON_TYPE }, body: served.body };
  } catch (err) {
    const { status, body } = errorPayload(err, req.headers.get('x-request-id'));
    return { status, headers: { ...SECURITY_HEADERS, 'content-type': JSON_TYPE }, body };
  }
}

/**
 * The serving request answered without awaiting anything, when both the API key and the
 * resolution are already cached (the steady state of an application polling its prompts);
 * null means "take the async path" (handleServeRequest), which gives the same answer.
 */
export function tryServeFromCache(req: { headers: HeaderReader; hashKey?(key: string): string }, name: string, query: Record<string, string | undefined>): PlainResponse | null {
  const authorization = req.headers.get('authorization');
  // Only the plain "Bearer <key>" form; anything else takes the async path.
  if (!authorization?.startsWith('Bearer ')) return null;
  const database = db();
  const key = authorization.slice(7).trim();
  const actor = cachedApiKeyActor(database, key, req.hashKey?.(key));
  if (!actor || !can(actor, 'catalog:read')) return null;
  const stickyKey = query.stickyKey;
  if (stickyKey !== undefined && stickyKey.length > MAX_STICKY_KEY) return null;
  const selector = cacheKey(name, query);
  const value = selector === null ? undefined : existingCache(database)?.peek(selector);
  if (!value) return null;
  const side = sideFor(value, stickyKey);
  const wire = (side.wire ??= wireOf(side, value.epoch));
  countCacheLookup(true);
  if (etagMatches(req.headers.get('if-none-match'), side.etag)) return { status: 304, headers: wire.notModified, body: null };
  return { status: 200, headers: wire.ok, body: wire.body };
}

/**
 * A side's response headers, built once per cached resolution. With a Content-Length (not
 * chunked) and a string body, node:http sends head and body in one write.
 */
function wireOf(side: ServedSide, epoch: number): NonNullable<ServedSide['wire']> {
  const common = { ...SECURITY_HEADERS, etag: side.etag, [EPOCH_HEADER]: String(epoch), [CANARY_HEADER]: side.canary ? 'true' : 'false', 'cache-control': 'private, no-cache' };
  return { body: side.body, ok: { ...common, 'content-type': JSON_TYPE, 'content-length': String(Buffer.byteLength(side.body)) }, notModified: common };
}

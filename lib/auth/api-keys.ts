import { hash, randomBytes } from 'node:crypto';
import type { ServiceContext } from '../context';
import type { Db } from '../db/client';
import { AppError, notFound } from '../errors';
import { isUniqueViolation } from '../catalog/prompts';
import { actorColumns, actorRefOf, type ActorType } from './actor-ref';
import { audit } from './audit';
import { decodeCursor, PageQuerySchema, toPage, type Page } from '../pagination';
import type { ApiKeyDto, CreatedApiKeyDto } from './responses';
import { requirePermission, type Actor, type Role } from './roles';
import { cacheFor } from '../serving/caches';
import { bumpAccessEpoch, noteAccessChange, onAccessChange } from '../serving/epoch';
import { CreateApiKeySchema } from './schemas';

/** Keys are `pd_` + 32 random bytes; only their SHA-256 is stored (they are high-entropy). */
/** One-shot hash (no Hash object): it runs on every API call, the serving hot path included. */
export const hashApiKey = (key: string): string => hash('sha256', key, 'hex');
const newKey = () => `pd_${randomBytes(32).toString('base64url')}`;
const prefixOf = (key: string) => key.slice(0, 10);
const SYSTEM = { kind: 'system', id: 'system', display: 'system' } as const;

export type { ApiKeyDto };

type Row = {
  id: string;
  name: string;
  prefix: string;
  role: Role;
  createdAt: Date;
  createdBy: string;
  createdByType: ActorType | null;
  createdById: string | null;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
  revokedBy: string | null;
  revokedByType: ActorType | null;
  revokedById: string | null;
};
const toDto = (k: Row): ApiKeyDto => ({
  id: k.id,
  name: k.name,
  prefix: k.prefix,
  role: k.role,
  createdAt: k.createdAt.toISOString(),
  createdBy: k.createdBy,
  createdByRef: actorRefOf(k, 'createdBy'),
  lastUsedAt: k.lastUsedAt?.toISOString() ?? null,
  revokedAt: k.revokedAt?.toISOString() ?? null,
  revokedBy: k.revokedBy,
  revokedByRef: actorRefOf(k, 'revokedBy'),
});

const nameTaken = (name: string) =>
  new AppError('conflict', `An active API key is already named "${name}". Key names identify who did what: choose another name, or revoke the other key first.`, [
    { path: 'name', message: 'An active key already has this name.' },
  ]);

/** Names of active keys are unique, case-insensitively (a partial unique index on lower(name)). */
export async function createApiKey(ctx: ServiceContext, raw: unknown): Promise<CreatedApiKeyDto> {
  requirePermission(ctx.actor, 'admin');
  const input = CreateApiKeySchema.parse(raw);
  const key = newKey();
  try {
    const row = await ctx.db.$transaction(async (tx) => {
      const k = await tx.apiKey.create({ data: { name: input.name, role: input.role, keyHash: hashApiKey(key), prefix: prefixOf(key), ...actorColumns('createdBy', ctx.actor) } });
      await audit(tx, ctx.actor, 'api_key.create', k.id, { name: k.name, role: k.role });
      return k;
    });
    return { ...toDto(row), key };
  } catch (err) {
    if (isUniqueViolation(err)) throw nameTaken(input.name);
    throw err;
  }
}

export async function listApiKeys(ctx: ServiceContext): Promise<ApiKeyDto[]> {
  requirePermission(ctx.actor, 'admin');
  const rows = await ctx.db.apiKey.findMany({ orderBy: [{ revokedAt: { sort: 'desc', nulls: 'first' } }, { createdAt: 'desc' }] });
  return rows.map(toDto);
}

type KeyCursor = [string, string];
const isKeyCursor = (v: unknown): v is KeyCursor => Array.isArray(v) && v.length === 2 && typeof v[0] === 'string' && typeof v[1] === 'string' && !Number.isNaN(Date.parse(v[0]));

/** GET /api/v1/api-keys: newest first, `limit` and `cursor` like every list. */
export async function pageApiKeys(ctx: ServiceContext, rawQuery: unknown): Promise<Page<ApiKeyDto>> {
  requirePermission(ctx.actor, 'admin');
  const q = PageQuerySchema.parse(rawQuery ?? {});
  const after = decodeCursor(q.cursor, isKeyCursor);
  const where = after ? { OR: [{ createdAt: { lt: new Date(after[0]) } }, { createdAt: new Date(after[0]), id: { lt: after[1] } }] } : {};
  const rows = await ctx.db.apiKey.findMany({ where, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }], take: q.limit + 1 });
  return toPage(rows, q.limit, toDto, (k) => [k.createdAt.toISOString(), k.id]);
}

export async function revokeApiKey(ctx: ServiceContext, id: string): Promise<ApiKeyDto> {
  requirePermission(ctx.actor, 'admin');
  const row = await ctx.db.$transaction(async (tx) => {
    const found = await tx.apiKey.findUnique({ where: { id } });
    if (!found) throw notFound('API key');
    if (found.revokedAt) return found;
    const k = await tx.apiKey.update({ where: { id }, data: { revokedAt: new Date(), ...actorColumns('revokedBy', ctx.actor) } });
    await audit(tx, ctx.actor, 'api_key.revoke', id, { name: k.name });
    // Other instances drop their cached key lookups when they see this move (lib/serving/epoch.ts).
    await bumpAccessEpoch(tx);
    return k;
  });
  noteAccessChange();
  return toDto(row);
}

// Short-lived cache so the hot path does not hit the database for every request. A revoked key
// stops working at once on this instance, and on the others as soon as their epoch poller sees
// the access epoch move (PROMPTDECK_CACHE_POLL_MS, 250 ms by default); KEY_TTL_MS bounds it if
// the database cannot be polled.
const KEY_TTL_MS = 5_000;
const LAST_USED_EVERY_MS = 60_000;
const g = globalThis as unknown as {
  __promptdeckKeyCache?: Map<string, { actor: Actor | null; at: number }>;
  __promptdeckKeyUsed?: Map<string, number>;
  __promptdeckKeyGeneration?: { n: number; subscribed: boolean };
};
const keyCache = (g.__promptdeckKeyCache ??= new Map());
const lastUsedWritten = (g.__promptdeckKeyUsed ??= new Map());
const keyGeneration = (g.__promptdeckKeyGeneration ??= { n: 0, subscribed: false });
if (!keyGeneration.subscribed) {
  keyGeneration.subscribed = true;
  onAccessChange(() => {
    keyGeneration.n++;
    keyCache.clear();
  });
}

function noteUse(db: Db, actor: Actor | null, now: number): void {
  if (actor && now - (lastUsedWritten.get(actor.id) ?? 0) > LAST_USED_EVERY_MS) {
    lastUsedWritten.set(actor.id, now);
    void db.apiKey.update({ where: { id: actor.id }, data: { lastUsedAt: new Date(now) } }).catch(() => lastUsedWritten.delete(actor.id));
  }
}

/**
 * Synchronous check against the key cache only: the actor (or null for a known-bad key) when
 * the cache has a fresh answer, undefined when the database must be asked. `keyHash`: the key's
 * hashApiKey, when the caller has it already.
 */
export function cachedApiKeyActor(db: Db, key: string, keyHash: string = hashApiKey(key)): Actor | null | undefined {
  const now = Date.now();
  const entry = keyCache.get(keyHash);
  if (!entry || now - entry.at > KEY_TTL_MS) return undefined;
  noteUse(db, entry.actor, now);
  return entry.actor;
}

export async function authenticateApiKey(db: Db, key: string): Promise<Actor | null> {
  const cached = cachedApiKeyActor(db, key);
  if (cached !== undefined) return cached;
  const h = hashApiKey(key);
  const now = Date.now();
  cacheFor(db); // the poller that reports revocations made on other instances
  const generation = keyGeneration.n;
  const row = await db.apiKey.findUnique({ where: { keyHash: h }, select: { id: true, name: true, role: true, revokedAt: true } });
  const actor: Actor | null = row && !row.revokedAt ? { kind: 'apiKey', id: row.id, display: row.name, role: row.role } : null;
  if (keyCache.size > 10_000) keyCache.clear();
  // Not if a revocation was seen while the row was read: that answer may already be stale.
  if (generation === keyGeneration.n) keyCache.set(h, { actor, at: now });
  noteUse(db, actor, now);
  return actor;
}

/**
 * PROMPTDECK_INIT_API_KEY: an admin key with exactly this value exists afterwards. Created by the
 * instance itself (untyped actor `system`); named with its prefix, so a changed value gives a
 * second key with a name of its own.
 */
export async function ensureInitApiKey(db: Db, key: string): Promise<void> {
  const keyHash = hashApiKey(key);
  await db.apiKey.upsert({
    where: { keyHash },
    create: { name: `PROMPTDECK_INIT_API_KEY (${prefixOf(key)})`, role: 'admin', keyHash, prefix: prefixOf(key), ...actorColumns('createdBy', SYSTEM) },
    update: { role: 'admin', revokedAt: null, revokedBy: null, revokedByType: null, revokedById: null },
  });
}

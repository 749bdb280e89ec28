import type { Db, Prisma } from '../db/client';

/**
 * The serving epoch: one counter row raised inside every transaction that changes what a
 * label or `latest` resolves to. It becomes visible exactly when that transaction commits, so
 * an instance that sees it change knows its cached resolutions may be stale.
 */
export async function bumpServingEpoch(tx: Prisma.TransactionClient): Promise<void> {
  await tx.servingEpoch.upsert({ where: { id: 1 }, create: { id: 1, value: 1 }, update: { value: { increment: 1 } } });
}

/**
 * The epoch now. Read before resolving, it is a lower bound for what the resolution reflects:
 * every change with an epoch up to it had committed. Sent to clients as `X-Promptdeck-Epoch`,
 * so a client can drop whatever it cached at an older epoch.
 */
export async function readServingEpoch(database: Db): Promise<number> {
  const row = await database.servingEpoch.findUnique({ where: { id: 1 }, select: { value: true } });
  return row?.value ?? 0;
}

/**
 * The access epoch (row 2 of the same table): raised with every API key revocation, so each
 * instance drops its cached key lookups within one poll interval (ServingCache polls both rows
 * in one query). Kept apart from the serving epoch, which clients see.
 */
export const ACCESS_EPOCH_ID = 2;
export async function bumpAccessEpoch(tx: Prisma.TransactionClient): Promise<void> {
  await tx.servingEpoch.upsert({ where: { id: ACCESS_EPOCH_ID }, create: { id: ACCESS_EPOCH_ID, value: 1 }, update: { value: { increment: 1 } } });
}

type Listener = () => void;
const g = globalThis as unknown as { __promptdeckEpochListeners?: Set<Listener>; __promptdeckAccessListeners?: Set<Listener> };
const listeners = (g.__promptdeckEpochListeners ??= new Set());
const accessListeners = (g.__promptdeckAccessListeners ??= new Set());

/** Called when an instance sees the access epoch move (another instance revoked a key), or after a local revocation. */
export function noteAccessChange(): void {
  for (const l of accessListeners) l();
}

export function onAccessChange(l: Listener): () => void {
  accessListeners.add(l);
  return () => accessListeners.delete(l);
}

/** Called after a local commit so this instance's caches drop at once (read-your-writes). */
export function noteLocalChange(): void {
  for (const l of listeners) l();
}

export function onLocalChange(l: Listener): () => void {
  listeners.add(l);
  return () => listeners.delete(l);
}

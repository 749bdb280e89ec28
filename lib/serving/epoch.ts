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

type Listener = () => void;
const g = globalThis as unknown as { __promptdeckEpochListeners?: Set<Listener> };
const listeners = (g.__promptdeckEpochListeners ??= new Set());

/** Called after a local commit so this instance's caches drop at once (read-your-writes). */
export function noteLocalChange(): void {
  for (const l of listeners) l();
}

export function onLocalChange(l: Listener): () => void {
  listeners.add(l);
  return () => listeners.delete(l);
}

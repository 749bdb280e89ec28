import type { Prisma } from '../db/client';

/**
 * The webhook hook for canaries: `canary.started` and `canary.ended` are published inside the
 * transaction that makes the change (so a delivery exists exactly when the change commits).
 * The webhook module (lib/webhooks, `publishEvent(tx, event, data)`) registers itself here with
 * setCanaryPublisher; until one is registered, events go nowhere.
 */
export type CanaryWebhookEvent = 'canary.started' | 'canary.ended';
export type CanaryPublisher = (tx: Prisma.TransactionClient, event: CanaryWebhookEvent, data: Record<string, unknown>) => Promise<unknown>;

const g = globalThis as unknown as { __promptdeckCanaryPublisher?: CanaryPublisher | null };

export function setCanaryPublisher(p: CanaryPublisher | null): void {
  g.__promptdeckCanaryPublisher = p;
}

export async function publishCanaryEvent(tx: Prisma.TransactionClient, event: CanaryWebhookEvent, data: Record<string, unknown>): Promise<void> {
  const p = g.__promptdeckCanaryPublisher;
  if (p) await p(tx, event, data);
}

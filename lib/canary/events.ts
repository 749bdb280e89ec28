import type { Prisma } from '../db/client';
import { publishEvent } from '../webhooks/publish';

/**
 * The webhook hook for canaries: `canary.started` and `canary.ended` are published inside the
 * transaction that makes the change (so a delivery exists exactly when the change commits).
 * They go to the webhook module (lib/webhooks `publishEvent`: an outbox row and a delivery job
 * per subscribed webhook); tests may put their own publisher in its place (setCanaryPublisher).
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
  else await publishEvent(tx, event, data);
}

import { randomBytes } from 'node:crypto';
import type { Prisma } from '../db/client';
import { deliverWebhookJob } from './deliver';
import { TEST_EVENT, type WebhookEvent } from './schemas';

type Tx = Prisma.TransactionClient;

/** A UUID version 7 (time-ordered), so deliveries page newest first by id. */
export function uuidv7(): string {
  const b = randomBytes(16);
  const ms = BigInt(Date.now());
  for (let i = 0; i < 6; i++) b[i] = Number((ms >> BigInt(8 * (5 - i))) & 0xffn);
  b[6] = (b[6]! & 0x0f) | 0x70;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = b.toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

const g = globalThis as unknown as { __promptdeckJobs?: Promise<import('../jobs/queue').JobQueue> };

/**
 * Publishes an event to every webhook subscribed to it: one outbox row per webhook, written in
 * the caller's transaction, and one delivery job each, enqueued in the same transaction (so the
 * deliveries exist exactly when the action commits). Nothing is sent here: the job queue
 * delivers, so a slow or dead receiver never slows the action. Without a running job queue in
 * this process the rows stay pending (visible in the deliveries log).
 */
export async function publishEvent(tx: Tx, event: WebhookEvent | typeof TEST_EVENT, data: unknown, opts: { webhookId?: string } = {}): Promise<string[]> {
  const hooks = await tx.webhook.findMany({
    where: opts.webhookId ? { id: opts.webhookId } : { events: { has: event } },
    select: { id: true },
  });
  if (hooks.length === 0) return [];
  const at = new Date().toISOString();
  const queue = g.__promptdeckJobs ? await g.__promptdeckJobs.catch(() => undefined) : undefined;
  const ids: string[] = [];
  for (const h of hooks) {
    const id = uuidv7();
    const body = JSON.stringify({ id, event, at, data });
    await tx.webhookDelivery.create({ data: { id, webhookId: h.id, event, body } });
    if (queue) await queue.send(deliverWebhookJob, { deliveryId: id }, { tx });
    ids.push(id);
  }
  return ids;
}

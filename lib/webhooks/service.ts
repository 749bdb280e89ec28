import type { ServiceContext } from '../context';
import { actorColumns, actorRefOf, type ActorType } from '../auth/actor-ref';
import { audit } from '../auth/audit';
import { requirePermission } from '../auth/roles';
import { env } from '../env';
import { notFound, validationError } from '../errors';
import { decodeCursor, PageQuerySchema, toPage, type Page } from '../pagination';
import { publishEvent } from './publish';
import type { CreatedWebhookDto, WebhookDeliveryDto, WebhookDto } from './responses';
import { CreateWebhookSchema, TEST_EVENT, type WebhookEvent } from './schemas';
import { encryptSecret, newWebhookSecret } from './secrets';
import { checkWebhookUrl, UnsafeTargetError, type Resolver } from './ssrf';

type HookRow = {
  id: string;
  url: string;
  events: string[];
  createdAt: Date;
  createdBy: string;
  createdByType: ActorType | null;
  createdById: string | null;
  deliveries?: { status: 'pending' | 'succeeded' | 'failed'; event: string; createdAt: Date; lastStatusCode: number | null }[];
};

const toDto = (w: HookRow): WebhookDto => {
  const last = w.deliveries?.[0];
  return {
    id: w.id,
    url: w.url,
    events: w.events as WebhookEvent[],
    createdAt: w.createdAt.toISOString(),
    createdBy: w.createdBy,
    createdByRef: actorRefOf(w, 'createdBy'),
    lastDelivery: last ? { status: last.status, event: last.event, at: last.createdAt.toISOString(), lastStatusCode: last.lastStatusCode } : null,
  };
};

const allowPrivate = () => env().PROMPTDECK_WEBHOOK_ALLOW_PRIVATE === 'true';

/** POST /api/v1/webhooks (admin): the URL is checked against SSRF rules; the secret is returned once. */
export async function createWebhook(ctx: ServiceContext, raw: unknown, resolve?: Resolver): Promise<CreatedWebhookDto> {
  requirePermission(ctx.actor, 'admin');
  const input = CreateWebhookSchema.parse(raw);
  let url: URL;
  try {
    url = await checkWebhookUrl(input.url.trim(), allowPrivate(), resolve);
  } catch (err) {
    if (err instanceof UnsafeTargetError) throw validationError([{ path: 'url', message: `${err.message} Webhook URLs must be https: and reach a public address.` }]);
    throw err;
  }
  const secret = newWebhookSecret();
  const secretCiphertext = await encryptSecret(ctx.db, secret);
  const row = await ctx.db.$transaction(async (tx) => {
    const w = await tx.webhook.create({ data: { url: url.toString(), events: input.events, secretCiphertext, ...actorColumns('createdBy', ctx.actor) } });
    await audit(tx, ctx.actor, 'webhook.create', w.id, { url: w.url, events: w.events });
    return w;
  });
  return { ...toDto(row), secret };
}

const LAST = { orderBy: { createdAt: 'desc' as const }, take: 1, select: { status: true, event: true, createdAt: true, lastStatusCode: true } };

export async function listWebhooks(ctx: ServiceContext, rawQuery: unknown): Promise<Page<WebhookDto>> {
  requirePermission(ctx.actor, 'admin');
  const q = PageQuerySchema.parse(rawQuery ?? {});
  const after = decodeCursor(q.cursor, (v): v is string => typeof v === 'string');
  const rows = await ctx.db.webhook.findMany({
    where: after ? { id: { lt: after } } : {},
    orderBy: { id: 'desc' },
    take: q.limit + 1,
    include: { deliveries: LAST },
  });
  return toPage(rows, q.limit, toDto, (r) => r.id);
}

export async function deleteWebhook(ctx: ServiceContext, id: string): Promise<void> {
  requirePermission(ctx.actor, 'admin');
  await ctx.db.$transaction(async (tx) => {
    const w = await tx.webhook.findUnique({ where: { id } });
    if (!w) throw notFound('Webhook');
    await tx.webhook.delete({ where: { id } });
    await audit(tx, ctx.actor, 'webhook.delete', id, { url: w.url });
  });
}

/** GET /api/v1/webhooks/{id}/deliveries: newest first, each with its attempts. */
export async function webhookDeliveries(ctx: ServiceContext, id: string, rawQuery: unknown): Promise<Page<WebhookDeliveryDto>> {
  requirePermission(ctx.actor, 'admin');
  const q = PageQuerySchema.parse(rawQuery ?? {});
  const after = decodeCursor(q.cursor, (v): v is string => typeof v === 'string');
  const w = await ctx.db.webhook.findUnique({ where: { id }, select: { id: true } });
  if (!w) throw notFound('Webhook');
  const rows = await ctx.db.webhookDelivery.findMany({
    where: { webhookId: id, ...(after ? { id: { lt: after } } : {}) },
    orderBy: { id: 'desc' },
    take: q.limit + 1,
    include: { log: { orderBy: { attempt: 'asc' } } },
  });
  return toPage(
    rows,
    q.limit,
    (d) => ({
      id: d.id,
      event: d.event,
      status: d.status,
      attempts: d.attempts,
      lastStatusCode: d.lastStatusCode,
      nextAttemptAt: d.nextAttemptAt?.toISOString() ?? null,
      createdAt: d.createdAt.toISOString(),
      log: d.log.map((a) => ({ attempt: a.attempt, at: a.at.toISOString(), statusCode: a.statusCode, error: a.error, durationMs: a.durationMs })),
    }),
    (d) => d.id,
  );
}

/** POST /api/v1/webhooks/{id}/test: queues a `webhook.test` delivery to this webhook only. */
export async function sendTestEvent(ctx: ServiceContext, id: string): Promise<{ deliveryId: string }> {
  requirePermission(ctx.actor, 'admin');
  return ctx.db.$transaction(async (tx) => {
    const w = await tx.webhook.findUnique({ where: { id }, select: { id: true, url: true } });
    if (!w) throw notFound('Webhook');
    const [deliveryId] = await publishEvent(tx, TEST_EVENT, { message: 'A test delivery from Promptdeck.', webhookId: id, sentBy: ctx.actor.display }, { webhookId: id });
    await audit(tx, ctx.actor, 'webhook.test', id, { url: w.url, deliveryId: deliveryId! });
    return { deliveryId: deliveryId! };
  });
}

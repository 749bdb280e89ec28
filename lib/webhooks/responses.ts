import { z } from 'zod';
import { NullableActorRefSchema } from '../auth/actor-ref';
import { WebhookEventSchema } from './schemas';

export const WebhookAttemptSchema = z
  .object({
    attempt: z.number().int().describe('1 for the first try.'),
    at: z.iso.datetime(),
    statusCode: z.number().int().nullable().describe('The receiver\'s HTTP status; null when no answer came (timeout, refused, DNS).'),
    error: z.string().nullable(),
    durationMs: z.number().int(),
  })
  .meta({ id: 'WebhookAttempt' });

export const WebhookDeliverySchema = z
  .object({
    id: z.string().describe('Also the `id` of the delivered body: receivers de-duplicate retries with it.'),
    event: z.string(),
    status: z.enum(['pending', 'succeeded', 'failed']).describe('pending: more attempts will follow; failed: every attempt failed.'),
    attempts: z.number().int(),
    lastStatusCode: z.number().int().nullable(),
    nextAttemptAt: z.iso.datetime().nullable(),
    createdAt: z.iso.datetime(),
    log: z.array(WebhookAttemptSchema).describe('Every attempt, oldest first.'),
  })
  .meta({ id: 'WebhookDelivery' });
export type WebhookDeliveryDto = z.infer<typeof WebhookDeliverySchema>;

export const WebhookSchema = z
  .object({
    id: z.string(),
    url: z.string(),
    events: z.array(WebhookEventSchema),
    createdAt: z.iso.datetime(),
    createdBy: z.string(),
    createdByRef: NullableActorRefSchema,
    lastDelivery: z.object({ status: z.enum(['pending', 'succeeded', 'failed']), event: z.string(), at: z.iso.datetime(), lastStatusCode: z.number().int().nullable() }).nullable(),
  })
  .meta({ id: 'Webhook' });
export type WebhookDto = z.infer<typeof WebhookSchema>;

export const CreatedWebhookSchema = WebhookSchema.extend({
  secret: z.string().describe('The signing secret, shown this once: verify X-Promptdeck-Signature with it.'),
}).meta({ id: 'CreatedWebhook' });
export type CreatedWebhookDto = z.infer<typeof CreatedWebhookSchema>;

export const TestDeliverySchema = z.object({ deliveryId: z.string() }).meta({ id: 'WebhookTestQueued' });

import { z } from 'zod';

/** The events a webhook can subscribe to (API.md, Webhooks and audit). */
export const WEBHOOK_EVENTS = ['label.moved', 'deploy_request.created', 'deploy_request.decided', 'canary.started', 'canary.ended', 'experiment.finished'] as const;
export const WebhookEventSchema = z.enum(WEBHOOK_EVENTS);
export type WebhookEvent = z.infer<typeof WebhookEventSchema>;
/** Sent by "send test" only; not subscribable. */
export const TEST_EVENT = 'webhook.test';

export const CreateWebhookSchema = z
  .object({
    url: z.string().min(1, 'url is required.').max(2000, 'url is at most 2,000 characters.'),
    events: z
      .array(WebhookEventSchema)
      .min(1, 'Choose at least one event.')
      .max(WEBHOOK_EVENTS.length)
      .transform((e) => [...new Set(e)]),
  })
  .strict();
export type CreateWebhookInput = z.infer<typeof CreateWebhookSchema>;

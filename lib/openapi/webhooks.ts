import { NoBodySchema } from '../http/no-body';
import { z } from 'zod';
import { AuditEntrySchema, AuditQuerySchema } from '../auth/audit';
import { PageQuerySchema } from '../pagination';
import { CreatedWebhookSchema, TestDeliverySchema, WebhookDeliverySchema, WebhookSchema } from '../webhooks/responses';
import { CreateWebhookSchema } from '../webhooks/schemas';
import { ok, page, type Operations } from './helpers';

const Id = z.object({ id: z.string() });

/** Outgoing webhooks (admin). */
export const webhookOperations = {
  'GET /api/v1/webhooks': { summary: 'List webhooks (admin)', query: PageQuerySchema, responses: { 200: ok('Webhooks, newest first', page(WebhookSchema)) } },
  'POST /api/v1/webhooks': {
    summary: 'Create a webhook (admin); the signing secret is returned once',
    description:
      'Each delivery is a POST with the JSON body `{id, event, at, data}` and `X-Promptdeck-Signature: sha256=<hex HMAC-SHA256 of the raw body with the secret>` (also `X-Promptdeck-Event` and `X-Promptdeck-Delivery`). A non-2xx answer, a redirect (never followed) or a timeout is retried with exponential backoff (6 attempts over about 5 minutes by default). The URL must be https: and resolve to public addresses only (checked again on every attempt); PROMPTDECK_WEBHOOK_ALLOW_PRIVATE=true lifts this for tests and local set-ups.',
    body: CreateWebhookSchema,
    responses: { 201: ok('Created', CreatedWebhookSchema) },
  },
  'DELETE /api/v1/webhooks/{id}': { summary: 'Delete a webhook and its deliveries log (admin)', params: Id, responses: { 204: ok('Deleted') } },
  'GET /api/v1/webhooks/{id}/deliveries': {
    summary: 'Deliveries of a webhook, newest first, each with its attempts (status codes, errors, durations) (admin)',
    params: Id,
    query: PageQuerySchema,
    responses: { 200: ok('Deliveries', page(WebhookDeliverySchema)) },
  },
  'POST /api/v1/webhooks/{id}/test': {
    summary: 'Send a test delivery (event webhook.test) to this webhook (admin)',
    params: Id,
    body: NoBodySchema,
    responses: { 202: ok('Queued; it shows in the deliveries log', TestDeliverySchema) },
  },
} satisfies Operations;

/** The audit trail (admin). */
export const auditOperations = {
  'GET /api/v1/audit': {
    summary: 'The audit trail (admin): every change with typed actor, action, target and details, newest first',
    description: '`actor` takes a user or API key id (or `user:<id>` / `api_key:<id>`); `action` an exact action or a prefix ending in `*` (e.g. `webhook.*`); `from`/`to` ISO date-times. `format=csv` answers text/csv with every matching entry (up to 10,000).',
    query: AuditQuerySchema.extend({ format: z.enum(['json', 'csv']).optional() }),
    responses: { 200: { ...ok('Entries', page(AuditEntrySchema)), csv: 'CSV: at, actor_type, actor_id, actor, action, target, details (JSON)' } },
  },
} satisfies Operations;

import { z } from 'zod';
import { PriceListSchema, PriceSchema, SetPriceSchema } from '../aws/price-schemas';
import { PromptNameSchema } from '../catalog/schemas';
import { IngestResultSchema, InvocationDetailSchema, InvocationSchema, InvokeResultSchema } from '../invocations/responses';
import { IngestRecordSchema, InvokeQuerySchema, InvokeSchema, ListInvocationsQuerySchema } from '../invocations/schemas';
import { ok, page, type Operations } from './helpers';

const Id = z.object({ id: z.string() });
const ModelId = z.object({ modelId: z.string().describe('URL-encoded model id') });

/** Gateway, invocation log and pricing. */
export const invocationOperations = {
  'POST /api/v1/prompts/{name}/invoke': {
    summary: 'Invoke a prompt version on Bedrock (JSON, or server-sent events with stream: true)',
    params: z.object({ name: PromptNameSchema }),
    query: InvokeQuerySchema.extend({ source: InvokeQuerySchema.shape.source.describe('Browser sessions only: log the call as a playground run (API keys always log as api).') }),
    body: InvokeSchema,
    responses: {
      200: {
        ...ok('The answer', InvokeResultSchema),
        eventStream:
          'With stream: true: `delta` events {text}, `toolCall` events {name, input, toolUseId} as each tool call completes, then `done` with the same object as the JSON answer, or `error` with the error object (e.g. invalid_output).',
      },
    },
    errors: {
      429: 'throttled after retries (on the primary and every fallback); details.invocationId',
      502: 'upstream_error (details.invocationId, details.type), or invalid_output: the answer breaks the version\'s outputSchema or a tool\'s input schema (details.invocationId, reason, output; logged with the output)',
    },
  },
  'POST /api/v1/invocations': {
    summary: 'Report invocations made by the application: one record or {items} (at most 1000), all-or-nothing',
    body: z.union([IngestRecordSchema, z.object({ items: z.array(IngestRecordSchema).max(1000) })]),
    responses: { 202: ok('Stored', IngestResultSchema) },
    errors: { 413: 'More than 1000 records' },
  },
  'GET /api/v1/invocations': { summary: 'List invocations, newest first', query: ListInvocationsQuerySchema, responses: { 200: ok('Invocations', page(InvocationSchema)) } },
  'GET /api/v1/invocations/{id}': { summary: 'One invocation with its feedback', params: Id, responses: { 200: ok('Invocation', InvocationDetailSchema) } },
  'GET /api/v1/settings/prices': { summary: 'Model prices ($ per 1M tokens): built-in with admin overrides', responses: { 200: ok('Prices', PriceListSchema) } },
  'PUT /api/v1/settings/prices/{modelId}': { summary: 'Set a model price (admin)', params: ModelId, body: SetPriceSchema, responses: { 200: ok('Price', PriceSchema) } },
  'DELETE /api/v1/settings/prices/{modelId}': { summary: 'Drop a custom model price (admin)', params: ModelId, responses: { 204: ok('Reset') } },
} satisfies Operations;

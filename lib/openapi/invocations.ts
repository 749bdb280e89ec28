import { z } from 'zod';
import { SetPriceSchema } from '../aws/pricing';
import { PromptNameSchema } from '../catalog/schemas';
import { IngestRecordSchema, InvokeQuerySchema, InvokeSchema, ListInvocationsQuerySchema } from '../invocations/schemas';
import { body, ErrorSchema, list, ok, type PathAdder } from './helpers';

const Usage = z.object({ inputTokens: z.number().int(), outputTokens: z.number().int() });

const InvokeResult = z
  .object({
    invocationId: z.string(),
    version: z.number().int(),
    modelId: z.string(),
    output: z.object({ text: z.string() }),
    stopReason: z.string().nullable(),
    usage: Usage,
    latencyMs: z.number().int(),
    timeToFirstTokenMs: z.number().int().nullable(),
    costUsd: z.number().nullable(),
  })
  .meta({ id: 'InvokeResult' });

const Invocation = z
  .object({
    id: z.string(),
    promptName: z.string().nullable(),
    promptVersion: z.number().int().nullable(),
    label: z.string().nullable(),
    modelId: z.string(),
    status: z.enum(['ok', 'throttled', 'error']),
    input: z.object({ system: z.string().nullable().optional(), messages: z.array(z.object({ role: z.string(), content: z.string() })) }),
    output: z.object({ text: z.string() }).nullable(),
    stopReason: z.string().nullable(),
    usage: Usage.nullable(),
    latencyMs: z.number().int().nullable(),
    timeToFirstTokenMs: z.number().int().nullable(),
    costUsd: z.number().nullable(),
    attempts: z.number().int().nullable(),
    awsRequestId: z.string().nullable(),
    errorCode: z.string().nullable(),
    errorMessage: z.string().nullable(),
    source: z.enum(['api', 'playground', 'ingest']),
    caller: z.string(),
    metadata: z.record(z.string(), z.unknown()).nullable(),
    createdAt: z.string(),
  })
  .meta({ id: 'Invocation' });

const Price = z.object({ modelId: z.string(), inputPerMTokUsd: z.number(), outputPerMTokUsd: z.number(), source: z.enum(['built-in', 'admin']), updatedBy: z.string().nullable() }).meta({ id: 'Price' });

/** Gateway, invocation log and pricing endpoints. */
export function registerInvocationPaths(p: PathAdder): void {
  p('post', '/api/v1/prompts/{name}/invoke', 'Invoke a prompt version on Bedrock (JSON, or server-sent events with stream: true)', {
    request: {
      params: z.object({ name: PromptNameSchema }),
      query: InvokeQuerySchema.extend({ source: InvokeQuerySchema.shape.source.describe('Browser sessions only: log the call as a playground run (API keys always log as api).') }),
      body: body(InvokeSchema),
    },
    responses: {
      200: { description: 'The answer; with stream: true, text/event-stream of `delta` {text} events and a final `done` (or `error`)', content: { 'application/json': { schema: InvokeResult }, 'text/event-stream': { schema: z.string() } } },
      429: ok('throttled after retries; details.invocationId', ErrorSchema),
      502: ok('upstream_error; details.invocationId, details.type', ErrorSchema),
    },
  });
  p('post', '/api/v1/invocations', 'Report invocations made by the application: one record or {items} (at most 1000), all-or-nothing', {
    request: { body: body(z.union([IngestRecordSchema, z.object({ items: z.array(IngestRecordSchema).max(1000) })])) },
    responses: { 202: ok('Stored', z.object({ ids: z.array(z.string()) })), 413: ok('More than 1000 records', ErrorSchema) },
  });
  p('get', '/api/v1/invocations', 'List invocations, newest first', { request: { query: ListInvocationsQuerySchema }, responses: { 200: ok('Invocations', list(Invocation)) } });
  p('get', '/api/v1/invocations/{id}', 'One invocation', { request: { params: z.object({ id: z.string() }) }, responses: { 200: ok('Invocation', Invocation) } });
  p('get', '/api/v1/settings/prices', 'Model prices ($ per 1M tokens): built-in with admin overrides', { responses: { 200: ok('Prices', z.object({ asOf: z.string(), items: z.array(Price) })) } });
  p('put', '/api/v1/settings/prices/{modelId}', 'Set a model price (admin)', { request: { params: z.object({ modelId: z.string() }), body: body(SetPriceSchema) }, responses: { 200: ok('Price', Price) } });
  p('delete', '/api/v1/settings/prices/{modelId}', 'Drop a custom model price (admin)', { request: { params: z.object({ modelId: z.string() }) }, responses: { 204: ok('Reset') } });
}

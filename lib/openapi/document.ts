import { OpenAPIRegistry, OpenApiGeneratorV31, type RouteConfig } from '@asteasolutions/zod-to-openapi';
import { z } from 'zod';
import { ErrorSchema, splitKey, type ExtraErrorStatus, type Operation } from './helpers';
import { operations } from './operations';

/**
 * The OpenAPI description served at /api/v1/openapi.json, generated from the operations maps
 * (lib/openapi/<feature>.ts): the same zod schemas validate the input and type the answers.
 */

const error = (description: string) => ({ description, content: { 'application/json': { schema: ErrorSchema } } });

/** What any operation may answer besides its own responses. */
function commonErrors(o: Operation): Record<number, ReturnType<typeof error>> {
  const out: Record<number, ReturnType<typeof error>> = {
    400: error('Bad input; `details` lists the fields'),
    500: error('internal_error: something failed on the server (logged)'),
  };
  if (!o.public) {
    out[401] = error('Missing or unknown API key (or no session)');
    out[403] = error('The key or user lacks the role (or a cross-site request was refused)');
    out[404] = error('not_found');
  }
  if (o.body) {
    out[413] = error('payload_too_large: the body is too large');
    out[415] = error(o.rawBodies ? `unsupported_media_type: send the body as application/json or ${Object.keys(o.rawBodies).join(', ')}` : 'unsupported_media_type: send the body as application/json');
  }
  return out;
}

function paramsOf(path: string, o: Operation): z.ZodObject | undefined {
  if (o.params) return o.params;
  const names = [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1] as string);
  return names.length ? z.object(Object.fromEntries(names.map((n) => [n, z.string()]))) : undefined;
}

function routeOf(key: string, o: Operation): RouteConfig {
  const { method, path } = splitKey(key);
  const responses: RouteConfig['responses'] = { ...commonErrors(o) };
  for (const [status, r] of Object.entries(o.errors ?? {}) as [`${ExtraErrorStatus}`, string][]) responses[status] = error(r);
  for (const [status, r] of Object.entries(o.responses)) {
    const content: Record<string, { schema: z.ZodType }> = {};
    if (r.schema) content['application/json'] = { schema: r.schema };
    if (r.eventStream) content['text/event-stream'] = { schema: z.string().describe(r.eventStream) };
    if (r.csv) content['text/csv'] = { schema: z.string().describe(r.csv) };
    for (const [type, d] of Object.entries(r.files ?? {})) content[type] = { schema: z.string().describe(d) };
    const headers = r.headers ? { headers: Object.fromEntries(Object.entries(r.headers).map(([h, d]) => [h, { description: d, schema: { type: 'string' as const } }])) } : {};
    responses[status] = Object.keys(content).length ? { description: r.description, content, ...headers } : { description: r.description, ...headers };
  }
  const params = paramsOf(path, o);
  return {
    method,
    path,
    summary: o.summary,
    ...(o.description ? { description: o.description } : {}),
    security: o.public ? [] : [{ apiKey: [] }],
    request: {
      ...(params ? { params } : {}),
      ...(o.query ? { query: o.query as z.ZodObject } : {}),
      ...(o.body
        ? { body: { content: { 'application/json': { schema: o.body }, ...Object.fromEntries(Object.entries(o.rawBodies ?? {}).map(([type, d]) => [type, { schema: z.string().describe(d) }])) } } }
        : {}),
    },
    responses,
  };
}

function build() {
  const r = new OpenAPIRegistry();
  r.registerComponent('securitySchemes', 'apiKey', { type: 'http', scheme: 'bearer', description: 'Promptdeck API key (pd_...)' });
  for (const [key, o] of Object.entries(operations) as [string, Operation][]) r.registerPath(routeOf(key, o));
  return new OpenApiGeneratorV31(r.definitions).generateDocument({
    openapi: '3.1.0',
    info: {
      title: 'Promptdeck API',
      version: '1',
      description:
        'Prompt catalog and LLMOps console for Amazon Bedrock. Errors: {"error": {"code", "message", "details"?}}. Who did something is a display string (`createdBy`, `actor`, `caller`...) with a typed sibling `...Ref`: {type: "user"|"api_key", id, display}, or null for the instance itself and for records that predate typed actors.',
    },
    servers: [{ url: '/' }],
    security: [{ apiKey: [] }],
  });
}

let doc: ReturnType<typeof build> | undefined;
export function openApiDocument() {
  doc ??= build();
  return doc;
}

import { OpenAPIRegistry, OpenApiGeneratorV31 } from '@asteasolutions/zod-to-openapi';
import { z } from 'zod';
import { CreateApiKeySchema, CreateUserSchema, LoginSchema, SetupSchema, UpdateUserSchema } from '../auth/schemas';
import { RoleSchema } from '../auth/roles';
import { body, ErrorSchema, list, ok, type PathAdder } from './helpers';
import { registerFeedbackPaths } from './feedback';
import { registerInvocationPaths } from './invocations';
import { registerMetricsPaths } from './metrics';
import {
  CreatePromptSchema,
  CreateVersionSchema,
  GuardrailSchema,
  LabelNameSchema,
  ListPromptsQuerySchema,
  ListQuerySchema,
  ModelIdSchema,
  MoveLabelSchema,
  ParamsSchema,
  PromptNameSchema,
  RemoveLabelQuerySchema,
  RenderSchema,
  RollbackSchema,
  TemplateSchema,
  UpdatePromptSchema,
} from '../catalog/schemas';

/**
 * The OpenAPI description served at /api/v1/openapi.json, generated from the same zod schemas
 * the route handlers validate with.
 */


const Prompt = z
  .object({
    name: PromptNameSchema,
    description: z.string(),
    tags: z.array(z.string()),
    latestVersion: z.number().int().nullable(),
    labels: z.record(z.string(), z.number().int()),
    createdAt: z.iso.datetime(),
    createdBy: z.string(),
    updatedAt: z.iso.datetime(),
    archivedAt: z.iso.datetime().nullable().describe('When the prompt was archived (hidden from the catalog by default, still served); null when it is not.'),
  })
  .meta({ id: 'Prompt' });

const Version = z
  .object({
    name: PromptNameSchema,
    version: z.number().int(),
    template: TemplateSchema,
    variables: z.array(z.string()),
    modelId: ModelIdSchema,
    params: ParamsSchema,
    guardrail: GuardrailSchema.nullable(),
    commitMessage: z.string(),
    labels: z.array(z.string()),
    createdAt: z.iso.datetime(),
    createdBy: z.string(),
  })
  .meta({ id: 'Version' });

const LabelMove = z.object({ label: z.string(), version: z.number().int(), previousVersion: z.number().int().nullable() }).meta({ id: 'LabelMove' });
const LabelPut = LabelMove.extend({ changed: z.boolean().describe('false when the label already pointed at the version: nothing was recorded') }).meta({ id: 'LabelPut' });
const LabelEvent = z
  .object({
    id: z.number().int(),
    label: z.string(),
    action: z.enum(['deploy', 'rollback', 'remove']),
    fromVersion: z.number().int().nullable(),
    toVersion: z.number().int().nullable(),
    actor: z.string(),
    reason: z.string(),
    at: z.iso.datetime(),
  })
  .meta({ id: 'LabelEvent' });
const Rendered = z
  .object({ version: z.number().int(), system: z.string().nullable(), messages: z.array(z.object({ role: z.enum(['user', 'assistant']), content: z.string() })) })
  .meta({ id: 'Rendered' });
const ApiKey = z
  .object({ id: z.string(), name: z.string(), prefix: z.string(), role: RoleSchema, createdAt: z.string(), createdBy: z.string(), lastUsedAt: z.string().nullable(), revokedAt: z.string().nullable() })
  .meta({ id: 'ApiKey' });
const User = z
  .object({ id: z.string(), email: z.string(), name: z.string(), role: RoleSchema, createdAt: z.string(), lastLoginAt: z.string().nullable(), disabled: z.boolean() })
  .meta({ id: 'User' });

const errors = {
  400: ok('Bad input; `details` lists the fields', ErrorSchema),
  401: ok('Missing or unknown API key', ErrorSchema),
  403: ok('The key or user lacks the role', ErrorSchema),
  404: ok('Not found', ErrorSchema),
};

const NameParam = z.object({ name: PromptNameSchema });
const LabelParams = NameParam.extend({ label: LabelNameSchema });

function build() {
  const r = new OpenAPIRegistry();
  r.registerComponent('securitySchemes', 'apiKey', { type: 'http', scheme: 'bearer', description: 'Promptdeck API key (pd_...)' });
  const p: PathAdder = (method, path, summary, spec) =>
    r.registerPath({ method, path, summary, security: [{ apiKey: [] }], ...spec, responses: { ...errors, ...(spec.responses as object) } });
  registerInvocationPaths(p);
  registerFeedbackPaths(p);
  registerMetricsPaths(p);

  p('get', '/api/v1/prompts', 'List prompts', { request: { query: ListPromptsQuerySchema }, responses: { 200: ok('Prompts', list(Prompt)) } });
  p('post', '/api/v1/prompts', 'Create a prompt', { request: { body: body(CreatePromptSchema) }, responses: { 201: ok('Created', Prompt), 409: ok('prompt_exists', ErrorSchema) } });
  p('get', '/api/v1/prompts/{name}', 'Serve the version a label (default production) or number points at', {
    request: { params: NameParam, query: z.object({ label: LabelNameSchema.optional(), version: z.number().int().optional() }) },
    responses: { 200: ok('The version; sends ETag', Version), 304: ok('Not modified (If-None-Match)') },
  });
  p('patch', '/api/v1/prompts/{name}', 'Update description or tags; archive ({archived: true}) or restore', { request: { params: NameParam, body: body(UpdatePromptSchema) }, responses: { 200: ok('Updated', Prompt) } });
  p('delete', '/api/v1/prompts/{name}', 'Delete a prompt with its versions and history (deployer); refused while a label points at one of its versions', {
    request: { params: NameParam },
    responses: { 204: ok('Deleted'), 409: ok('prompt_in_use; details.labels', ErrorSchema) },
  });
  p('get', '/api/v1/prompts/{name}/versions', 'List versions, newest first', { request: { params: NameParam, query: ListQuerySchema }, responses: { 200: ok('Versions', list(Version)) } });
  p('post', '/api/v1/prompts/{name}/versions', 'Create the next version; nothing is created when it is identical to its parent', {
    request: { params: NameParam, body: body(CreateVersionSchema) },
    responses: {
      201: ok('Created (created: true)', Version.extend({ created: z.literal(true) })),
      200: ok('No changes: identical (template, model, params, guardrail) to parentVersion, default the latest. That version comes back with created: false; nothing is written, labels are not moved.', Version.extend({ created: z.literal(false) })),
    },
  });
  p('get', '/api/v1/prompts/{name}/versions/{version}', 'Get one version', { request: { params: NameParam.extend({ version: z.number().int() }) }, responses: { 200: ok('Version', Version) } });
  p('get', '/api/v1/prompts/{name}/labels', 'List labels (with the automatic latest)', { request: { params: NameParam }, responses: { 200: ok('Labels') } });
  p('put', '/api/v1/prompts/{name}/labels/{label}', 'Point a label at a version', {
    request: { params: LabelParams, body: body(MoveLabelSchema) },
    responses: { 200: ok('Moved; changed: false (and no history event) when it already pointed there', LabelPut), 409: ok('label_conflict; details.currentVersion', ErrorSchema) },
  });
  p('delete', '/api/v1/prompts/{name}/labels/{label}', 'Remove a label', { request: { params: LabelParams, query: RemoveLabelQuerySchema }, responses: { 204: ok('Removed') } });
  p('post', '/api/v1/prompts/{name}/labels/{label}/rollback', 'Move a label back to where it pointed before its latest move', {
    request: { params: LabelParams, body: body(RollbackSchema) },
    responses: { 200: ok('Rolled back', LabelMove), 409: ok('nothing_to_rollback or label_conflict', ErrorSchema) },
  });
  p('get', '/api/v1/prompts/{name}/labels/{label}/history', 'Label history, newest first', { request: { params: LabelParams, query: ListQuerySchema }, responses: { 200: ok('Events', list(LabelEvent)) } });
  p('get', '/api/v1/prompts/{name}/history', 'History of all labels of a prompt', { request: { params: NameParam, query: ListQuerySchema }, responses: { 200: ok('Events', list(LabelEvent)) } });
  p('post', '/api/v1/prompts/{name}/render', 'Render a version with variables', { request: { params: NameParam, body: body(RenderSchema) }, responses: { 200: ok('Rendered', Rendered) } });
  p('get', '/api/v1/api-keys', 'List API keys (admin)', { responses: { 200: ok('Keys', list(ApiKey)) } });
  p('post', '/api/v1/api-keys', 'Create an API key (admin); the key is returned once', { request: { body: body(CreateApiKeySchema) }, responses: { 201: ok('Created', ApiKey.extend({ key: z.string() })) } });
  p('delete', '/api/v1/api-keys/{id}', 'Revoke an API key (admin)', { request: { params: z.object({ id: z.string() }) }, responses: { 200: ok('Revoked', ApiKey) } });
  p('get', '/api/v1/users', 'List users (admin)', { responses: { 200: ok('Users', list(User)) } });
  p('post', '/api/v1/users', 'Create a user (admin)', { request: { body: body(CreateUserSchema) }, responses: { 201: ok('Created', User) } });
  p('patch', '/api/v1/users/{id}', 'Change role, disable, or set password (admin)', { request: { params: z.object({ id: z.string() }), body: body(UpdateUserSchema) }, responses: { 200: ok('Updated', User) } });
  p('get', '/api/v1/auth/session', 'Who is calling (session or API key)', { responses: { 200: ok('The caller') } });
  // Public endpoints: no credentials needed (overrides the document-wide security requirement).
  r.registerPath({ method: 'post', path: '/api/v1/auth/session', summary: 'Sign in (sets the session cookie)', security: [], request: { body: body(LoginSchema) }, responses: { 200: ok('Signed in'), 401: ok('Wrong credentials', ErrorSchema) } });
  r.registerPath({ method: 'delete', path: '/api/v1/auth/session', summary: 'Sign out (ends the session, clears the cookie)', security: [], responses: { 204: ok('Signed out') } });
  r.registerPath({ method: 'post', path: '/api/v1/auth/setup', summary: 'First run: create the first admin', security: [], request: { body: body(SetupSchema) }, responses: { 201: ok('Created'), 409: ok('Already set up', ErrorSchema) } });
  r.registerPath({ method: 'get', path: '/api/v1/openapi.json', summary: 'This document (public)', security: [], responses: { 200: ok('OpenAPI 3.1') } });

  return new OpenApiGeneratorV31(r.definitions).generateDocument({
    openapi: '3.1.0',
    info: { title: 'Promptdeck API', version: '1', description: 'Prompt catalog and LLMOps console for Amazon Bedrock. Errors: {"error": {"code", "message", "details"?}}.' },
    servers: [{ url: '/' }],
    security: [{ apiKey: [] }],
  });
}

let doc: ReturnType<typeof build> | undefined;
export function openApiDocument() {
  doc ??= build();
  return doc;
}

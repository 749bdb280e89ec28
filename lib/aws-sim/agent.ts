import { SimConfigError } from './config';
import { ApiError, decodeLabel, page, pageOffset, parseJson, regionOf, validate } from './control';
import type { SimRequest } from './http';
import { CreatePromptSchema, CreateVersionSchema, ListPromptsQuery, SeedPromptSchema, UpdatePromptSchema, type SeedPrompt } from './prompt-schemas';
import type { PromptStore } from './prompt-store';
import type { ControlRoute } from './bedrock-control';
import { DEFAULT_REGION } from './catalog';

/**
 * Bedrock Agent, Prompt Management part (REST-JSON, `@aws-sdk/client-bedrock-agent`, HTTP/1.1):
 * CreatePrompt, GetPrompt, UpdatePrompt, DeletePrompt, ListPrompts, CreatePromptVersion.
 */

const ROUTES: [method: string, path: RegExp, operation: string][] = [
  ['POST', /^\/prompts\/?$/, 'CreatePrompt'],
  ['GET', /^\/prompts\/?$/, 'ListPrompts'],
  ['GET', /^\/prompts\/([^/]+)\/?$/, 'GetPrompt'],
  ['PUT', /^\/prompts\/([^/]+)\/?$/, 'UpdatePrompt'],
  ['DELETE', /^\/prompts\/([^/]+)\/?$/, 'DeletePrompt'],
  ['POST', /^\/prompts\/([^/]+)\/versions\/?$/, 'CreatePromptVersion'],
];

export function matchAgentRoute(req: SimRequest): ControlRoute | undefined {
  for (const [method, path, operation] of ROUTES) {
    const m = req.method === method ? path.exec(req.path) : null;
    if (m) return m[1] === undefined ? { operation } : { operation, id: decodeLabel(m[1]) };
  }
  return undefined;
}

const opts = { fieldList: true };
const VERSION = /^(DRAFT|[0-9]{1,5})$/;

function versionParam(req: SimRequest): string | undefined {
  const v = req.query.get('promptVersion') ?? undefined;
  if (v !== undefined && !VERSION.test(v)) {
    throw new ApiError(400, 'ValidationException', "1 validation error detected: Value at 'promptVersion' failed to satisfy constraint: Member must satisfy regular expression pattern: (DRAFT|[0-9]{0,4}[1-9][0-9]{0,4})", {
      fieldList: [{ name: 'promptVersion', message: 'DRAFT or a version number.' }],
    });
  }
  return v;
}

/** Answers one Prompt Management operation: [status, body]. Throws ApiError. */
export function promptManagement(store: PromptStore, req: SimRequest, route: ControlRoute): [number, unknown] {
  const id = route.id ?? '';
  switch (route.operation) {
    case 'CreatePrompt':
      return [201, store.create(validate(CreatePromptSchema, parseJson(req.body), opts), regionOf(req))];
    case 'GetPrompt':
      return [200, store.get(id, versionParam(req))];
    case 'UpdatePrompt':
      return [200, store.update(id, validate(UpdatePromptSchema, parseJson(req.body), opts))];
    case 'CreatePromptVersion':
      return [201, store.createVersion(id, validate(CreateVersionSchema, parseJson(req.body), opts))];
    case 'DeletePrompt':
      return [200, store.delete(id, versionParam(req))];
    case 'ListPrompts': {
      const q = validate(ListPromptsQuery, Object.fromEntries(req.query.entries()), opts);
      const all = store.list(q.promptIdentifier);
      const scope = `prompts:${q.promptIdentifier ?? ''}`;
      const offset = q.nextToken === undefined ? 0 : pageOffset(q.nextToken, scope);
      if (offset === undefined) throw new ApiError(400, 'ValidationException', 'The provided pagination token is invalid.', { fieldList: [{ name: 'nextToken', message: 'Invalid token.' }] });
      const p = page(all, offset, q.maxResults ?? 100, scope);
      return [200, { promptSummaries: p.items, ...(p.nextToken ? { nextToken: p.nextToken } : {}) }];
    }
    default:
      throw new ApiError(404, 'UnknownOperationException', `Operation ${route.operation} is not supported by the local AWS stand-in.`);
  }
}

/** Preloads prompts (validated like CreatePrompt); a bad seed throws SimConfigError. */
export function seedPrompts(store: PromptStore, seeds: readonly SeedPrompt[] | unknown, region = DEFAULT_REGION): void {
  if (!Array.isArray(seeds)) throw new SimConfigError('Seed prompts must be a JSON array of CreatePrompt-like objects.');
  seeds.forEach((raw: unknown, i) => {
    const parsed = SeedPromptSchema.safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new SimConfigError(`Invalid seed prompt ${i}: ${issue?.path.join('.') ?? ''}: ${issue?.message ?? ''}`);
    }
    const { versions, ...prompt } = parsed.data;
    try {
      const created = store.create(prompt, region);
      for (const v of versions ?? []) {
        if (v.variants) store.update(created.id, { ...prompt, variants: v.variants });
        store.createVersion(created.id, v.description !== undefined ? { description: v.description } : {});
      }
    } catch (err) {
      if (err instanceof ApiError) throw new SimConfigError(`Invalid seed prompt ${prompt.name}: ${err.message}`);
      throw err;
    }
  });
}

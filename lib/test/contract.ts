import Ajv2020, { type ValidateFunction } from 'ajv/dist/2020';
import addFormatsModule from 'ajv-formats';
import { openApiDocument } from '../openapi/document';

/**
 * Checks real responses against the published OpenAPI document (GET /api/v1/openapi.json):
 * the operation is found by method + path template, the status must be documented for it, and
 * the body must validate (JSON Schema 2020-12, ajv's Ajv2020 with ajv-formats) against the
 * documented schema, the document's components resolved. Objects are read strictly: a field the
 * server sends but the document does not describe is a mismatch too, so the document cannot
 * drift behind the code. (The published schemas stay open, so clients may accept new fields.)
 */
type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
type Doc = { paths: Record<string, Record<string, { responses: Record<string, { content?: Record<string, { schema: Json }> }> }>>; components: { schemas: Record<string, Json> } };

const COMPONENTS_ID = 'urn:promptdeck:components';

/** `#/components/schemas/X` -> the components schema; objects with properties get additionalProperties: false. */
function strictCopy(node: Json): Json {
  if (Array.isArray(node)) return node.map(strictCopy);
  if (node === null || typeof node !== 'object') return node;
  const out: { [k: string]: Json } = {};
  for (const [k, v] of Object.entries(node)) {
    if (k === '$ref' && typeof v === 'string' && v.startsWith('#/components/schemas/')) out[k] = `${COMPONENTS_ID}#/$defs/${v.slice('#/components/schemas/'.length)}`;
    else if (k === 'properties' && v && typeof v === 'object' && !Array.isArray(v)) out[k] = Object.fromEntries(Object.entries(v).map(([p, s]) => [p, strictCopy(s)]));
    else out[k] = strictCopy(v);
  }
  if (out.properties && out.additionalProperties === undefined && out.unevaluatedProperties === undefined) out.additionalProperties = false;
  return out;
}

// ajv-formats is CommonJS: its default export arrives as the module object in some loaders.
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as (ajv: Ajv2020) => Ajv2020;

let state: { doc: Doc; ajv: Ajv2020; compiled: Map<string, ValidateFunction>; templates: { path: string; re: RegExp; literals: number }[] } | undefined;

function init() {
  if (state) return state;
  // The document exactly as served: JSON, not the generator's objects.
  const doc = JSON.parse(JSON.stringify(openApiDocument())) as Doc;
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  addFormats(ajv);
  ajv.addSchema({ $id: COMPONENTS_ID, $defs: strictCopy(doc.components.schemas) } as object);
  const templates = Object.keys(doc.paths).map((path) => ({
    path,
    // A parameter may be empty here: tests hand route handlers paths Next would never route.
    re: new RegExp(`^${path.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\\?\{\w+\\?\}/g, '[^/]*')}$`),
    literals: path.split('/').filter((s) => s && !s.startsWith('{')).length,
  }));
  state = { doc, ajv, compiled: new Map(), templates };
  return state;
}

/** The path template of the document that a concrete path matches (most literal segments wins). */
export function documentedPath(pathname: string): string | null {
  const hits = init().templates.filter((t) => t.re.test(pathname));
  hits.sort((a, b) => b.literals - a.literals);
  return hits[0]?.path ?? null;
}

function validatorFor(key: string, schema: Json): ValidateFunction {
  const s = init();
  let v = s.compiled.get(key);
  if (!v) {
    v = s.ajv.compile(strictCopy(schema) as object);
    s.compiled.set(key, v);
  }
  return v;
}

function parseSse(text: string): { event: string; data: string }[] {
  return text
    .split(/\r?\n\r?\n/)
    .filter((b) => b.trim())
    .map((block) => {
      const lines = block.split(/\r?\n/);
      const event = lines.find((l) => l.startsWith('event:'))?.slice(6).trim() ?? 'message';
      const data = lines.filter((l) => l.startsWith('data:')).map((l) => l.slice(5).replace(/^ /, '')).join('\n');
      return { event, data };
    });
}

export interface ContractResponse {
  status: number;
  contentType: string | null;
  text: string;
}

/**
 * The mismatches between a response and the document (empty when it conforms). `undocumented`:
 * the path is deliberately not an API endpoint (the catch-all), so it must not be in the
 * document and must answer with the error schema.
 */
export function contractProblems(method: string, url: string, res: ContractResponse, opts: { undocumented?: boolean } = {}): string[] {
  const s = init();
  // The path as given (not normalised: a test may send `..` as a parameter).
  const pathname = url.split(/[?#]/)[0] ?? url;
  const template = documentedPath(pathname);
  const where = `${method.toUpperCase()} ${pathname} -> ${res.status}`;
  if (opts.undocumented) {
    if (template && s.doc.paths[template]?.[method.toLowerCase()]) return [`${where}: expected an undocumented path, but the document has ${template}`];
    return jsonProblems(`${where} (undocumented)`, 'undocumented-error', errorSchemaRef(), res.text);
  }
  if (!template) return [`${where}: no path in the OpenAPI document matches ${pathname}`];
  const op = s.doc.paths[template]?.[method.toLowerCase()];
  if (!op) return [`${where}: the document has no ${method.toUpperCase()} operation at ${template}`];
  const documented = op.responses[String(res.status)];
  if (!documented) return [`${where}: status ${res.status} is not documented for ${method.toUpperCase()} ${template} (documented: ${Object.keys(op.responses).join(', ')})`];
  const content = documented.content ?? {};
  if (!res.text) return Object.keys(content).length && res.status !== 204 && res.status !== 304 ? [`${where}: the document describes a body, the response has none`] : [];
  if (!Object.keys(content).length) return [`${where}: the response has a body, the document describes none`];
  const type = (res.contentType ?? '').split(';')[0]?.trim() ?? '';
  const media = content[type];
  if (!media) return [`${where}: content type "${type}" is not documented (documented: ${Object.keys(content).join(', ')})`];
  const key = `${method} ${template} ${res.status}`;
  // A file download (CSV, JSON Lines...): documented as text, any text conforms.
  if (type !== 'application/json' && type !== 'text/event-stream' && !type.endsWith('+json')) return [];
  if (type === 'text/event-stream') {
    const json = content['application/json']?.schema;
    return parseSse(res.text).flatMap((e, i) => {
      if (e.event === 'done' && json) return jsonProblems(`${where} event ${i} (done)`, `${key} json`, json, e.data);
      if (e.event === 'error') return jsonProblems(`${where} event ${i} (error)`, 'undocumented-error', errorSchemaRef(), e.data);
      if (e.event === 'delta') return jsonProblems(`${where} event ${i} (delta)`, 'sse-delta', { type: 'object', properties: { text: { type: 'string' } }, required: ['text'] }, e.data);
      if (e.event === 'toolCall') return jsonProblems(`${where} event ${i} (toolCall)`, 'sse-tool-call', { type: 'object', properties: { name: { type: 'string' }, input: {}, toolUseId: { type: 'string' } }, required: ['name', 'input'] }, e.data);
      return [`${where}: unexpected event "${e.event}"`];
    });
  }
  return jsonProblems(where, `${key} ${type}`, media.schema, res.text);
}

const errorSchemaRef = (): Json => ({ $ref: '#/components/schemas/Error' });

function jsonProblems(where: string, key: string, schema: Json, text: string): string[] {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return [`${where}: the body is not JSON: ${text.slice(0, 200)}`];
  }
  const validate = validatorFor(key, schema);
  if (validate(body)) return [];
  return (validate.errors ?? []).map((e) => `${where}: ${e.instancePath || '(body)'} ${e.message ?? 'is invalid'}${e.params && 'additionalProperty' in e.params ? ` (${String(e.params.additionalProperty)})` : ''}`);
}

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAwsSim, type AwsSim } from '@/lib/aws-sim';
import { createApiKey } from '@/lib/auth/api-keys';
import { createUser } from '@/lib/auth/users';
import { resetEnvCache } from '@/lib/env';
import { openApiDocument } from '@/lib/openapi/document';
import { call, startApi, type ApiEnv, type ApiResponse, type CallOptions } from '@/lib/test/api';
import { ctxFor, uniqueName } from '@/lib/test/db';
import {
  discoverRoutes,
  genericBodies,
  HOSTILE_PARAMS,
  HOSTILE_QUERY_STRINGS,
  HOSTILE_QUERY_VALUES,
  LEAF_MUTATIONS,
  mutateLeaves,
  urlOf,
  type DiscoveredRoute,
  type Method,
  type RouteFn,
} from '@/lib/test/hostile';

/**
 * Hostile input on every route under app/api/v1 and every method it exports: never a 500,
 * always the JSON error shape for a 4xx. Routes are found from the file tree.
 */
let api: ApiEnv;
let sim: AwsSim;
let routes: DiscoveredRoute[];
let token: string;
const valid: Record<string, string> = {};
const ids: Record<string, string> = {};

beforeAll(async () => {
  sim = await startAwsSim({ config: { rpm: 10_000_000, tpm: 1_000_000_000 } });
  Object.assign(process.env, sim.clientEnv, { AWS_MAX_ATTEMPTS: '1' });
  api = await startApi({ keys: false });
  resetEnvCache();
  const admin = ctxFor(api.t.db, 'admin');
  token = (await createApiKey(admin, { name: uniqueName('hostile-admin'), role: 'admin' })).key;
  routes = await discoverRoutes();
  const r = Object.fromEntries(routes.map((x) => [x.pattern, x.methods]));
  const post = async (pattern: string, params: Record<string, string>, body: unknown, method: Method = 'POST') => {
    const res = await call(r[pattern]![method]!, method, urlOf(pattern, params), { token, params, body });
    expect(res.status, `${method} ${pattern}: ${res.text}`).toBeLessThan(300);
    return res.json;
  };
  valid.name = uniqueName('hostile');
  valid.label = 'production';
  valid.version = '1';
  valid.modelId = 'amazon.nova-lite-v1:0';
  valid.dataset = uniqueName('ds');
  await post('/api/v1/prompts', {}, { name: valid.name });
  await post('/api/v1/prompts/[name]/versions', { name: valid.name }, { template: { messages: [{ role: 'user', content: 'Hi {{who}}{{#items}}-{{.}}{{/items}}' }] }, modelId: valid.modelId, labels: ['production'] });
  const ingested = await post('/api/v1/invocations', {}, { modelId: valid.modelId, promptName: valid.name, promptVersion: 1, input: { messages: [{ role: 'user', content: 'x' }] }, status: 'ok' });
  ids.invocations = ingested.ids[0];
  const feedback = await post('/api/v1/invocations/[id]/feedback', { id: ids.invocations! }, { score: -1, comment: 'bad' });
  ids['review-queue'] = feedback.reviewItemId ?? (await call(r['/api/v1/review-queue']!.GET!, 'GET', '/api/v1/review-queue', { token })).json.items[0]?.id;
  await post('/api/v1/datasets', {}, { name: valid.dataset });
  ids.examples = (await post('/api/v1/datasets/[dataset]/examples', { dataset: valid.dataset }, { items: [{ variables: { a: 'b' } }, { variables: { a: 'c' } }] })).ids[0];
  ids['api-keys'] = (await createApiKey(admin, { name: uniqueName('spare'), role: 'viewer' })).id;
  ids.users = (await createUser(admin, { name: 'Spare', email: `${uniqueName('spare')}@example.com`, password: 'spare user passphrase 42', role: 'viewer' })).id;
}, 120_000);

afterAll(async () => {
  await api?.close();
  await sim?.stop();
});

/** A valid value for each dynamic segment (`[id]` depends on the collection it is in). */
function validParams(route: DiscoveredRoute): Record<string, string> {
  const out: Record<string, string> = {};
  for (const seg of route.segments) {
    if (seg === 'id') out.id = ids[/\/([^/]+)\/\[id\]/.exec(route.pattern)?.[1] ?? ''] ?? 'unknown';
    else out[seg] = valid[seg] ?? 'x';
  }
  return out;
}

/** A valid body per route and method; the battery mutates each of its leaves. */
const SAMPLES: Record<string, unknown> = {
  'POST /api/v1/prompts': { name: 'hostile-sample', description: 'd', tags: ['t'] },
  'PATCH /api/v1/prompts/[name]': { description: 'd', tags: ['t'], archived: false },
  'POST /api/v1/prompts/[name]/versions': {
    template: { system: 'S {{who}}', messages: [{ role: 'user', content: 'Hi {{who}}' }] },
    modelId: 'amazon.nova-lite-v1:0',
    params: { temperature: 0.2, maxTokens: 10, stopSequences: ['x'] },
    commitMessage: 'c',
    labels: ['staging'],
    parentVersion: 1,
  },
  'PUT /api/v1/prompts/[name]/labels/[label]': { version: 1, expectedVersion: 1, reason: 'r' },
  'POST /api/v1/prompts/[name]/labels/[label]/rollback': { reason: 'r', expectedVersion: 1 },
  'POST /api/v1/prompts/[name]/render': { variables: { who: 'x', items: ['a', 'b'] } },
  'POST /api/v1/prompts/[name]/invoke': { variables: { who: 'x', items: ['a'] }, metadata: { userRef: 'u', tags: ['t'], extra: { a: 1 } } },
  'POST /api/v1/api-keys': { name: 'k', role: 'viewer' },
  'POST /api/v1/users': { name: 'n', email: 'hostile@example.com', password: 'a long enough passphrase', role: 'viewer' },
  'PATCH /api/v1/users/[id]': { role: 'viewer', password: 'a long enough passphrase' },
  'PUT /api/v1/metrics/quota-headroom/[modelId]': { rpm: 100, tpm: null },
  'POST /api/v1/import/bedrock-prompts': { promptIds: ['ABCDEFGHIJ'] },
  'POST /api/v1/prompts/[name]/versions/[version]/publish/bedrock': {},
  'POST /api/v1/auth/session': { email: 'nobody@example.com', password: 'wrong password' },
  'POST /api/v1/auth/setup': { name: 'n', email: 'first@example.com', password: 'a long enough passphrase' },
  'POST /api/v1/invocations': {
    modelId: 'amazon.nova-lite-v1:0',
    input: { system: 's', messages: [{ role: 'user', content: 'x' }] },
    output: { text: 'y' },
    usage: { inputTokens: 1, outputTokens: 2 },
    latencyMs: 3,
    status: 'ok',
    startedAt: '2026-01-01T00:00:00Z',
    metadata: { userRef: 'u', extra: 'e' },
  },
  'POST /api/v1/invocations/[id]/feedback': { score: 1, comment: 'c', userRef: 'u' },
  'POST /api/v1/review-queue/[id]/resolve': { category: 'other', note: 'n' },
  'POST /api/v1/review-queue/[id]/dismiss': { note: 'n' },
  'POST /api/v1/review-queue/[id]/assign': { assignee: 'me' },
  'POST /api/v1/review-queue/[id]/reopen': { expectedRevision: 1 },
  'POST /api/v1/datasets': { name: 'hostile-ds', description: 'd' },
  'POST /api/v1/datasets/[dataset]/examples': { items: [{ variables: { a: 'b', n: 1 }, expectedOutput: 'o', tags: ['t'] }] },
  'PATCH /api/v1/datasets/[dataset]': { description: 'd' },
  'PATCH /api/v1/datasets/[dataset]/examples/[id]': { variables: { a: 'x' }, expectedOutput: 'o', tags: ['t'] },
  'POST /api/v1/datasets/[dataset]/examples/from-invocations': { invocationIds: ['unknown-id'], expectedOutput: 'o', tags: ['t'] },
  'POST /api/v1/datasets/[dataset]/import': { content: 'a,expectedOutput,tags\n"x, y",o,t\n', format: 'csv', dryRun: true },
  'PUT /api/v1/settings/prices/[modelId]': { inputPerMTokUsd: 1, outputPerMTokUsd: 2 },
  'POST /api/v1/experiments': {
    prompt: 'hostile-sample',
    dataset: 'hostile-ds',
    evaluators: [{ type: 'regex', pattern: 'a+', flags: 'i', name: 'r' }, { type: 'json_field', path: 'a.b[0]' }, { type: 'json_schema', schema: { type: 'object' } }],
    params: { temperature: 0.1 },
    repetitions: 1,
    concurrency: 2,
    name: 'n',
  },
  'POST /api/v1/experiments/[id]/cancel': {},
  'POST /api/v1/deploy-requests/[id]/approve': { comment: 'looks good' },
  'POST /api/v1/deploy-requests/[id]/reject': { comment: 'not yet' },
  'POST /api/v1/prompts/[name]/deploy-requests': { label: 'production', version: 1, reason: 'r' },
  'POST /api/v1/prompts/[name]/labels/[label]/canary/promote': { expectedVersion: 1, expectedCanaryVersion: 2 },
  'PUT /api/v1/prompts/[name]/labels/[label]/canary': { version: 2, weight: 10 },
  'PUT /api/v1/prompts/[name]/labels/[label]/policy': { protected: true, approvals: 1 },
  'POST /api/v1/webhooks/[id]/test': {},
  'POST /api/v1/webhooks': { url: 'https://hooks.example.com/x', events: ['label.moved'] },
  'POST /api/v1/sweeps': { prompt: 'hostile-sample', dataset: 'hostile-ds', evaluators: [{ type: 'exact' }], grid: { temperature: [0, 1], maxTokens: [10] }, repetitions: 1 },
  'PUT /api/v1/prompts/[name]/suites/[suite]': { dataset: 'hostile-ds', evaluators: [{ type: 'contains', value: 'x' }], minPassRate: 0.5, thresholds: { contains: 0.5 }, isDefault: true },
  'POST /api/v1/prompts/[name]/suites/[suite]/runs': { label: 'production' },
};

function queryNames(route: DiscoveredRoute, method: Method): string[] {
  const doc = openApiDocument() as unknown as { paths: Record<string, Record<string, { parameters?: { in: string; name: string }[] }>> };
  const op = doc.paths[route.pattern.replace(/\[(\w+)\]/g, '{$1}')]?.[method.toLowerCase()];
  return [...new Set([...(op?.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name), ...(method === 'GET' ? ['limit', 'cursor'] : [])])];
}

interface Outcome {
  what: string;
  status: number;
  text: string;
  /** The status a route that reads a JSON body must give this body. */
  expect?: number;
}

/** What a route that takes a JSON body must answer these generic bodies with (signed in). */
const EXPECTED: Record<string, number> = {
  deepArray: 400,
  deepObject: 400,
  deepInside: 400,
  textPlain: 415,
  form: 415,
  multipart: 415,
  noContentType: 415,
  latin1: 415,
  invalidUtf8: 400,
  invalidJson: 400,
  nulKey: 400,
  surrogateKey: 400,
  tooLarge: 413,
};

async function send(fn: RouteFn, method: Method, url: string, opts: CallOptions, what: string, outcomes: Outcome[], expect?: number): Promise<void> {
  let res: ApiResponse;
  try {
    res = await call(fn, method, url, opts);
  } catch (err) {
    // What Next does with a handler that throws: a 500.
    outcomes.push({ what, status: 500, text: String(err), expect });
    return;
  }
  outcomes.push({ what, status: res.status, text: res.text.length > 20_000 ? res.text.slice(0, 20_000) : res.text, expect });
}

/** A response a hostile client may get: not a 5xx (bar a model error), and 4xx in the error shape. */
function problem(o: Outcome): string | null {
  // The readiness probe answers 503 with its checks while the job queue does not run (as here).
  if (o.status === 503 && o.what.startsWith('GET /api/v1/ready') && (JSON.parse(o.text) as { ready?: unknown }).ready === false) return null;
  if (o.status >= 500 && !(o.status === 502 && o.text.includes('"upstream_error"'))) return `${o.status}`;
  if (o.expect !== undefined && o.status !== o.expect) return `${o.status}, not ${o.expect}`;
  if (o.status >= 400) {
    try {
      const j = JSON.parse(o.text) as { error?: { code?: unknown; message?: unknown } };
      const keys = Object.keys(j);
      if (keys.length !== 1 || typeof j.error?.code !== 'string' || typeof j.error.message !== 'string') return 'not the error shape';
    } catch {
      return 'not JSON';
    }
  }
  return null;
}

describe('hostile input on every API route', () => {
  it('has a sample body for every route that takes one (so the battery reaches the service)', () => {
    const missing = routes.flatMap((r) => (['POST', 'PUT', 'PATCH'] as const).filter((m) => r.methods[m] && !SAMPLES[`${m} ${r.pattern}`]).map((m) => `${m} ${r.pattern}`));
    expect(missing).toEqual([]);
    expect(routes.length).toBeGreaterThanOrEqual(25);
  });

  it('never answers 500, and every 4xx has the error shape', async () => {
    const outcomes: Outcome[] = [];
    const generic = genericBodies();
    const started = performance.now();
    for (const route of routes) {
      for (const [m, fn] of Object.entries(route.methods) as [Method, RouteFn][]) {
        const params = validParams(route);
        const url = urlOf(route.pattern, params);
        const sample = SAMPLES[`${m} ${route.pattern}`];
        const label = `${m} ${route.pattern}`;
        const base: CallOptions = { token, params, ...(sample !== undefined ? { body: sample } : {}) };
        // path parameters
        for (const seg of route.segments) {
          for (const [k, v] of Object.entries(HOSTILE_PARAMS)) {
            const p = { ...params, [seg]: v };
            await send(fn, m, urlOf(route.pattern, p), { ...base, params: p }, `${label} [${seg}=${k}]`, outcomes);
          }
        }
        // query strings
        for (const q of queryNames(route, m)) {
          for (const [k, v] of Object.entries(HOSTILE_QUERY_VALUES)) {
            await send(fn, m, `${url}?${new URLSearchParams({ [q]: v }).toString()}`, base, `${label} ?${q}=${k}`, outcomes);
          }
        }
        for (const [k, qs] of Object.entries(HOSTILE_QUERY_STRINGS)) await send(fn, m, `${url}?${qs}`, base, `${label} ?${k}`, outcomes);
        if (m === 'GET') continue;
        // bodies, signed in and not
        for (const [k, b] of Object.entries(generic)) {
          await send(fn, m, url, { token, params, rawBody: b.body, contentType: b.contentType }, `${label} body:${k}`, outcomes, sample !== undefined ? EXPECTED[k] : undefined);
          await send(fn, m, url, { params, rawBody: b.body, contentType: b.contentType }, `${label} body:${k} (no key)`, outcomes);
        }
        if (sample === undefined) continue;
        for (const [k, v] of Object.entries(LEAF_MUTATIONS)) {
          for (const [i, body] of mutateLeaves(sample, v).entries()) await send(fn, m, url, { token, params, body }, `${label} leaf#${i}:${k}`, outcomes);
        }
      }
    }
    const failures = outcomes.map((o) => ({ o, p: problem(o) })).filter((x) => x.p !== null);
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    const wrong = failures.filter((f) => f.p !== '500').length;
    console.log(`[hostile] ${outcomes.length} requests over ${routes.length} routes in ${seconds} s; ${failures.length - wrong} answered 500, ${wrong} other wrong answers`);
    expect(failures.map((f) => `${f.o.what} -> ${f.p}: ${f.o.text.slice(0, 160)}`).slice(0, 40)).toEqual([]);
    // nothing leaked into Object.prototype
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(({} as Record<string, unknown>).role).toBeUndefined();
  }, 300_000);
});

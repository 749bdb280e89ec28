import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAwsSim, type AwsSim } from '@/lib/aws-sim';
import { bedrockClient } from '@/lib/aws-sim/testing';
import { ExperimentRateLimiter } from '@/lib/experiments/rate';
import { experimentFailedJob, experimentJob } from '@/lib/experiments/runner/job';
import { dataset, HAIKU, judgePrompt, moderationPrompt, SONNET } from '@/lib/experiments/testing/fixtures';
import { startJobQueue, stopJobQueue } from '@/lib/jobs';
import { call, expectApiError, expectFields, startApi, type ApiEnv } from '@/lib/test/api';

/** The experiment endpoints over HTTP (every answer checked against the OpenAPI document), runs executed by pg-boss. */
let api: ApiEnv;
let sim: AwsSim;
type Routes = Awaited<ReturnType<typeof load>>;
let r: Routes;
const load = async () => ({
  experiments: await import('./experiments/route'),
  experiment: await import('./experiments/[id]/route'),
  results: await import('./experiments/[id]/results/route'),
  cancel: await import('./experiments/[id]/cancel/route'),
  compare: await import('./experiments/compare/route'),
  sweeps: await import('./sweeps/route'),
  sweep: await import('./sweeps/[id]/route'),
  suites: await import('./prompts/[name]/suites/route'),
  suite: await import('./prompts/[name]/suites/[suite]/route'),
  runs: await import('./prompts/[name]/suites/[suite]/runs/route'),
  suiteResults: await import('./prompts/[name]/suite-results/route'),
});

beforeAll(async () => {
  api = await startApi();
  sim = await startAwsSim({ config: { latency: { baseMs: 2, perOutputTokenMs: 0, streamDelayMs: 0 } } });
  const runner = { client: bedrockClient(sim, { maxAttempts: 1 }), limiter: new ExperimentRateLimiter({ initialRatePerSec: 200, maxRatePerSec: 2_000 }), pollMs: 100, log: () => {} };
  await startJobQueue({ url: api.t.url, jobs: [experimentJob({ runner }), experimentFailedJob({ db: api.t.db, log: () => {} })], pollingIntervalSeconds: 0.5, maintenanceIntervalSeconds: 1, log: () => {} });
  r = await load();
});
afterAll(async () => {
  await stopJobQueue({ graceful: false });
  await sim?.stop();
  await api?.close();
});

const EVALUATORS = [{ type: 'json_field', path: 'violation' }, { type: 'json_valid' }];
const post = (body: unknown, token = api.tokens.editor) => call(r.experiments.POST, 'POST', '/api/v1/experiments', { token, body });
const get = (id: string) => call(r.experiment.GET, 'GET', `/api/v1/experiments/${id}`, { token: api.tokens.viewer, params: { id } });

async function finished(id: string, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const res = await get(id);
    if (['succeeded', 'failed', 'cancelled'].includes(res.json.status)) return res.json;
    if (Date.now() > deadline) throw new Error(`experiment ${id} still ${res.json.status}`);
    await new Promise((res) => setTimeout(res, 200));
  }
}

describe('POST /api/v1/experiments', () => {
  it('400 for bad evaluators before anything is stored; 403 for viewers; 404 for unknown datasets', async () => {
    const prompt = await moderationPrompt(api.t);
    const ds = await dataset(api.t, 3);
    const before = await api.t.db.experiment.count();
    expectFields(await post({ prompt, dataset: ds.name, evaluators: [{ type: 'sentiment' }] }), 'evaluators.0.type');
    expectFields(await post({ prompt, dataset: ds.name, evaluators: [{ type: 'regex', pattern: '(unclosed' }] }), 'evaluators.0.pattern');
    expectFields(await post({ prompt, dataset: ds.name, evaluators: [{ type: 'json_field', path: 'a..b' }] }), 'evaluators.0.path');
    expectFields(await post({ prompt, dataset: ds.name, evaluators: [{ type: 'json_schema', schema: { type: 'nonsense' } }] }), 'evaluators.0.schema');
    expectFields(await post({ prompt, dataset: ds.name, evaluators: [{ type: 'llm_judge', prompt: 'no-such-judge' }] }), 'evaluators.0.prompt');
    expectFields(await post({ prompt, dataset: ds.name, evaluators: EVALUATORS, repetitions: 9 }), 'repetitions');
    expectFields(await post({ prompt, dataset: ds.name, evaluators: EVALUATORS, label: 'production', version: 1 }), 'version');
    expect(await api.t.db.experiment.count()).toBe(before);
    expectApiError(await post({ prompt, dataset: ds.name, evaluators: EVALUATORS }, api.tokens.viewer), 403, 'forbidden');
    expectApiError(await post({ prompt, dataset: 'no-such-dataset', evaluators: EVALUATORS }), 404, 'not_found');
    const empty = await api.t.db.dataset.create({ data: { name: `empty-${Date.now()}`, createdBy: 'test' } });
    expectFields(await post({ prompt, dataset: empty.id, evaluators: EVALUATORS }), 'dataset');
  });

  it('202 queued; runs in the background to succeeded; results page with a cursor and filter failures', async () => {
    const prompt = await moderationPrompt(api.t);
    const ds = await dataset(api.t, 6);
    await api.t.db.dataset.update({ where: { id: ds.id }, data: { revision: 7 } });
    const res = await post({ prompt, dataset: ds.name, evaluators: EVALUATORS, repetitions: 2, name: 'first run' });
    expect(res.json.datasetRevision).toBe(7);
    expect(res.status).toBe(202);
    expect(res.json).toMatchObject({ status: 'queued', prompt, version: 1, modelId: HAIKU, datasetName: ds.name, name: 'first run', progress: { total: 12, done: 0, errors: 0 } });
    const e = await finished(res.json.id);
    expect(e.status).toBe('succeeded');
    expect(e.progress).toEqual({ total: 12, done: 12, errors: 0 });
    expect(e.summary.results).toBe(12);
    expect(e.startedAt).not.toBeNull();

    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const q: string = cursor ? `&cursor=${cursor}` : '';
      const page = await call(r.results.GET, 'GET', `/api/v1/experiments/${e.id}/results?limit=5${q}`, { token: api.tokens.viewer, params: { id: e.id } });
      expect(page.status).toBe(200);
      seen.push(...page.json.items.map((i: { exampleId: string; repetition: number }) => `${i.exampleId}:${i.repetition}`));
      cursor = page.json.nextCursor;
    } while (cursor);
    expect(seen).toHaveLength(12);
    expect(new Set(seen).size).toBe(12);
    // Later edits to the dataset do not change the run's results.
    await api.t.db.datasetExample.updateMany({ where: { datasetId: ds.id }, data: { expectedOutput: 'changed' } });
    const again = await call(r.results.GET, 'GET', `/api/v1/experiments/${e.id}/results?limit=1`, { token: api.tokens.viewer, params: { id: e.id } });
    expect(again.json.items[0].expectedOutput).toBe(JSON.stringify({ violation: false }));
    const failed = await call(r.results.GET, 'GET', `/api/v1/experiments/${e.id}/results?failed=true`, { token: api.tokens.viewer, params: { id: e.id } });
    expect(failed.json.items.every((i: { pass: boolean }) => i.pass === false)).toBe(true);
    expect(failed.json.items).toHaveLength(12 - e.summary.passed);

    const list = await call(r.experiments.GET, 'GET', `/api/v1/experiments?prompt=${prompt}&status=succeeded`, { token: api.tokens.viewer });
    expect(list.json.items.map((i: { id: string }) => i.id)).toEqual([e.id]);
    expectFields(await call(r.experiments.GET, 'GET', '/api/v1/experiments?status=done', { token: api.tokens.viewer }), 'status');
    expectApiError(await get('00000000-0000-7000-8000-000000000000'), 404, 'not_found');
  });

  it('cancel: 200 cancelled, then 409; editors only', async () => {
    const prompt = await moderationPrompt(api.t);
    const ds = await dataset(api.t, 40);
    sim.setConfig({ latency: { baseMs: 300, perOutputTokenMs: 0, streamDelayMs: 0 } });
    try {
      const res = await post({ prompt, dataset: ds.id, evaluators: EVALUATORS, concurrency: 1 });
      const id = res.json.id as string;
      expectApiError(await call(r.cancel.POST, 'POST', `/api/v1/experiments/${id}/cancel`, { token: api.tokens.viewer, params: { id } }), 403, 'forbidden');
      const c = await call(r.cancel.POST, 'POST', `/api/v1/experiments/${id}/cancel`, { token: api.tokens.editor, params: { id } });
      expect(c.status).toBe(200);
      expect(c.json.status).toBe('cancelled');
      expectApiError(await call(r.cancel.POST, 'POST', `/api/v1/experiments/${id}/cancel`, { token: api.tokens.editor, params: { id } }), 409, 'conflict');
      await new Promise((res) => setTimeout(res, 1_500));
      const e = await get(id);
      expect(e.json.status).toBe('cancelled');
      expect(e.json.progress.done).toBeLessThan(40);
    } finally {
      sim.setConfig({ latency: { baseMs: 2, perOutputTokenMs: 0, streamDelayMs: 0 } });
    }
  });
});

describe('GET /api/v1/experiments/compare', () => {
  it('regressed and improved examples, deltas, the exact McNemar p-value and a verdict; other dataset -> 400', async () => {
    const all = await moderationPrompt(api.t);
    const insultsOnly = await moderationPrompt(api.t, { system: 'You review comments. Flag insults and personal attacks only. Answer with JSON only: {"violation": true|false, "explanation": "..."}' });
    const ds = await dataset(api.t, 20);
    const a = await finished((await post({ prompt: all, dataset: ds.id, evaluators: EVALUATORS })).json.id);
    const b = await finished((await post({ prompt: insultsOnly, dataset: ds.id, evaluators: EVALUATORS })).json.id);
    const res = await call(r.compare.GET, 'GET', `/api/v1/experiments/compare?base=${a.id}&head=${b.id}`, { token: api.tokens.viewer });
    expect(res.status).toBe(200);
    expect(res.json.regressed.length).toBeGreaterThan(0);
    expect(res.json.regressed.length + res.json.improved.length + res.json.unchanged).toBe(20);
    expect(res.json.delta.passRate).toBeLessThan(0);
    expect(res.json.pValue).toBeGreaterThan(0);
    expect(res.json.pValue).toBeLessThanOrEqual(1);
    expect(res.json.verdictText).toMatch(/regressed/);
    expect(res.json.examples[0]).toMatchObject({ change: 'regressed', base: { pass: true }, head: { pass: false } });
    const other = await finished((await post({ prompt: all, dataset: (await dataset(api.t, 2)).id, evaluators: EVALUATORS })).json.id);
    expectFields(await call(r.compare.GET, 'GET', `/api/v1/experiments/compare?base=${a.id}&head=${other.id}`, { token: api.tokens.viewer }), 'head');
    expectFields(await call(r.compare.GET, 'GET', `/api/v1/experiments/compare?base=${a.id}`, { token: api.tokens.viewer }), 'head');
  }, 120_000);
});

describe('sweeps', () => {
  it('more than 32 cells -> 400; a 2x2 grid runs four cells and names the Pareto cells', async () => {
    const prompt = await moderationPrompt(api.t);
    const ds = await dataset(api.t, 4);
    const big = await call(r.sweeps.POST, 'POST', '/api/v1/sweeps', { token: api.tokens.editor, body: { prompt, dataset: ds.id, evaluators: EVALUATORS, grid: { temperature: [0, 0.2, 0.4, 0.6, 0.8, 1], topP: [0.2, 0.5, 0.8, 1], maxTokens: [50, 100] } } });
    expectFields(big, 'grid');
    const res = await call(r.sweeps.POST, 'POST', '/api/v1/sweeps', { token: api.tokens.editor, body: { prompt, dataset: ds.id, evaluators: EVALUATORS, grid: { modelId: [HAIKU, SONNET], temperature: [0, 1] } } });
    expect(res.status).toBe(202);
    expect(res.json.cells).toHaveLength(4);
    expect(res.json.cells.map((c: { modelId: string; params: { temperature: number } }) => `${c.modelId}@${c.params.temperature}`)).toEqual([`${HAIKU}@0`, `${HAIKU}@1`, `${SONNET}@0`, `${SONNET}@1`]);
    for (const c of res.json.cells) await finished(c.experimentId);
    const s = await call(r.sweep.GET, 'GET', `/api/v1/sweeps/${res.json.id}`, { token: api.tokens.viewer, params: { id: res.json.id } });
    expect(s.json.status).toBe('succeeded');
    expect(s.json.pareto.length).toBeGreaterThan(0);
    expect(s.json.cells.every((c: { status: string; summary: { passRate: number } }) => c.status === 'succeeded' && c.summary.passRate !== null)).toBe(true);
    const list = await call(r.sweeps.GET, 'GET', `/api/v1/sweeps?prompt=${prompt}`, { token: api.tokens.viewer });
    expect(list.json.items).toEqual([expect.objectContaining({ id: res.json.id, cells: 4 })]);
  }, 120_000);
});

describe('test suites', () => {
  it('PUT creates (201, default) and replaces (200); runs by name or `default` (the CLI path); suite results per version; DELETE', async () => {
    const prompt = await moderationPrompt(api.t);
    const judge = await judgePrompt(api.t);
    const ds = await dataset(api.t, 4);
    const path = (s: string) => `/api/v1/prompts/${prompt}/suites/${s}`;
    const put = (s: string, body: unknown, token = api.tokens.editor) => call(r.suite.PUT, 'PUT', path(s), { token, params: { name: prompt, suite: s }, body });
    const body = { dataset: ds.name, evaluators: [...EVALUATORS, { type: 'llm_judge', name: 'judge', prompt: judge }], minPassRate: 0.5, thresholds: { judge: 0.5 } };
    expectApiError(await put('smoke', body, api.tokens.viewer), 403, 'forbidden');
    expectFields(await put('smoke', { ...body, thresholds: { nobody: 0.5 } }), 'thresholds.nobody');
    expectFields(await put('Bad Name', body), 'suite');
    const created = await put('smoke', body);
    expect(created.status).toBe(201);
    expect(created.json).toMatchObject({ name: 'smoke', isDefault: true, datasetName: ds.name, minPassRate: 0.5, lastRun: null });
    expect((await put('smoke', { ...body, description: 'Moderation smoke test' })).status).toBe(200);
    expect((await put('full', { ...body, minPassRate: 0.99 })).json.isDefault).toBe(false);
    const list = await call(r.suites.GET, 'GET', `/api/v1/prompts/${prompt}/suites`, { token: api.tokens.viewer, params: { name: prompt } });
    expect(list.json.items.map((s: { name: string }) => s.name)).toEqual(['smoke', 'full']);

    const run = await call(r.runs.POST, 'POST', `${path('default')}/runs`, { token: api.tokens.editor, params: { name: prompt, suite: 'default' }, body: {} });
    expect(run.status).toBe(202);
    expect(run.json).toMatchObject({ status: 'queued', suite: 'smoke', version: 1 });
    const e = await finished(run.json.id);
    expect(e.status).toBe('succeeded');
    expect(e.summary.perEvaluator.judge.passRate).not.toBeNull();
    const byLabel = await call(r.runs.POST, 'POST', `${path('full')}/runs`, { token: api.tokens.editor, params: { name: prompt, suite: 'full' }, body: { label: 'production' } });
    expect(byLabel.json.suite).toBe('full');
    expectApiError(await call(r.runs.POST, 'POST', `${path('full')}/runs`, { token: api.tokens.editor, params: { name: prompt, suite: 'full' }, body: { label: 'nope' } }), 404, 'not_found');

    const results = await call(r.suiteResults.GET, 'GET', `/api/v1/prompts/${prompt}/suite-results`, { token: api.tokens.viewer, params: { name: prompt } });
    expect(results.json.suite).toBe('smoke');
    expect(results.json.versions).toEqual([{ version: 1, latest: expect.objectContaining({ experimentId: e.id, status: 'succeeded', passRate: e.summary.passRate }) }]);
    const one = await call(r.suite.GET, 'GET', path('smoke'), { token: api.tokens.viewer, params: { name: prompt, suite: 'smoke' } });
    expect(one.json.lastRun).toMatchObject({ experimentId: e.id });

    expect((await call(r.suite.DELETE, 'DELETE', path('smoke'), { token: api.tokens.editor, params: { name: prompt, suite: 'smoke' } })).status).toBe(204);
    expectApiError(await call(r.suite.GET, 'GET', path('smoke'), { token: api.tokens.viewer, params: { name: prompt, suite: 'smoke' } }), 404, 'not_found');
    const fallback = await call(r.suite.GET, 'GET', path('default'), { token: api.tokens.viewer, params: { name: prompt, suite: 'default' } });
    expect(fallback.json.name).toBe('full');
    expect((await get(e.id)).json.suite).toBe('smoke');
  }, 120_000);
});

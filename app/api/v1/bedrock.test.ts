import { CreateInferenceProfileCommand } from '@aws-sdk/client-bedrock';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_BEDROCK_PROMPTS, startAwsSim, type AwsSim } from '@/lib/aws-sim';
import { bedrockControlClient } from '@/lib/aws-sim/testing';
import { resetEnvCache } from '@/lib/env';
import { call, startApi, type ApiEnv } from '@/lib/test/api';
import { uniqueName } from '@/lib/test/db';
import { loadRoutes, type Routes } from '@/lib/test/routes';

/**
 * The Bedrock bundle's catalog side over HTTP: model catalog and lifecycle, quota headroom
 * (Prompt Management interop: bedrock-prompts.test.ts), with the real SDK clients reaching the stand-in,
 * including its control-plane faults (access denied, validation, throttling).
 */
let api: ApiEnv;
let r: Routes;
let sim: AwsSim;
let b: {
  models: typeof import('@/app/api/v1/models/route');
  legacy: typeof import('@/app/api/v1/models/legacy-usage/route');
  headroom: typeof import('@/app/api/v1/metrics/quota-headroom/route');
  override: typeof import('@/app/api/v1/metrics/quota-headroom/[modelId]/route');
  importer: typeof import('@/app/api/v1/import/bedrock-prompts/route');
  publish: typeof import('@/app/api/v1/prompts/[name]/versions/[version]/publish/bedrock/route');
};

const LEGACY_MODEL = 'anthropic.claude-3-haiku-20240307-v1:0';

beforeAll(async () => {
  sim = await startAwsSim({ prompts: DEMO_BEDROCK_PROMPTS });
  // One attempt: a throttled control-plane call fails at once (deterministic), as it would after retries.
  Object.assign(process.env, sim.clientEnv, { AWS_MAX_ATTEMPTS: '1' });
  api = await startApi();
  resetEnvCache();
  r = await loadRoutes();
  b = {
    models: await import('@/app/api/v1/models/route'),
    legacy: await import('@/app/api/v1/models/legacy-usage/route'),
    headroom: await import('@/app/api/v1/metrics/quota-headroom/route'),
    override: await import('@/app/api/v1/metrics/quota-headroom/[modelId]/route'),
    importer: await import('@/app/api/v1/import/bedrock-prompts/route'),
    publish: await import('@/app/api/v1/prompts/[name]/versions/[version]/publish/bedrock/route'),
  };
});
afterAll(async () => {
  await api?.close();
  await sim?.stop();
});

const faults = (patch: { deniedOperations?: string[]; controlPlaneRps?: number }) => {
  sim.setConfig({ deniedOperations: [], controlPlaneRps: 0, ...patch });
  sim.reset();
};

async function promptWith(modelId: string, template: Record<string, unknown> = { messages: [{ role: 'user', content: 'Summarize: {{text}}' }] }, labels = ['production']): Promise<string> {
  const name = uniqueName('bd');
  const token = api.tokens.deployer;
  expect((await call(r.prompts.POST, 'POST', '/api/v1/prompts', { token, body: { name, description: 'A test prompt' } })).status).toBe(201);
  const v = await call(r.versions.POST, 'POST', `/api/v1/prompts/${name}/versions`, { token, params: { name }, body: { template, modelId, labels } });
  expect(v.status, v.text).toBe(201);
  return name;
}

const getModels = (query = '', token = api.tokens.viewer) => call(b.models.GET, 'GET', `/api/v1/models${query}`, { token });

describe('GET /api/v1/models', () => {
  it('answers 502 access_denied when Bedrock denies ListFoundationModels (no catalog yet), never 500', async () => {
    faults({ deniedOperations: ['bedrock:ListFoundationModels'] });
    const res = await getModels();
    expect(res.status).toBe(502);
    expect(res.json.error).toMatchObject({ code: 'upstream_error', details: { type: 'access_denied', awsCode: 'AccessDeniedException', operation: 'ListFoundationModels' } });
    expect(res.json.error.message).toContain('ListFoundationModels');
  });

  it('answers 429 throttled when the control plane throttles', async () => {
    faults({ controlPlaneRps: 1 });
    const res = await getModels();
    expect(res.status).toBe(429);
    expect(res.json.error).toMatchObject({ code: 'throttled', details: { type: 'throttled', operation: 'ListInferenceProfiles' } });
  });

  it('lists foundation models, system and application profiles with lifecycle, prices and modalities; cached', async () => {
    faults({});
    const control = bedrockControlClient(sim);
    const profile = await control.send(
      new CreateInferenceProfileCommand({ inferenceProfileName: uniqueName('team-a'), modelSource: { copyFrom: 'arn:aws:bedrock:us-east-1::foundation-model/amazon.nova-lite-v1:0' } }),
    );
    const res = await getModels('?refresh=true');
    expect(res.status).toBe(200);
    expect(res.json.stale).toBe(false);
    const items = res.json.items as { modelId: string; kind: string; status: string; endOfLife?: string; inputPerMTokUsd?: number; modalities: { input: string[] }; routesTo?: string }[];
    expect(new Set(items.map((m) => m.kind))).toEqual(new Set(['foundation', 'inference_profile', 'application_inference_profile']));
    const haiku = items.find((m) => m.modelId === LEGACY_MODEL);
    expect(haiku).toMatchObject({ status: 'LEGACY', kind: 'foundation', inputPerMTokUsd: 0.25 });
    expect(haiku?.endOfLife).toMatch(/^2027-/);
    expect(items.find((m) => m.modelId === 'us.anthropic.claude-3-haiku-20240307-v1:0')?.status).toBe('LEGACY');
    expect(items.find((m) => m.modelId === profile.inferenceProfileArn)).toMatchObject({ kind: 'application_inference_profile', routesTo: 'amazon.nova-lite-v1:0' });
    expect(items.find((m) => m.modelId === 'amazon.nova-pro-v1:0')?.modalities.input).toContain('TEXT');
    const calls = sim.controlCalls().length;
    expect((await getModels()).status).toBe(200);
    expect(sim.controlCalls().length).toBe(calls);
  });

  it('serves the last good catalog, marked stale, when a refresh is denied', async () => {
    faults({ deniedOperations: ['bedrock:*'] });
    const res = await getModels('?refresh=true');
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ stale: true });
    expect(res.json.error).toContain('not authorized');
    faults({});
    expect((await getModels('?refresh=true')).json.stale).toBe(false);
  });

  it('rejects a bad query with 400', async () => {
    expect((await getModels('?refresh=maybe')).status).toBe(400);
  });
});

describe('GET /api/v1/models/legacy-usage', () => {
  it('lists labels that serve a LEGACY model, with the end of life; ACTIVE models are not listed', async () => {
    const legacy = await promptWith(LEGACY_MODEL);
    const active = await promptWith('amazon.nova-lite-v1:0');
    const one = await call(b.legacy.GET, 'GET', `/api/v1/models/legacy-usage?prompt=${legacy}`, { token: api.tokens.viewer });
    expect(one.status).toBe(200);
    expect(one.json.items).toEqual([expect.objectContaining({ prompt: legacy, label: 'production', version: 1, modelId: LEGACY_MODEL, modelName: 'Claude 3 Haiku' })]);
    expect(one.json.items[0].endOfLife).toMatch(/^2027-/);
    const all = await call(b.legacy.GET, 'GET', '/api/v1/models/legacy-usage', { token: api.tokens.viewer });
    const prompts = all.json.items.map((i: { prompt: string }) => i.prompt);
    expect(prompts).toContain(legacy);
    expect(prompts).not.toContain(active);
  });
});

describe('quota headroom', () => {
  it('shows the peak minute from the log and CloudWatch against Service Quotas; an admin override wins and is audited', async () => {
    faults({});
    const name = await promptWith('amazon.nova-micro-v1:0');
    for (let i = 0; i < 3; i++) {
      const inv = await call(r.invoke.POST, 'POST', `/api/v1/prompts/${name}/invoke`, { token: api.tokens.viewer, params: { name }, body: { variables: { text: `call ${i}` } } });
      expect(inv.status).toBe(200);
    }
    const res = await call(b.headroom.GET, 'GET', '/api/v1/metrics/quota-headroom?refresh=true', { token: api.tokens.viewer });
    expect(res.status).toBe(200);
    expect(res.json.warnings).toEqual([]);
    const item = res.json.items.find((i: { modelId: string }) => i.modelId === 'amazon.nova-micro-v1:0');
    expect(item).toMatchObject({ name: 'Nova Micro', status: 'ok', rpm: { quota: 600, quotaSource: 'service_quotas' }, tpm: { quota: 400_000, quotaSource: 'service_quotas' } });
    expect(item.rpm.peak).toBeGreaterThanOrEqual(3);
    expect(item.tpm.peak).toBeGreaterThan(0);
    expect(item.rpm.utilisation).toBeCloseTo(item.rpm.peak / 600, 3);

    const path = `/api/v1/metrics/quota-headroom/${encodeURIComponent('amazon.nova-micro-v1:0')}`;
    const params = { modelId: encodeURIComponent('amazon.nova-micro-v1:0') };
    expect((await call(b.override.PUT, 'PUT', path, { token: api.tokens.deployer, params, body: { rpm: 3, tpm: null } })).status).toBe(403);
    expect((await call(b.override.PUT, 'PUT', path, { token: api.tokens.admin, params, body: { rpm: 0, tpm: null } })).status).toBe(400);
    expect((await call(b.override.PUT, 'PUT', path, { token: api.tokens.admin, params, body: { rpm: 3 } })).status).toBe(400);
    const set = await call(b.override.PUT, 'PUT', path, { token: api.tokens.admin, params, body: { rpm: 3, tpm: null } });
    expect(set.status).toBe(200);
    expect(set.json).toMatchObject({ modelId: 'amazon.nova-micro-v1:0', rpm: 3, tpm: null, updatedByRef: { type: 'api_key' } });
    const after = (await call(b.headroom.GET, 'GET', '/api/v1/metrics/quota-headroom', { token: api.tokens.viewer })).json.items.find((i: { modelId: string }) => i.modelId === 'amazon.nova-micro-v1:0');
    expect(after).toMatchObject({ status: 'over', rpm: { quota: 3, quotaSource: 'override' }, tpm: { quotaSource: 'service_quotas' } });
    expect(after.rpm.utilisation).toBeGreaterThanOrEqual(1);
    const audit = await api.t.db.auditEvent.findFirst({ where: { action: 'quota_override.set', target: 'amazon.nova-micro-v1:0' } });
    expect(audit).toMatchObject({ actorType: 'api_key', details: { rpm: 3, tpm: null } });
    expect((await call(b.override.PUT, 'PUT', path, { token: api.tokens.admin, params, body: { rpm: null, tpm: null } })).status).toBe(204);
    expect((await call(b.override.PUT, 'PUT', path, { token: api.tokens.admin, params, body: { rpm: null, tpm: null } })).status).toBe(404);
  });

  it('answers with a warning, not an error, when Service Quotas denies access', async () => {
    faults({ deniedOperations: ['servicequotas:ListServiceQuotas'] });
    const res = await call(b.headroom.GET, 'GET', '/api/v1/metrics/quota-headroom?refresh=true', { token: api.tokens.viewer });
    expect(res.status).toBe(200);
    expect(res.json.warnings).toEqual([expect.objectContaining({ source: 'service_quotas', code: 'upstream_error' })]);
    faults({});
  });

  it('rejects a window longer than CloudWatch keeps minutes', async () => {
    expect((await call(b.headroom.GET, 'GET', '/api/v1/metrics/quota-headroom?hours=999', { token: api.tokens.viewer })).status).toBe(400);
  });
});

import { CreateInferenceProfileCommand, type FoundationModelSummary, type InferenceProfileSummary } from '@aws-sdk/client-bedrock';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startAwsSim, type AwsSim } from '../aws-sim';
import { bedrockControlClient } from '../aws-sim/testing';
import { AwsApiError } from './errors';
import { buildCatalog, createBedrockControlClient, createModelCatalogCache, fetchModelCatalog, findCatalogModel, listInferenceProfiles } from './models';

const HAIKU_35 = 'anthropic.claude-3-5-haiku-20241022-v1:0';
const HAIKU_3 = 'anthropic.claude-3-haiku-20240307-v1:0';

let sim: AwsSim;
beforeAll(async () => {
  sim = await startAwsSim();
});
afterAll(async () => {
  await sim.stop();
});

describe('buildCatalog (pure)', () => {
  const fm = (modelId: string, extra: Partial<FoundationModelSummary> = {}): FoundationModelSummary => ({
    modelId,
    modelArn: `arn:aws:bedrock:us-east-1::foundation-model/${modelId}`,
    modelName: modelId,
    providerName: 'Anthropic',
    inputModalities: ['TEXT'],
    outputModalities: ['TEXT'],
    responseStreamingSupported: true,
    inferenceTypesSupported: ['ON_DEMAND'],
    modelLifecycle: { status: 'ACTIVE' },
    ...extra,
  });
  const profile = (id: string, type: 'SYSTEM_DEFINED' | 'APPLICATION', regions: string[], modelId: string): InferenceProfileSummary => ({
    inferenceProfileId: id,
    inferenceProfileArn: type === 'APPLICATION' ? `arn:aws:bedrock:us-east-1:123456789012:application-inference-profile/${id}` : `arn:aws:bedrock:us-east-1:123456789012:inference-profile/${id}`,
    inferenceProfileName: `profile ${id}`,
    type,
    status: 'ACTIVE',
    models: regions.map((r) => ({ modelArn: `arn:aws:bedrock:${r}::foundation-model/${modelId}` })),
  });

  it('gives profiles their model’s lifecycle, modalities and price; app profiles know what they copy', () => {
    const eol = new Date('2027-06-30T00:00:00Z');
    const items = buildCatalog(
      [fm(HAIKU_3, { modelLifecycle: { status: 'LEGACY', endOfLifeTime: eol, legacyTime: new Date('2026-09-01T00:00:00Z') } }), fm('anthropic.other-v1:0', { inferenceTypesSupported: ['INFERENCE_PROFILE' as never] })],
      [
        profile(`us.${HAIKU_3}`, 'SYSTEM_DEFINED', ['us-east-1', 'us-west-2'], HAIKU_3),
        profile('app1', 'APPLICATION', ['us-west-2', 'us-east-1'], HAIKU_3),
        profile('app2', 'APPLICATION', ['us-east-1'], HAIKU_3),
        profile('us.unknown-v1:0', 'SYSTEM_DEFINED', ['us-east-1'], 'amazon.titan-embed-text-v2:0'),
      ],
    );
    expect(items.map((i) => [i.modelId.replace(/^arn:.*\//, 'arn/'), i.kind])).toEqual([
      ['anthropic.claude-3-haiku-20240307-v1:0', 'foundation'],
      [`us.${HAIKU_3}`, 'inference_profile'],
      ['arn/app1', 'application_inference_profile'],
      ['arn/app2', 'application_inference_profile'],
      ['anthropic.other-v1:0', 'foundation'],
    ]);
    for (const i of items.slice(0, 4)) {
      expect(i).toMatchObject({ status: 'LEGACY', endOfLife: '2027-06-30T00:00:00.000Z', legacySince: '2026-09-01T00:00:00.000Z', baseModelId: HAIKU_3, inputPerMTokUsd: 0.25, outputPerMTokUsd: 1.25, provider: 'Anthropic', streaming: true });
    }
    expect(items[2]?.routesTo).toBe(`us.${HAIKU_3}`);
    expect(items[3]?.routesTo).toBe(HAIKU_3);
    expect(items[4]).toMatchObject({ onDemand: false, status: 'ACTIVE' });
    expect(items[4]?.inputPerMTokUsd).toBeUndefined();
    expect(items[4]?.endOfLife).toBeUndefined();
  });

  it('finds the entry for a version’s model id: id, ARN, or the foundation model under an unlisted prefix', () => {
    const items = buildCatalog([fm(HAIKU_35)], [profile(`us.${HAIKU_35}`, 'SYSTEM_DEFINED', ['us-east-1'], HAIKU_35)]);
    expect(findCatalogModel(items, HAIKU_35)?.kind).toBe('foundation');
    expect(findCatalogModel(items, `arn:aws:bedrock:us-east-1::foundation-model/${HAIKU_35}`)?.modelId).toBe(HAIKU_35);
    expect(findCatalogModel(items, `arn:aws:bedrock:us-east-1:123456789012:inference-profile/us.${HAIKU_35}`)?.kind).toBe('inference_profile');
    expect(findCatalogModel(items, `eu.${HAIKU_35}`)?.modelId).toBe(HAIKU_35);
    expect(findCatalogModel(items, 'meta.unknown-v1:0')).toBeUndefined();
  });
});

describe('fetchModelCatalog through the stand-in', () => {
  it('merges text models, system profiles and application profiles, with LEGACY end-of-life dates and prices', async () => {
    const client = bedrockControlClient(sim);
    try {
      const { inferenceProfileArn } = await client.send(
        new CreateInferenceProfileCommand({ inferenceProfileName: 'catalog-app', modelSource: { copyFrom: `arn:aws:bedrock:us-east-1:123456789012:inference-profile/us.${HAIKU_35}` } }),
      );
      const items = await fetchModelCatalog(client);
      expect(items.some((i) => i.outputModalities.includes('EMBEDDING'))).toBe(false);
      expect(findCatalogModel(items, HAIKU_35)).toMatchObject({ kind: 'foundation', name: 'Claude 3.5 Haiku', provider: 'Anthropic', status: 'ACTIVE', inputPerMTokUsd: 0.8, outputPerMTokUsd: 4, onDemand: true });
      expect(findCatalogModel(items, `us.${HAIKU_35}`)).toMatchObject({ kind: 'inference_profile', name: 'US Anthropic Claude 3.5 Haiku', baseModelId: HAIKU_35, inputPerMTokUsd: 0.8 });
      expect(findCatalogModel(items, inferenceProfileArn ?? '')).toMatchObject({ kind: 'application_inference_profile', name: 'catalog-app', routesTo: `us.${HAIKU_35}`, baseModelId: HAIKU_35 });
      const legacy = items.filter((i) => i.kind === 'foundation' && i.status === 'LEGACY');
      expect(legacy.map((i) => [i.modelId, i.endOfLife])).toEqual([
        ['anthropic.claude-3-haiku-20240307-v1:0', '2027-06-30T00:00:00.000Z'],
        ['anthropic.claude-3-sonnet-20240229-v1:0', '2027-03-01T00:00:00.000Z'],
      ]);
      expect(findCatalogModel(items, `us.${HAIKU_3}`)?.status).toBe('LEGACY');
      expect(findCatalogModel(items, 'anthropic.claude-3-7-sonnet-20250219-v1:0')?.onDemand).toBe(false);
    } finally {
      client.destroy();
    }
  });

  it('follows nextToken across pages', async () => {
    const client = bedrockControlClient(sim);
    try {
      const all = await listInferenceProfiles(client, 'SYSTEM_DEFINED', 1000);
      const paged = await listInferenceProfiles(client, 'SYSTEM_DEFINED', 3);
      expect(paged.length).toBeGreaterThan(3);
      expect(paged.map((p) => p.inferenceProfileId)).toEqual(all.map((p) => p.inferenceProfileId));
    } finally {
      client.destroy();
    }
  });

  it('works with the app’s own client factory and the endpoint variables the launcher exports', async () => {
    for (const [k, v] of Object.entries(sim.clientEnv)) vi.stubEnv(k, v);
    const client = createBedrockControlClient();
    try {
      expect((await fetchModelCatalog(client)).length).toBeGreaterThan(20);
    } finally {
      client.destroy();
      vi.unstubAllEnvs();
    }
  });

  it('throws typed errors: access denied (not retried), throttled after the SDK’s retries', async () => {
    const denying = await startAwsSim({ config: { deniedOperations: ['bedrock:ListFoundationModels'] } });
    const a = bedrockControlClient(denying, { maxAttempts: 3 });
    try {
      const denied = await fetchModelCatalog(a).catch((e: unknown) => e);
      expect(denied).toBeInstanceOf(AwsApiError);
      expect(denied).toMatchObject({ kind: 'access_denied', operation: 'ListFoundationModels', httpStatus: 403, attempts: 1 });
    } finally {
      a.destroy();
      await denying.stop();
    }
    const throttling = await startAwsSim({ now: () => 1_000_000, config: { controlPlaneRps: 1 } });
    const b = bedrockControlClient(throttling, { maxAttempts: 3 });
    try {
      await listInferenceProfiles(b, 'SYSTEM_DEFINED');
      const throttled = await listInferenceProfiles(b, 'SYSTEM_DEFINED').catch((e: unknown) => e);
      expect(throttled).toMatchObject({ kind: 'throttled', awsCode: 'ThrottlingException', operation: 'ListInferenceProfiles', attempts: 3, httpStatus: 429 });
    } finally {
      b.destroy();
      await throttling.stop();
    }
  });
});

describe('the catalog cache through the stand-in', () => {
  it('loads once for concurrent readers, serves stale with the error when Bedrock starts refusing, refreshes after the TTL', async () => {
    const clock = { t: 2_000_000 };
    const own = await startAwsSim();
    const client = bedrockControlClient(own, { maxAttempts: 1 });
    const cache = createModelCatalogCache(client, { ttlMs: 60_000, errorRetryMs: 10_000, now: () => clock.t });
    const listCalls = () => own.controlCalls().filter((c) => c.operation === 'ListFoundationModels').length;
    try {
      const [a, b, c] = await Promise.all([cache.get(), cache.get(), cache.get()]);
      expect(listCalls()).toBe(1);
      expect(a.value).toBe(b.value);
      expect(c.stale).toBe(false);

      own.setConfig({ deniedOperations: ['bedrock:ListFoundationModels'] });
      clock.t += 60_000;
      const stale = await cache.get();
      expect(stale.stale).toBe(true);
      expect(stale.value).toBe(a.value);
      expect(stale.error).toMatchObject({ kind: 'access_denied' });
      expect(listCalls()).toBe(2);
      clock.t += 5_000;
      await cache.get();
      expect(listCalls()).toBe(2);

      own.setConfig({ deniedOperations: [] });
      clock.t += 5_000;
      const fresh = await cache.get();
      expect(fresh.stale).toBe(false);
      expect(listCalls()).toBe(3);
    } finally {
      client.destroy();
      await own.stop();
    }
  });

  it('with nothing cached yet, an AWS refusal is thrown', async () => {
    const own = await startAwsSim({ config: { deniedOperations: ['bedrock:*'] } });
    const client = bedrockControlClient(own);
    try {
      await expect(createModelCatalogCache(client).get()).rejects.toMatchObject({ kind: 'access_denied' });
    } finally {
      client.destroy();
      await own.stop();
    }
  });
});

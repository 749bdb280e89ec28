import { CreateInferenceProfileCommand } from '@aws-sdk/client-bedrock';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAwsSim, type AwsSim } from '../aws-sim';
import { bedrockControlClient, serviceQuotasClient } from '../aws-sim/testing';
import { fetchModelCatalog, type CatalogModel } from './models';
import { buildModelQuotas, createQuotaCache, fetchBedrockQuotas, geographyOf, listServiceQuotas, matchQuotaModel, parseQuotaName, quotaForModel } from './quotas';

const HAIKU_35 = 'anthropic.claude-3-5-haiku-20241022-v1:0';

describe('quota names (pure)', () => {
  it('parses the per-model quota names and ignores the others', () => {
    expect(parseQuotaName('On-demand model inference requests per minute for Anthropic Claude 3.5 Haiku')).toEqual({ scope: 'on_demand', metric: 'rpm', modelName: 'Anthropic Claude 3.5 Haiku' });
    expect(parseQuotaName('Cross-region model inference tokens per minute for Meta Llama 3.1 70B Instruct')).toEqual({ scope: 'cross_region', metric: 'tpm', modelName: 'Meta Llama 3.1 70B Instruct' });
    expect(parseQuotaName('Global cross-region model inference requests per minute for Anthropic Claude Sonnet 4 V1')?.scope).toBe('global_cross_region');
    expect(parseQuotaName('Custom models per account')).toBeUndefined();
    expect(parseQuotaName('Model invocation max tokens per day for Anthropic Claude Sonnet 4 V1')).toBeUndefined();
  });

  const models = [
    { modelId: 'anthropic.claude-3-5-sonnet-20240620-v1:0', name: 'Claude 3.5 Sonnet', provider: 'Anthropic' },
    { modelId: 'anthropic.claude-3-5-sonnet-20241022-v2:0', name: 'Claude 3.5 Sonnet v2', provider: 'Anthropic' },
    { modelId: 'anthropic.claude-3-7-sonnet-20250219-v1:0', name: 'Claude 3.7 Sonnet', provider: 'Anthropic' },
    { modelId: 'mistral.mistral-large-2407-v1:0', name: 'Mistral Large (24.07)', provider: 'Mistral AI' },
    { modelId: 'cohere.command-r-v1:0', name: 'Command R', provider: 'Cohere' },
    { modelId: 'cohere.command-r-plus-v1:0', name: 'Command R+', provider: 'Cohere' },
    { modelId: 'twin.a-v1:0', name: 'Twin', provider: 'Twin' },
    { modelId: 'twin.b-v1:0', name: 'Twin', provider: 'Twin' },
  ];

  it.each([
    ['Anthropic Claude 3.5 Sonnet', ['anthropic.claude-3-5-sonnet-20240620-v1:0']],
    ['Anthropic Claude 3.5 Sonnet V2', ['anthropic.claude-3-5-sonnet-20241022-v2:0']],
    ['Anthropic Claude 3.7 Sonnet V1', ['anthropic.claude-3-7-sonnet-20250219-v1:0']],
    ['Claude 3.7 Sonnet', ['anthropic.claude-3-7-sonnet-20250219-v1:0']],
    ['Mistral AI Mistral Large 2407', ['mistral.mistral-large-2407-v1:0']],
    ['Mistral Large (24.07)', ['mistral.mistral-large-2407-v1:0']],
    ['Cohere Command R', ['cohere.command-r-v1:0']],
    ['Cohere Command R+', ['cohere.command-r-plus-v1:0']],
    ['Cohere Command R Plus', ['cohere.command-r-plus-v1:0']],
    ['Twin', ['twin.a-v1:0', 'twin.b-v1:0']],
    ['Some Future Model', []],
  ])('"%s" -> %j', (name, ids) => {
    expect(matchQuotaModel(name, models)).toEqual(ids);
  });

  it('groups rpm and tpm per model id and scope, and reports what it could not place', () => {
    const q = (QuotaName: string, Value: number, QuotaCode = `L-${QuotaName.length}${Value}`) => ({ QuotaName, Value, QuotaCode, Adjustable: true });
    const out = buildModelQuotas(
      [
        q('On-demand model inference requests per minute for Anthropic Claude 3.5 Sonnet', 50),
        q('On-demand model inference tokens per minute for Anthropic Claude 3.5 Sonnet', 400_000),
        q('Cross-region model inference requests per minute for Anthropic Claude 3.5 Sonnet', 100),
        q('Global cross-region model inference tokens per minute for Anthropic Claude 3.7 Sonnet V1', 1_000_000),
        q('Custom models per account', 100),
        q('On-demand model inference requests per minute for Twin', 1),
        q('On-demand model inference requests per minute for Some Future Model', 1),
      ],
      models,
      'eu-west-1',
    );
    expect(out.items).toEqual([
      expect.objectContaining({ modelId: 'anthropic.claude-3-5-sonnet-20240620-v1:0', scope: 'on_demand', rpm: 50, tpm: 400_000, adjustable: true }),
      expect.objectContaining({ modelId: 'eu.anthropic.claude-3-5-sonnet-20240620-v1:0', scope: 'cross_region', rpm: 100, tpm: null }),
      expect.objectContaining({ modelId: 'global.anthropic.claude-3-7-sonnet-20250219-v1:0', scope: 'global_cross_region', rpm: null, tpm: 1_000_000 }),
    ]);
    expect(out.unmatched.map((u) => u.reason)).toEqual(['not_per_model', 'ambiguous_model', 'unknown_model']);
    expect(geographyOf('us-west-2')).toBe('us');
    expect(geographyOf('ap-southeast-2')).toBe('apac');
    expect(geographyOf('sa-east-1')).toBeUndefined();
  });
});

describe('Bedrock quotas through the stand-in', () => {
  let sim: AwsSim;
  let catalog: CatalogModel[];
  beforeAll(async () => {
    sim = await startAwsSim({ config: { rpm: 600, tpm: 400_000, modelQuotas: { [HAIKU_35]: { rpm: 20, tpm: 50_000 } } } });
    const c = bedrockControlClient(sim);
    try {
      await c.send(new CreateInferenceProfileCommand({ inferenceProfileName: 'quota-app', modelSource: { copyFrom: `arn:aws:bedrock:us-east-1::foundation-model/${HAIKU_35}` } }));
      catalog = await fetchModelCatalog(c);
    } finally {
      c.destroy();
    }
  });
  afterAll(async () => {
    await sim.stop();
  });

  it('maps every per-model quota the stand-in lists to a catalog model, with the configured values', async () => {
    const client = serviceQuotasClient(sim);
    try {
      const quotas = await fetchBedrockQuotas(client, catalog, { pageSize: 9 });
      expect(quotas.region).toBe('us-east-1');
      expect(quotas.unmatched.map((u) => u.quotaName).sort()).toEqual(['Custom models per account', 'Model units no-commitment Provisioned Throughputs across base models']);
      expect(quotas.items.find((q) => q.modelId === HAIKU_35)).toMatchObject({ scope: 'on_demand', rpm: 20, tpm: 50_000, adjustable: true });
      expect(quotas.items.find((q) => q.modelId === `us.${HAIKU_35}`)).toMatchObject({ scope: 'cross_region', rpm: 20, tpm: 50_000 });
      expect(quotas.items.find((q) => q.modelId === 'global.anthropic.claude-sonnet-4-20250514-v1:0')).toMatchObject({ rpm: 600, tpm: 400_000 });
      expect(quotas.items.find((q) => q.modelId === 'mistral.mistral-large-2407-v1:0')).toBeDefined();
      expect(quotas.items.find((q) => q.modelId === 'cohere.command-r-plus-v1:0')).toBeDefined();
      expect(quotas.items.every((q) => q.rpm !== null && q.tpm !== null && q.rpmQuotaCode && q.tpmQuotaCode)).toBe(true);
      // An application profile runs under the quota of what it copies.
      const app = catalog.find((m) => m.kind === 'application_inference_profile');
      expect(quotaForModel(quotas, app?.modelId ?? '', catalog)?.modelId).toBe(HAIKU_35);
      expect(quotaForModel(quotas, `arn:aws:bedrock:us-east-1::foundation-model/${HAIKU_35}`, catalog)?.rpm).toBe(20);
      expect(quotaForModel(quotas, 'meta.none-v1:0', catalog)).toBeUndefined();
    } finally {
      client.destroy();
    }
  });

  it('reads the cross-region quotas of the client’s region', async () => {
    const client = serviceQuotasClient(sim, { region: 'eu-central-1' });
    try {
      const quotas = await fetchBedrockQuotas(client, catalog);
      expect(quotas.region).toBe('eu-central-1');
      expect(quotas.items.some((q) => q.modelId === 'eu.amazon.nova-lite-v1:0')).toBe(true);
      expect(quotas.items.some((q) => q.modelId.startsWith('us.'))).toBe(false);
    } finally {
      client.destroy();
    }
  });

  it('throws typed errors (access denied, throttled, not found) and caches with single flight', async () => {
    const own = await startAwsSim({ now: () => 7_000_000, config: { deniedOperations: ['servicequotas:ListServiceQuotas'] } });
    const client = serviceQuotasClient(own, { maxAttempts: 2 });
    try {
      await expect(listServiceQuotas(client)).rejects.toMatchObject({ kind: 'access_denied', operation: 'ListServiceQuotas' });
      own.setConfig({ deniedOperations: [] });
      await expect(listServiceQuotas(client, 'ec2')).rejects.toMatchObject({ kind: 'not_found', awsCode: 'NoSuchResourceException' });
      own.setConfig({ controlPlaneRps: 1 });
      const cache = createQuotaCache(client, async () => catalog, { ttlMs: 60_000 });
      const [a, b] = await Promise.all([cache.get(), cache.get()]);
      expect(a.value).toBe(b.value);
      await expect(listServiceQuotas(client)).rejects.toMatchObject({ kind: 'throttled', awsCode: 'TooManyRequestsException', attempts: 2 });
      expect((await cache.get()).stale).toBe(false);
    } finally {
      client.destroy();
      await own.stop();
    }
  });
});

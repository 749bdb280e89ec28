import { ConverseCommand, ThrottlingException as RuntimeThrottling } from '@aws-sdk/client-bedrock-runtime';
import {
  AccessDeniedException,
  GetAWSDefaultServiceQuotaCommand,
  GetServiceQuotaCommand,
  IllegalArgumentException,
  InvalidPaginationTokenException,
  ListAWSDefaultServiceQuotasCommand,
  ListServiceQuotasCommand,
  NoSuchResourceException,
  paginateListServiceQuotas,
  TooManyRequestsException,
  type ServiceQuota,
  type ServiceQuotasClient,
} from '@aws-sdk/client-service-quotas';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAwsSim, type AwsSim } from './index';
import { bedrockClient, serviceQuotasClient } from './testing';

const HAIKU_35 = 'anthropic.claude-3-5-haiku-20241022-v1:0';

let sim: AwsSim;
let client: ServiceQuotasClient;
beforeAll(async () => {
  sim = await startAwsSim({
    config: { rpm: 600, tpm: 400_000, modelQuotas: { [HAIKU_35]: { rpm: 50 }, [`us.${HAIKU_35}`]: { tpm: 800_000 } } },
  });
  client = serviceQuotasClient(sim);
});
afterAll(async () => {
  client.destroy();
  await sim.stop();
});

async function all(c: ServiceQuotasClient, pageSize: number): Promise<ServiceQuota[]> {
  const out: ServiceQuota[] = [];
  for await (const p of paginateListServiceQuotas({ client: c, pageSize }, { ServiceCode: 'bedrock' })) out.push(...(p.Quotas ?? []));
  return out;
}

async function failure<T extends Error>(p: Promise<unknown>, type: new (...args: never[]) => T): Promise<T & { $metadata: { httpStatusCode?: number; attempts?: number } }> {
  const err = await p.then(
    () => new Error('expected the call to fail'),
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(type);
  return err as T & { $metadata: { httpStatusCode?: number; attempts?: number } };
}

const byName = (quotas: ServiceQuota[], name: string) => quotas.find((q) => q.QuotaName === name);

describe('ListServiceQuotas (ServiceCode bedrock)', () => {
  it('reports per-model requests and tokens per minute with the configured values, overrides applied', async () => {
    const quotas = await all(client, 100);
    const rpm = byName(quotas, 'On-demand model inference requests per minute for Anthropic Claude 3.5 Haiku');
    expect(rpm).toMatchObject({ ServiceCode: 'bedrock', ServiceName: 'Amazon Bedrock', Value: 50, Unit: 'None', Adjustable: true, GlobalQuota: false, QuotaAppliedAtLevel: 'ACCOUNT' });
    expect(rpm?.QuotaCode).toMatch(/^L-[0-9A-F]{8}$/);
    expect(rpm?.QuotaArn).toBe(`arn:aws:servicequotas:us-east-1:123456789012:bedrock/${rpm?.QuotaCode}`);
    expect(byName(quotas, 'On-demand model inference tokens per minute for Anthropic Claude 3.5 Haiku')?.Value).toBe(400_000);
    // The us. profile has its own bucket and its own override (which replaces the base model's).
    expect(byName(quotas, 'Cross-region model inference tokens per minute for Anthropic Claude 3.5 Haiku')?.Value).toBe(800_000);
    expect(byName(quotas, 'Cross-region model inference requests per minute for Anthropic Claude 3.5 Haiku')?.Value).toBe(600);
    expect(byName(quotas, 'Global cross-region model inference requests per minute for Anthropic Claude Sonnet 4 V1')?.Value).toBe(600);
    // Inference-profile-only models have no on-demand quota; embeddings and image models none here.
    expect(byName(quotas, 'On-demand model inference requests per minute for Anthropic Claude 3.7 Sonnet V1')).toBeUndefined();
    expect(byName(quotas, 'Cross-region model inference requests per minute for Anthropic Claude 3.7 Sonnet V1')).toBeDefined();
    expect(quotas.some((q) => q.QuotaName === 'Custom models per account')).toBe(true);
    expect(new Set(quotas.map((q) => q.QuotaCode)).size).toBe(quotas.length);
  });

  it('pages with MaxResults and NextToken; a foreign token is InvalidPaginationTokenException', async () => {
    const whole = await all(client, 100);
    const paged = await all(client, 7);
    expect(paged.map((q) => q.QuotaCode)).toEqual(whole.map((q) => q.QuotaCode));
    const first = await client.send(new ListServiceQuotasCommand({ ServiceCode: 'bedrock', MaxResults: 7 }));
    expect(first.Quotas).toHaveLength(7);
    await failure(client.send(new ListServiceQuotasCommand({ ServiceCode: 'bedrock', NextToken: 'bogus' })), InvalidPaginationTokenException);
    await failure(client.send(new ListServiceQuotasCommand({ ServiceCode: 'bedrock', MaxResults: 500 })), IllegalArgumentException);
  });

  it('lists AWS defaults without the per-model overrides; Get/GetAWSDefault read one quota by code', async () => {
    const defaults: ServiceQuota[] = (await client.send(new ListAWSDefaultServiceQuotasCommand({ ServiceCode: 'bedrock' }))).Quotas ?? [];
    const name = 'On-demand model inference requests per minute for Anthropic Claude 3.5 Haiku';
    const code = byName(defaults, name)?.QuotaCode ?? '';
    expect(byName(defaults, name)?.Value).toBe(600);
    const applied = await client.send(new GetServiceQuotaCommand({ ServiceCode: 'bedrock', QuotaCode: code }));
    expect(applied.Quota).toMatchObject({ QuotaName: name, Value: 50 });
    const def = await client.send(new GetAWSDefaultServiceQuotaCommand({ ServiceCode: 'bedrock', QuotaCode: code }));
    expect(def.Quota?.Value).toBe(600);
    const missing = await failure(client.send(new GetServiceQuotaCommand({ ServiceCode: 'bedrock', QuotaCode: 'L-00000000' })), NoSuchResourceException);
    expect(missing.$metadata.httpStatusCode).toBe(404);
    const other = await failure(client.send(new ListServiceQuotasCommand({ ServiceCode: 'ec2' })), NoSuchResourceException);
    expect(other.message).toMatch(/only ServiceCode "bedrock"/);
  });

  it('names the cross-region quotas of the caller geography', async () => {
    const eu = serviceQuotasClient(sim, { region: 'eu-west-1' });
    try {
      const quotas = await all(eu, 100);
      expect(byName(quotas, 'Cross-region model inference requests per minute for Amazon Nova Lite')).toBeDefined();
      // Claude 3.5 Haiku has only a US profile.
      expect(byName(quotas, 'Cross-region model inference requests per minute for Anthropic Claude 3.5 Haiku')).toBeUndefined();
      expect(quotas[0]?.QuotaArn).toMatch(/^arn:aws:servicequotas:eu-west-1:/);
    } finally {
      eu.destroy();
    }
  });
});

describe('what Service Quotas reports is what Converse enforces', () => {
  it('a model with a 2 RPM quota is throttled on the third call in a minute', async () => {
    const own = await startAwsSim({ config: { modelQuotas: { 'amazon.nova-micro-v1:0': { rpm: 2 } } } });
    const sq = serviceQuotasClient(own);
    const runtime = bedrockClient(own, { maxAttempts: 1 });
    try {
      const quotas = await all(sq, 100);
      const rpm = byName(quotas, 'On-demand model inference requests per minute for Amazon Nova Micro')?.Value ?? 0;
      expect(rpm).toBe(2);
      // A base-model override also covers its cross-region profile's own bucket.
      expect(byName(quotas, 'Cross-region model inference requests per minute for Amazon Nova Micro')?.Value).toBe(2);
      const call = () => runtime.send(new ConverseCommand({ modelId: 'amazon.nova-micro-v1:0', messages: [{ role: 'user', content: [{ text: 'hi' }] }] }));
      for (let i = 0; i < rpm; i++) await call();
      await failure(call(), RuntimeThrottling);
    } finally {
      sq.destroy();
      runtime.destroy();
      await own.stop();
    }
  });
});

describe('Service Quotas faults', () => {
  it('denies operations named in deniedOperations (servicequotas:*) with AccessDeniedException', async () => {
    const own = await startAwsSim({ config: { deniedOperations: ['servicequotas:*'] } });
    const sq = serviceQuotasClient(own);
    try {
      const err = await failure(sq.send(new ListServiceQuotasCommand({ ServiceCode: 'bedrock' })), AccessDeniedException);
      expect(err.$metadata.httpStatusCode).toBe(403);
      expect(err.message).toMatch(/servicequotas:ListServiceQuotas/);
    } finally {
      sq.destroy();
      await own.stop();
    }
  });

  it('throttles with TooManyRequestsException, which the SDK retries', async () => {
    const clock = { t: 5_000_000 };
    const own = await startAwsSim({ now: () => clock.t, config: { controlPlaneRps: 1 } });
    const sq = serviceQuotasClient(own, { maxAttempts: 2 });
    try {
      await sq.send(new ListServiceQuotasCommand({ ServiceCode: 'bedrock' }));
      const err = await failure(sq.send(new ListServiceQuotasCommand({ ServiceCode: 'bedrock' })), TooManyRequestsException);
      expect(err.$metadata.attempts).toBe(2);
      expect(own.controlCalls().filter((c) => c.errorType === 'TooManyRequestsException')).toHaveLength(2);
    } finally {
      sq.destroy();
      await own.stop();
    }
  });
});

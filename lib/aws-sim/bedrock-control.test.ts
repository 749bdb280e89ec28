import {
  AccessDeniedException,
  BedrockServiceException,
  ConflictException,
  CreateInferenceProfileCommand,
  DeleteInferenceProfileCommand,
  GetFoundationModelCommand,
  GetInferenceProfileCommand,
  ListFoundationModelsCommand,
  ListInferenceProfilesCommand,
  paginateListInferenceProfiles,
  ResourceNotFoundException,
  ThrottlingException,
  ValidationException,
  type BedrockClient,
} from '@aws-sdk/client-bedrock';
import { ConverseCommand, ThrottlingException as RuntimeThrottling, ValidationException as RuntimeValidation } from '@aws-sdk/client-bedrock-runtime';
import { BedrockAgentClient, ListPromptsCommand } from '@aws-sdk/client-bedrock-agent';
import { ListServiceQuotasCommand, ServiceQuotasClient } from '@aws-sdk/client-service-quotas';
import { BedrockClient as PlainBedrockClient } from '@aws-sdk/client-bedrock';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startAwsSim, type AwsSim } from './index';
import { bedrockClient, bedrockControlClient } from './testing';

const HAIKU_35 = 'anthropic.claude-3-5-haiku-20241022-v1:0';
const fmArn = (id: string, region = 'us-east-1') => `arn:aws:bedrock:${region}::foundation-model/${id}`;

let sim: AwsSim;
let client: BedrockClient;
beforeAll(async () => {
  sim = await startAwsSim();
  client = bedrockControlClient(sim);
});
afterAll(async () => {
  client.destroy();
  await sim.stop();
});

async function failure<T extends Error>(p: Promise<unknown>, type: new (...args: never[]) => T): Promise<T & { $metadata: { httpStatusCode?: number; attempts?: number } }> {
  const err = await p.then(
    () => new Error('expected the call to fail'),
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(type);
  return err as T & { $metadata: { httpStatusCode?: number; attempts?: number } };
}

describe('ListFoundationModels / GetFoundationModel', () => {
  it('lists the built-in catalog with modalities, inference types and lifecycle (LEGACY with dates)', async () => {
    const out = await client.send(new ListFoundationModelsCommand({}));
    const models = out.modelSummaries ?? [];
    expect(models.length).toBeGreaterThanOrEqual(20);
    const haiku = models.find((m) => m.modelId === HAIKU_35);
    expect(haiku).toMatchObject({
      modelArn: fmArn(HAIKU_35),
      modelName: 'Claude 3.5 Haiku',
      providerName: 'Anthropic',
      inputModalities: ['TEXT'],
      outputModalities: ['TEXT'],
      responseStreamingSupported: true,
      inferenceTypesSupported: ['ON_DEMAND', 'INFERENCE_PROFILE'],
      modelLifecycle: { status: 'ACTIVE' },
    });
    const legacy = models.filter((m) => m.modelLifecycle?.status === 'LEGACY');
    expect(legacy.map((m) => m.modelId).sort()).toEqual(['anthropic.claude-3-haiku-20240307-v1:0', 'anthropic.claude-3-sonnet-20240229-v1:0']);
    expect(legacy[0]?.modelLifecycle?.endOfLifeTime).toBeInstanceOf(Date);
    expect(legacy.find((m) => m.modelId?.includes('3-haiku'))?.modelLifecycle?.endOfLifeTime?.toISOString()).toBe('2027-06-30T00:00:00.000Z');
  });

  it('filters by provider (name or id prefix, any case), output modality, inference type and customization', async () => {
    const byProvider = await client.send(new ListFoundationModelsCommand({ byProvider: 'anthropic' }));
    expect(byProvider.modelSummaries?.every((m) => m.providerName === 'Anthropic')).toBe(true);
    expect(byProvider.modelSummaries?.length).toBe(8);
    const mistral = await client.send(new ListFoundationModelsCommand({ byProvider: 'Mistral AI' }));
    expect(mistral.modelSummaries?.map((m) => m.modelId)).toEqual(['mistral.mistral-large-2407-v1:0']);
    const text = await client.send(new ListFoundationModelsCommand({ byOutputModality: 'TEXT' }));
    const ids = text.modelSummaries?.map((m) => m.modelId) ?? [];
    expect(ids).not.toContain('amazon.titan-embed-text-v2:0');
    expect(ids).not.toContain('amazon.nova-canvas-v1:0');
    const onDemand = await client.send(new ListFoundationModelsCommand({ byInferenceType: 'ON_DEMAND' }));
    expect(onDemand.modelSummaries?.map((m) => m.modelId)).not.toContain('anthropic.claude-3-7-sonnet-20250219-v1:0');
    const tunable = await client.send(new ListFoundationModelsCommand({ byCustomizationType: 'FINE_TUNING' }));
    expect(tunable.modelSummaries?.every((m) => m.customizationsSupported?.includes('FINE_TUNING'))).toBe(true);
    const err = await failure(client.send(new ListFoundationModelsCommand({ byOutputModality: 'AUDIO' as never })), ValidationException);
    expect(err.message).toMatch(/byOutputModality.*enum value set/);
    expect(err.$metadata.httpStatusCode).toBe(400);
  });

  it('gets one model by id or ARN; an unknown one is ResourceNotFoundException', async () => {
    const a = await client.send(new GetFoundationModelCommand({ modelIdentifier: HAIKU_35 }));
    const b = await client.send(new GetFoundationModelCommand({ modelIdentifier: fmArn(HAIKU_35) }));
    expect(a.modelDetails?.modelName).toBe('Claude 3.5 Haiku');
    expect(b.modelDetails).toEqual(a.modelDetails);
    const err = await failure(client.send(new GetFoundationModelCommand({ modelIdentifier: 'anthropic.claude-9-v1:0' })), ResourceNotFoundException);
    expect(err.$metadata.httpStatusCode).toBe(404);
  });

  it('applies lifecycle overrides from the configuration', async () => {
    const own = await startAwsSim({ config: { modelLifecycle: { [HAIKU_35]: { status: 'LEGACY', endOfLifeTime: '2027-09-01T00:00:00Z' } } } });
    const c = bedrockControlClient(own);
    try {
      const out = await c.send(new GetFoundationModelCommand({ modelIdentifier: HAIKU_35 }));
      expect(out.modelDetails?.modelLifecycle?.status).toBe('LEGACY');
      expect(out.modelDetails?.modelLifecycle?.endOfLifeTime?.toISOString()).toBe('2027-09-01T00:00:00.000Z');
      expect(out.modelDetails?.modelLifecycle?.startOfLifeTime?.toISOString()).toBe('2024-11-04T00:00:00.000Z');
    } finally {
      c.destroy();
      await own.stop();
    }
  });
});

describe('ListInferenceProfiles / GetInferenceProfile', () => {
  it("lists only system-defined profiles by default, for the caller's geography and global", async () => {
    const out = await client.send(new ListInferenceProfilesCommand({}));
    const ids = out.inferenceProfileSummaries?.map((p) => p.inferenceProfileId ?? '') ?? [];
    expect(ids).toContain(`us.${HAIKU_35}`);
    expect(ids).toContain('global.anthropic.claude-sonnet-4-20250514-v1:0');
    expect(ids.every((id) => id.startsWith('us.') || id.startsWith('global.'))).toBe(true);
    const p = out.inferenceProfileSummaries?.find((s) => s.inferenceProfileId === `us.${HAIKU_35}`);
    expect(p).toMatchObject({
      inferenceProfileName: 'US Anthropic Claude 3.5 Haiku',
      inferenceProfileArn: `arn:aws:bedrock:us-east-1:123456789012:inference-profile/us.${HAIKU_35}`,
      status: 'ACTIVE',
      type: 'SYSTEM_DEFINED',
    });
    expect(p?.models?.map((m) => m.modelArn)).toEqual(['us-east-1', 'us-east-2', 'us-west-2'].map((r) => fmArn(HAIKU_35, r)));

    const eu = bedrockControlClient(sim, { region: 'eu-west-1' });
    try {
      const euIds = (await eu.send(new ListInferenceProfilesCommand({}))).inferenceProfileSummaries?.map((s) => s.inferenceProfileId ?? '') ?? [];
      expect(euIds).toContain('eu.amazon.nova-lite-v1:0');
      expect(euIds.every((id) => id.startsWith('eu.') || id.startsWith('global.'))).toBe(true);
    } finally {
      eu.destroy();
    }
  });

  it('pages with maxResults and nextToken (the SDK paginator sees every profile once)', async () => {
    const all = (await client.send(new ListInferenceProfilesCommand({ maxResults: 1000 }))).inferenceProfileSummaries ?? [];
    const first = await client.send(new ListInferenceProfilesCommand({ maxResults: 4 }));
    expect(first.inferenceProfileSummaries).toHaveLength(4);
    expect(first.nextToken).toBeTruthy();
    const seen: string[] = [];
    for await (const pageOut of paginateListInferenceProfiles({ client, pageSize: 4 }, {})) {
      seen.push(...(pageOut.inferenceProfileSummaries ?? []).map((s) => s.inferenceProfileId ?? ''));
    }
    expect(seen).toEqual(all.map((s) => s.inferenceProfileId));
    expect(new Set(seen).size).toBe(seen.length);
    await failure(client.send(new ListInferenceProfilesCommand({ nextToken: 'not-a-token' })), ValidationException);
    await failure(client.send(new ListInferenceProfilesCommand({ maxResults: 0 })), ValidationException);
  });

  it('gets a system profile by id or ARN; unknown ids are ResourceNotFoundException', async () => {
    const id = 'us.amazon.nova-pro-v1:0';
    const byId = await client.send(new GetInferenceProfileCommand({ inferenceProfileIdentifier: id }));
    const byArn = await client.send(new GetInferenceProfileCommand({ inferenceProfileIdentifier: byId.inferenceProfileArn }));
    expect(byArn.inferenceProfileName).toBe('US Amazon Nova Pro');
    await failure(client.send(new GetInferenceProfileCommand({ inferenceProfileIdentifier: 'us.nothing.here-v1:0' })), ResourceNotFoundException);
  });
});

describe('application inference profiles', () => {
  it('creates, lists, gets and deletes one; Converse accepts its ARN and routes it to the copied model', async () => {
    const created = await client.send(
      new CreateInferenceProfileCommand({ inferenceProfileName: 'checkout-team', description: 'Cost for checkout', modelSource: { copyFrom: fmArn(HAIKU_35) }, tags: [{ key: 'team', value: 'checkout' }] }),
    );
    expect(created.$metadata.httpStatusCode).toBe(201);
    expect(created.status).toBe('ACTIVE');
    const arn = created.inferenceProfileArn ?? '';
    expect(arn).toMatch(/^arn:aws:bedrock:us-east-1:123456789012:application-inference-profile\/[a-z0-9]{12}$/);

    const listed = await client.send(new ListInferenceProfilesCommand({ typeEquals: 'APPLICATION' }));
    expect(listed.inferenceProfileSummaries?.map((s) => s.inferenceProfileArn)).toContain(arn);
    const got = await client.send(new GetInferenceProfileCommand({ inferenceProfileIdentifier: arn }));
    expect(got).toMatchObject({ inferenceProfileName: 'checkout-team', type: 'APPLICATION', description: 'Cost for checkout', models: [{ modelArn: fmArn(HAIKU_35) }] });
    expect(got.createdAt).toBeInstanceOf(Date);

    const runtime = bedrockClient(sim);
    try {
      const input = { messages: [{ role: 'user' as const, content: [{ text: 'Which shipping options do you offer?' }] }] };
      const viaProfile = await runtime.send(new ConverseCommand({ modelId: arn, ...input }));
      const direct = await runtime.send(new ConverseCommand({ modelId: HAIKU_35, ...input }));
      expect(viaProfile.output?.message?.content?.[0]?.text).toBe(direct.output?.message?.content?.[0]?.text);
      expect(sim.calls().find((c) => c.requestId === viaProfile.$metadata.requestId)?.modelId).toBe(arn);

      await client.send(new DeleteInferenceProfileCommand({ inferenceProfileIdentifier: arn }));
      await failure(client.send(new GetInferenceProfileCommand({ inferenceProfileIdentifier: arn })), ResourceNotFoundException);
      const gone = await failure(runtime.send(new ConverseCommand({ modelId: arn, ...input })), RuntimeValidation);
      expect(gone.message).toBe('The provided model identifier is invalid.');
    } finally {
      runtime.destroy();
    }
  });

  it("shares the quota of what it copies (a system profile's), not its own", async () => {
    const own = await startAwsSim({ config: { modelQuotas: { 'us.amazon.nova-micro-v1:0': { rpm: 1 } } } });
    const c = bedrockControlClient(own);
    const runtime = bedrockClient(own, { maxAttempts: 1 });
    try {
      const { inferenceProfileArn } = await c.send(
        new CreateInferenceProfileCommand({ inferenceProfileName: 'micro-us', modelSource: { copyFrom: 'arn:aws:bedrock:us-east-1:123456789012:inference-profile/us.amazon.nova-micro-v1:0' } }),
      );
      const input = { messages: [{ role: 'user' as const, content: [{ text: 'hello' }] }] };
      await runtime.send(new ConverseCommand({ modelId: inferenceProfileArn, ...input }));
      await failure(runtime.send(new ConverseCommand({ modelId: 'us.amazon.nova-micro-v1:0', ...input })), RuntimeThrottling);
      await runtime.send(new ConverseCommand({ modelId: 'amazon.nova-micro-v1:0', ...input }));
    } finally {
      c.destroy();
      runtime.destroy();
      await own.stop();
    }
  });

  it('refuses bad input like Bedrock: conflict, validation, unknown or denied models, system deletes', async () => {
    const name = 'dup-name';
    await client.send(new CreateInferenceProfileCommand({ inferenceProfileName: name, modelSource: { copyFrom: fmArn('amazon.nova-lite-v1:0') } }));
    await failure(client.send(new CreateInferenceProfileCommand({ inferenceProfileName: name, modelSource: { copyFrom: fmArn('amazon.nova-lite-v1:0') } })), ConflictException);
    const long = await failure(client.send(new CreateInferenceProfileCommand({ inferenceProfileName: 'x'.repeat(65), modelSource: { copyFrom: fmArn(HAIKU_35) } })), ValidationException);
    expect(long.message).toMatch(/inferenceProfileName.*less than or equal to 64/);
    await failure(client.send(new CreateInferenceProfileCommand({ inferenceProfileName: 'bad/name', modelSource: { copyFrom: fmArn(HAIKU_35) } })), ValidationException);
    const onDemand = await failure(client.send(new CreateInferenceProfileCommand({ inferenceProfileName: 'sonnet37', modelSource: { copyFrom: fmArn('anthropic.claude-3-7-sonnet-20250219-v1:0') } })), ValidationException);
    expect(onDemand.message).toMatch(/on-demand throughput isn't supported/);
    await failure(client.send(new CreateInferenceProfileCommand({ inferenceProfileName: 'nothing', modelSource: { copyFrom: fmArn('amazon.nothing-v1:0') } })), ResourceNotFoundException);
    await failure(client.send(new CreateInferenceProfileCommand({ inferenceProfileName: 'bad-source', modelSource: { copyFrom: 'anthropic.claude' } })), ValidationException);
    await failure(client.send(new DeleteInferenceProfileCommand({ inferenceProfileIdentifier: `us.${HAIKU_35}` })), ValidationException);
    await failure(client.send(new DeleteInferenceProfileCommand({ inferenceProfileIdentifier: 'abcdefabcdef' })), ResourceNotFoundException);

    sim.setConfig({ faults: { deniedModels: ['amazon.nova-pro-v1:0'] } });
    try {
      await failure(client.send(new CreateInferenceProfileCommand({ inferenceProfileName: 'denied', modelSource: { copyFrom: fmArn('amazon.nova-pro-v1:0') } })), AccessDeniedException);
    } finally {
      sim.setConfig({ faults: { deniedModels: [] } });
    }
  });
});

describe('control-plane faults', () => {
  it('answers denied operations with AccessDeniedException (403, not retried), other operations still work', async () => {
    const own = await startAwsSim({ config: { deniedOperations: ['bedrock:ListFoundationModels'] } });
    const c = bedrockControlClient(own);
    try {
      const err = await failure(c.send(new ListFoundationModelsCommand({})), AccessDeniedException);
      expect(err.$metadata.httpStatusCode).toBe(403);
      expect(err.$metadata.attempts).toBe(1);
      expect(err.message).toMatch(/not authorized to perform: bedrock:ListFoundationModels/);
      await c.send(new ListInferenceProfilesCommand({}));
      expect(own.controlCalls().map((x) => [x.operation, x.status, x.errorType])).toEqual([
        ['ListFoundationModels', 403, 'AccessDeniedException'],
        ['ListInferenceProfiles', 200, undefined],
      ]);
    } finally {
      c.destroy();
      await own.stop();
    }
  });

  it('throttles over controlPlaneRps per operation; the SDK retries, then gives up with ThrottlingException', async () => {
    let clock = 1_000_000;
    const own = await startAwsSim({ now: () => clock, config: { controlPlaneRps: 2 } });
    const c = bedrockControlClient(own, { maxAttempts: 3 });
    try {
      await c.send(new ListFoundationModelsCommand({}));
      await c.send(new ListFoundationModelsCommand({}));
      const err = await failure(c.send(new ListFoundationModelsCommand({})), ThrottlingException);
      expect(err).toBeInstanceOf(BedrockServiceException);
      expect(err.$metadata.httpStatusCode).toBe(429);
      expect(err.$metadata.attempts).toBe(3);
      await c.send(new ListInferenceProfilesCommand({}));
      clock += 1_001;
      const ok = await c.send(new ListFoundationModelsCommand({}));
      expect(ok.$metadata.attempts).toBe(1);
    } finally {
      c.destroy();
      await own.stop();
    }
  });
});

describe('pointing unmodified clients at the stand-in', () => {
  it('works through AWS_ENDPOINT_URL_BEDROCK / _BEDROCK_AGENT / _SERVICE_QUOTAS (sim.clientEnv), each over HTTP/1.1', async () => {
    expect(Object.keys(sim.clientEnv)).toEqual(expect.arrayContaining(['AWS_ENDPOINT_URL_BEDROCK', 'AWS_ENDPOINT_URL_BEDROCK_AGENT', 'AWS_ENDPOINT_URL_SERVICE_QUOTAS']));
    for (const [k, v] of Object.entries(sim.clientEnv)) vi.stubEnv(k, v);
    const bedrock = new PlainBedrockClient({});
    const agent = new BedrockAgentClient({});
    const quotas = new ServiceQuotasClient({});
    try {
      expect((await bedrock.send(new ListFoundationModelsCommand({}))).modelSummaries?.length).toBeGreaterThan(0);
      expect((await agent.send(new ListPromptsCommand({}))).promptSummaries).toBeDefined();
      expect((await quotas.send(new ListServiceQuotasCommand({ ServiceCode: 'bedrock' }))).Quotas?.length).toBeGreaterThan(0);
    } finally {
      bedrock.destroy();
      agent.destroy();
      quotas.destroy();
      vi.unstubAllEnvs();
    }
  });
});

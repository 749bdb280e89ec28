import {
  BedrockClient,
  ListFoundationModelsCommand,
  paginateListInferenceProfiles,
  type FoundationModelSummary,
  type InferenceProfileSummary,
  type ModelModality,
} from '@aws-sdk/client-bedrock';
import { RefreshingCache, type Cached } from './cache';
import { clientConfig, type ControlClientOptions } from './clients';
import { toAwsApiError } from './errors';
import { BUILT_IN_PRICES, priceKey } from './pricing';

/**
 * The model catalog from Amazon Bedrock itself (`@aws-sdk/client-bedrock`): foundation models and
 * inference profiles (system-defined cross-region ones and application profiles for cost
 * attribution), merged into one entry shape (API.md `GET /api/v1/models` items), with lifecycle
 * (LEGACY, end of life) and built-in prices. Endpoint, region and credentials come from the SDK's
 * usual sources (AWS_REGION, AWS_ENDPOINT_URL_BEDROCK, profiles, roles...).
 */

export function createBedrockControlClient(opts: ControlClientOptions = {}): BedrockClient {
  return new BedrockClient(clientConfig(opts));
}

const g = globalThis as unknown as { __promptdeckBedrockControl?: BedrockClient; __promptdeckModelCatalog?: RefreshingCache<CatalogModel[]> };
export function bedrockControl(): BedrockClient {
  g.__promptdeckBedrockControl ??= createBedrockControlClient();
  return g.__promptdeckBedrockControl;
}

export type ModelKind = 'foundation' | 'inference_profile' | 'application_inference_profile';

export interface CatalogModel {
  /** What a version uses as its model id: the base id, the profile id, or an application profile's ARN. */
  modelId: string;
  arn: string;
  name: string;
  provider: string;
  kind: ModelKind;
  /** The foundation model's lifecycle (a profile has its model's). */
  status: 'ACTIVE' | 'LEGACY';
  /** ISO date-time Bedrock gives for the end of life, when it gives one. */
  endOfLife?: string;
  /** ISO date-time the model became LEGACY, when Bedrock gives it. */
  legacySince?: string;
  /** The foundation model this entry runs. */
  baseModelId: string;
  /** Application profiles: the model id or system profile id they copy (whose quota they use). */
  routesTo?: string;
  inputModalities: string[];
  outputModalities: string[];
  streaming: boolean;
  /** Foundation models: callable by their own id (on-demand). Some models run only through a profile. */
  onDemand: boolean;
  inputPerMTokUsd?: number;
  outputPerMTokUsd?: number;
}

export type PriceLookup = (baseModelId: string) => { input: number; output: number } | null | undefined;
const builtInPrice: PriceLookup = (id) => BUILT_IN_PRICES[priceKey(id)];

const FM_ARN = /:foundation-model\/(.+)$/;
const baseOf = (modelArn: string | undefined) => (modelArn ? FM_ARN.exec(modelArn)?.[1] : undefined);
const iso = (d: Date | undefined) => (d ? d.toISOString() : undefined);
const KIND_ORDER: Record<ModelKind, number> = { foundation: 0, inference_profile: 1, application_inference_profile: 2 };

function foundationEntry(m: FoundationModelSummary): CatalogModel | undefined {
  if (!m.modelId) return undefined;
  const life = m.modelLifecycle;
  const endOfLife = iso(life?.endOfLifeTime);
  const legacySince = iso(life?.legacyTime);
  return {
    modelId: m.modelId,
    arn: m.modelArn ?? '',
    name: m.modelName ?? m.modelId,
    provider: m.providerName ?? m.modelId.split('.')[0] ?? '',
    kind: 'foundation',
    status: life?.status === 'LEGACY' ? 'LEGACY' : 'ACTIVE',
    ...(endOfLife ? { endOfLife } : {}),
    ...(legacySince ? { legacySince } : {}),
    baseModelId: m.modelId,
    inputModalities: m.inputModalities ?? [],
    outputModalities: m.outputModalities ?? [],
    streaming: m.responseStreamingSupported ?? false,
    onDemand: (m.inferenceTypesSupported ?? []).includes('ON_DEMAND'),
  };
}

const modelSet = (p: InferenceProfileSummary) => (p.models ?? []).map((m) => m.modelArn ?? '').sort().join(' ');

/**
 * Merges foundation models and inference profiles into catalog entries (pure). A profile takes
 * provider, modalities, streaming and lifecycle from its foundation model; profiles whose model
 * is not among `models` (filtered out, e.g. embeddings) are left out.
 */
export function buildCatalog(models: readonly FoundationModelSummary[], profiles: readonly InferenceProfileSummary[], priceOf: PriceLookup = builtInPrice): CatalogModel[] {
  const foundation = new Map<string, CatalogModel>();
  for (const m of models) {
    const e = foundationEntry(m);
    if (e) foundation.set(e.modelId, e);
  }
  const systemBySet = new Map(profiles.filter((p) => p.type === 'SYSTEM_DEFINED').map((p) => [modelSet(p), p.inferenceProfileId ?? '']));
  const items: CatalogModel[] = [...foundation.values()];
  for (const p of profiles) {
    const base = foundation.get(baseOf(p.models?.[0]?.modelArn) ?? '');
    if (!base || !p.inferenceProfileId || !p.inferenceProfileArn) continue;
    const app = p.type === 'APPLICATION';
    items.push({
      ...base,
      modelId: app ? p.inferenceProfileArn : p.inferenceProfileId,
      arn: p.inferenceProfileArn,
      name: p.inferenceProfileName ?? p.inferenceProfileId,
      kind: app ? 'application_inference_profile' : 'inference_profile',
      ...(app ? { routesTo: systemBySet.get(modelSet(p)) ?? base.modelId } : {}),
      onDemand: true,
    });
  }
  for (const item of items) {
    const price = priceOf(item.baseModelId);
    if (price) Object.assign(item, { inputPerMTokUsd: price.input, outputPerMTokUsd: price.output });
  }
  return items.sort((a, b) => a.provider.localeCompare(b.provider) || a.baseModelId.localeCompare(b.baseModelId) || KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || a.modelId.localeCompare(b.modelId));
}

export async function listFoundationModels(client: BedrockClient, opts: { outputModality?: ModelModality } = {}): Promise<FoundationModelSummary[]> {
  try {
    const out = await client.send(new ListFoundationModelsCommand(opts.outputModality ? { byOutputModality: opts.outputModality } : {}));
    return out.modelSummaries ?? [];
  } catch (err) {
    throw toAwsApiError(err, 'ListFoundationModels');
  }
}

/** Every profile of a type, following nextToken. */
export async function listInferenceProfiles(client: BedrockClient, type: 'SYSTEM_DEFINED' | 'APPLICATION', pageSize = 1000): Promise<InferenceProfileSummary[]> {
  const out: InferenceProfileSummary[] = [];
  try {
    for await (const page of paginateListInferenceProfiles({ client, pageSize }, { typeEquals: type })) out.push(...(page.inferenceProfileSummaries ?? []));
  } catch (err) {
    throw toAwsApiError(err, 'ListInferenceProfiles');
  }
  return out;
}

/**
 * The catalog of models that answer text (the ones a prompt can use): three calls, since
 * ListInferenceProfiles lists application profiles only when asked for them.
 */
export async function fetchModelCatalog(client: BedrockClient, opts: { priceOf?: PriceLookup; pageSize?: number } = {}): Promise<CatalogModel[]> {
  const [models, system, application] = await Promise.all([
    listFoundationModels(client, { outputModality: 'TEXT' }),
    listInferenceProfiles(client, 'SYSTEM_DEFINED', opts.pageSize),
    listInferenceProfiles(client, 'APPLICATION', opts.pageSize),
  ]);
  return buildCatalog(models, [...system, ...application], opts.priceOf);
}

export const MODEL_CATALOG_TTL_MS = 5 * 60_000;

export function createModelCatalogCache(client: BedrockClient, opts: { ttlMs?: number; errorRetryMs?: number; now?: () => number } = {}): RefreshingCache<CatalogModel[]> {
  return new RefreshingCache(() => fetchModelCatalog(client), { ttlMs: opts.ttlMs ?? MODEL_CATALOG_TTL_MS, ...opts });
}

/** The process's catalog: cached 5 minutes, one load at a time, the last good one when Bedrock fails. */
export function modelCatalog(opts: { refresh?: boolean } = {}): Promise<Cached<CatalogModel[]>> {
  g.__promptdeckModelCatalog ??= createModelCatalogCache(bedrockControl());
  return g.__promptdeckModelCatalog.get(opts);
}

export function invalidateModelCatalog(): void {
  g.__promptdeckModelCatalog?.invalidate();
}

const ARN_RESOURCE = /^arn:aws[a-z-]*:bedrock:[a-z0-9-]*:\d*:(foundation-model|inference-profile)\/(.+)$/;
const GEO_PREFIX = /^(us|eu|apac|global|us-gov|jp|au|ca)\./;

/**
 * The catalog entry for a version's model id: exact id or ARN, a foundation/system-profile ARN by
 * its resource id, else the foundation model the id runs on (e.g. a geography prefix this
 * region does not list) — so lifecycle warnings still find the model.
 */
export function findCatalogModel(items: readonly CatalogModel[], modelId: string): CatalogModel | undefined {
  const exact = items.find((m) => m.modelId === modelId || m.arn === modelId);
  if (exact) return exact;
  const resource = ARN_RESOURCE.exec(modelId)?.[2] ?? modelId;
  const byResource = items.find((m) => m.modelId === resource);
  if (byResource) return byResource;
  const base = resource.replace(GEO_PREFIX, '');
  return items.find((m) => m.kind === 'foundation' && m.modelId === base);
}

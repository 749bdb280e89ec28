import { paginateListServiceQuotas, ServiceQuotasClient, type ServiceQuota } from '@aws-sdk/client-service-quotas';
import { RefreshingCache, type Cached } from './cache';
import { toAwsApiError } from './errors';
import { clientConfig, type ControlClientOptions } from './clients';
import { findCatalogModel, modelCatalog, type CatalogModel } from './models';

/**
 * The account's Bedrock quotas per model from Service Quotas (`@aws-sdk/client-service-quotas`,
 * ServiceCode `bedrock`): requests and tokens per minute, on-demand and cross-region. Quota names
 * name models their own way ("Anthropic Claude 3.7 Sonnet V1" for "Claude 3.7 Sonnet"), so they
 * are matched to catalog models by a normalised name; what does not match is reported, not guessed.
 */

export function createServiceQuotasClient(opts: ControlClientOptions = {}): ServiceQuotasClient {
  return new ServiceQuotasClient(clientConfig(opts));
}

const g = globalThis as unknown as { __promptdeckServiceQuotas?: ServiceQuotasClient; __promptdeckQuotaCache?: RefreshingCache<BedrockQuotas> };
export function serviceQuotas(): ServiceQuotasClient {
  g.__promptdeckServiceQuotas ??= createServiceQuotasClient();
  return g.__promptdeckServiceQuotas;
}

export type QuotaScope = 'on_demand' | 'cross_region' | 'global_cross_region';

export interface ModelQuota {
  /** The model id these limits apply to when called: base id, `<geo>.<id>` or `global.<id>`. */
  modelId: string;
  baseModelId: string;
  scope: QuotaScope;
  /** Requests per minute; null when the account lists no such quota. */
  rpm: number | null;
  /** Tokens (input + output) per minute; null when the account lists no such quota. */
  tpm: number | null;
  rpmQuotaCode?: string;
  tpmQuotaCode?: string;
  adjustable: boolean;
}

export interface UnmatchedQuota {
  quotaCode: string;
  quotaName: string;
  value: number | null;
  reason: 'not_per_model' | 'unknown_model' | 'ambiguous_model' | 'unknown_geography';
}

export interface BedrockQuotas {
  region: string;
  items: ModelQuota[];
  unmatched: UnmatchedQuota[];
}

const QUOTA_NAME = /^(on-demand|cross-region|global cross-region) model inference (requests|tokens) per minute for (.+)$/i;
const SCOPE: Record<string, QuotaScope> = { 'on-demand': 'on_demand', 'cross-region': 'cross_region', 'global cross-region': 'global_cross_region' };

/** "Cross-region model inference tokens per minute for Anthropic Claude 3.5 Haiku" -> parts. */
export function parseQuotaName(name: string): { scope: QuotaScope; metric: 'rpm' | 'tpm'; modelName: string } | undefined {
  const m = QUOTA_NAME.exec(name.trim());
  if (!m?.[1] || !m[2] || !m[3]) return undefined;
  const scope = SCOPE[m[1].toLowerCase()];
  return scope ? { scope, metric: m[2].toLowerCase() === 'requests' ? 'rpm' : 'tpm', modelName: m[3].trim() } : undefined;
}

/** Lower case, `+` as "plus", nothing but letters and digits: "Mistral Large (24.07)" -> "mistrallarge2407". */
export const normaliseModelName = (s: string) => s.toLowerCase().replace(/\+/g, 'plus').replace(/[^a-z0-9]/g, '');
const withoutV1 = (s: string) => s.replace(/v1$/, '');

/**
 * The foundation models a quota's model name means: equal normalised names, with or without the
 * provider in front, and with or without a trailing "V1" on either side.
 */
export function matchQuotaModel(modelName: string, models: readonly Pick<CatalogModel, 'modelId' | 'name' | 'provider'>[]): string[] {
  const q = normaliseModelName(modelName);
  const hits = (loose: boolean) =>
    models
      .filter((m) => {
        const names = [normaliseModelName(m.name), normaliseModelName(`${m.provider} ${m.name}`)];
        return names.some((n) => n === q || (loose && withoutV1(n) === withoutV1(q)));
      })
      .map((m) => m.modelId);
  const exact = hits(false);
  return exact.length > 0 ? exact : hits(true);
}

/** The geography prefix of cross-region profiles callable from a region (us-east-1 -> us). */
export function geographyOf(region: string): string | undefined {
  if (region.startsWith('us-gov-')) return 'us-gov';
  if (/^us-/.test(region)) return 'us';
  if (region.startsWith('eu-')) return 'eu';
  if (region.startsWith('ap-')) return 'apac';
  if (region.startsWith('ca-')) return 'ca';
  return undefined;
}

/** Turns Service Quotas' list into per-model limits (pure). `models`: foundation models. */
export function buildModelQuotas(quotas: readonly ServiceQuota[], models: readonly Pick<CatalogModel, 'modelId' | 'name' | 'provider'>[], region: string): BedrockQuotas {
  const byKey = new Map<string, ModelQuota>();
  const unmatched: UnmatchedQuota[] = [];
  const geo = geographyOf(region);
  for (const q of quotas) {
    const quotaName = q.QuotaName ?? '';
    const base = { quotaCode: q.QuotaCode ?? '', quotaName, value: q.Value ?? null };
    const parsed = parseQuotaName(quotaName);
    if (!parsed) {
      unmatched.push({ ...base, reason: 'not_per_model' });
      continue;
    }
    const ids = matchQuotaModel(parsed.modelName, models);
    if (ids.length !== 1 || !ids[0]) {
      unmatched.push({ ...base, reason: ids.length === 0 ? 'unknown_model' : 'ambiguous_model' });
      continue;
    }
    const baseModelId = ids[0];
    if (parsed.scope === 'cross_region' && !geo) {
      unmatched.push({ ...base, reason: 'unknown_geography' });
      continue;
    }
    const modelId = parsed.scope === 'on_demand' ? baseModelId : parsed.scope === 'global_cross_region' ? `global.${baseModelId}` : `${geo}.${baseModelId}`;
    const item = byKey.get(modelId) ?? { modelId, baseModelId, scope: parsed.scope, rpm: null, tpm: null, adjustable: false };
    item[parsed.metric] = q.Value ?? null;
    item[parsed.metric === 'rpm' ? 'rpmQuotaCode' : 'tpmQuotaCode'] = q.QuotaCode;
    item.adjustable ||= q.Adjustable === true;
    byKey.set(modelId, item);
  }
  return { region, items: [...byKey.values()].sort((a, b) => a.modelId.localeCompare(b.modelId)), unmatched };
}

/** Every quota of a service (applied values), following NextToken. */
export async function listServiceQuotas(client: ServiceQuotasClient, serviceCode = 'bedrock', pageSize = 100): Promise<ServiceQuota[]> {
  const out: ServiceQuota[] = [];
  try {
    for await (const page of paginateListServiceQuotas({ client, pageSize }, { ServiceCode: serviceCode })) out.push(...(page.Quotas ?? []));
  } catch (err) {
    throw toAwsApiError(err, 'ListServiceQuotas');
  }
  return out;
}

/** The account's per-model quotas in the client's region, matched against `models` (foundation entries are used). */
export async function fetchBedrockQuotas(client: ServiceQuotasClient, models: readonly CatalogModel[], opts: { pageSize?: number } = {}): Promise<BedrockQuotas> {
  const region = await client.config.region();
  const quotas = await listServiceQuotas(client, 'bedrock', opts.pageSize);
  return buildModelQuotas(
    quotas,
    models.filter((m) => m.kind === 'foundation'),
    region,
  );
}

export const QUOTAS_TTL_MS = 15 * 60_000;

export function createQuotaCache(client: ServiceQuotasClient, catalog: () => Promise<CatalogModel[]>, opts: { ttlMs?: number; errorRetryMs?: number; now?: () => number } = {}): RefreshingCache<BedrockQuotas> {
  return new RefreshingCache(async () => fetchBedrockQuotas(client, await catalog()), { ttlMs: opts.ttlMs ?? QUOTAS_TTL_MS, ...opts });
}

/** The process's quotas: cached 15 minutes, single flight, the last good ones when AWS fails. */
export function bedrockQuotas(opts: { refresh?: boolean } = {}): Promise<Cached<BedrockQuotas>> {
  g.__promptdeckQuotaCache ??= createQuotaCache(serviceQuotas(), async () => (await modelCatalog()).value);
  return g.__promptdeckQuotaCache.get(opts);
}

/**
 * The limits a call with `modelId` runs under: its own entry, else (application profiles and
 * ARNs) the entry of what the catalog says it routes to.
 */
export function quotaForModel(quotas: BedrockQuotas, modelId: string, catalog: readonly CatalogModel[] = []): ModelQuota | undefined {
  const own = quotas.items.find((q) => q.modelId === modelId);
  if (own) return own;
  const entry = findCatalogModel(catalog, modelId);
  const target = entry?.routesTo ?? (entry && entry.kind !== 'application_inference_profile' ? entry.modelId : undefined);
  return target ? quotas.items.find((q) => q.modelId === target) : undefined;
}

import { createHash } from 'node:crypto';
import { z } from 'zod';
import { ACCOUNT_ID, FOUNDATION_MODELS, geoOfRegion } from './catalog';
import type { SimConfig } from './config';
import { ApiError, page, pageOffset, parseJson, validate } from './control';
import { quotaLimits } from './quotas';

/**
 * Service Quotas (AWS JSON 1.1, `x-amz-target: ServiceQuotasV20190624.<Operation>`,
 * `@aws-sdk/client-service-quotas`, HTTP/1.1) for ServiceCode `bedrock`: per-model on-demand and
 * cross-region requests/tokens per minute, with the values Converse admission enforces (defaults
 * `rpm`/`tpm`, per-model `modelQuotas` as applied values).
 */

export const SQ_TARGET_PREFIX = 'ServiceQuotasV20190624.';
export const JSON_11 = 'application/x-amz-json-1.1';

interface QuotaDef {
  name: string;
  description: string;
  /** Value from the configuration: applied (with per-model overrides) or AWS default. */
  value: (config: SimConfig, applied: boolean) => number;
  adjustable: boolean;
  perMinute: boolean;
}

const SCOPES = [
  { label: 'On-demand model inference', id: (modelId: string) => modelId },
  { label: 'Cross-region model inference', id: (modelId: string, geo?: string) => (geo ? `${geo}.${modelId}` : undefined) },
  { label: 'Global cross-region model inference', id: (modelId: string) => `global.${modelId}` },
] as const;

/** The quotas a caller in `region` sees, in a stable order. */
function quotaDefs(region: string): QuotaDef[] {
  const geo = geoOfRegion(region);
  const defs: QuotaDef[] = [];
  for (const m of FOUNDATION_MODELS) {
    if (!m.quotaName) continue;
    const scopes = [
      m.inferenceTypes.includes('ON_DEMAND') ? SCOPES[0].id(m.modelId) : undefined,
      geo && m.profiles.includes(geo) ? SCOPES[1].id(m.modelId, geo) : undefined,
      m.profiles.includes('global') ? SCOPES[2].id(m.modelId) : undefined,
    ];
    scopes.forEach((quotaId, i) => {
      if (quotaId === undefined) return;
      const label = SCOPES[i]?.label ?? '';
      for (const what of ['requests', 'tokens'] as const) {
        defs.push({
          name: `${label} ${what} per minute for ${m.quotaName}`,
          description: `The maximum number of ${what === 'requests' ? 'requests' : 'input and output tokens'} that you can submit for ${label.toLowerCase()} in one minute for ${m.quotaName}. The quota considers the combined sum of Converse, ConverseStream, InvokeModel and InvokeModelWithResponseStream.`,
          value: (config, applied) => {
            const limits = applied ? quotaLimits(config, quotaId, m.modelId) : { rpm: config.rpm, tpm: config.tpm };
            return what === 'requests' ? limits.rpm : limits.tpm;
          },
          adjustable: true,
          perMinute: true,
        });
      }
    });
  }
  defs.push(
    { name: 'Model units no-commitment Provisioned Throughputs across base models', description: 'The maximum number of model units that can be distributed across no-commitment Provisioned Throughputs for base models.', value: () => 2, adjustable: true, perMinute: false },
    { name: 'Custom models per account', description: 'The maximum number of custom models in an account.', value: () => 100, adjustable: true, perMinute: false },
  );
  return defs;
}

export const quotaCode = (name: string) => `L-${createHash('sha256').update(name).digest('hex').slice(0, 8).toUpperCase()}`;

function serviceQuota(def: QuotaDef, config: SimConfig, region: string, applied: boolean) {
  const code = quotaCode(def.name);
  return {
    ServiceCode: 'bedrock',
    ServiceName: 'Amazon Bedrock',
    QuotaArn: `arn:aws:servicequotas:${region}:${applied ? ACCOUNT_ID : ''}:bedrock/${code}`,
    QuotaCode: code,
    QuotaName: def.name,
    Value: def.value(config, applied),
    Unit: 'None',
    Adjustable: def.adjustable,
    GlobalQuota: false,
    ...(def.perMinute ? { Period: { PeriodValue: 1, PeriodUnit: 'MINUTE' } } : {}),
    QuotaAppliedAtLevel: 'ACCOUNT',
    Description: def.description,
  };
}

const validation = { type: 'IllegalArgumentException' };
const ServiceCode = z.string().min(1).max(63).regex(/^[a-zA-Z][a-zA-Z0-9-]{1,63}$/);
const QuotaCode = z.string().min(1).max(128).regex(/^[a-zA-Z][a-zA-Z0-9-]{1,128}$/);
const ListInput = z.object({
  ServiceCode,
  NextToken: z.string().min(1).max(2048).optional(),
  MaxResults: z.number().int().min(1).max(100).optional(),
  QuotaCode: QuotaCode.optional(),
  QuotaAppliedAtLevel: z.enum(['ACCOUNT', 'RESOURCE', 'ALL']).optional(),
});
const GetInput = z.object({ ServiceCode, QuotaCode, ContextId: z.string().optional() });

function requireBedrock(serviceCode: string): void {
  if (serviceCode !== 'bedrock') {
    throw new ApiError(404, 'NoSuchResourceException', `The request failed because the specified service does not exist (the local AWS stand-in models only ServiceCode "bedrock", not "${serviceCode}").`);
  }
}

export interface ServiceQuotasContext {
  config: () => SimConfig;
}

/** Answers one Service Quotas operation. Throws ApiError. */
export function serviceQuotas(ctx: ServiceQuotasContext, operation: string, body: Buffer, region: string): unknown {
  const config = ctx.config();
  const input = parseJson(body, 'SerializationException');
  switch (operation) {
    case 'ListServices':
      return { Services: [{ ServiceCode: 'bedrock', ServiceName: 'Amazon Bedrock' }] };
    case 'ListServiceQuotas':
    case 'ListAWSDefaultServiceQuotas': {
      const q = validate(ListInput, input, validation);
      requireBedrock(q.ServiceCode);
      const applied = operation === 'ListServiceQuotas';
      const defs = quotaDefs(region).filter((d) => !applied || q.QuotaCode === undefined || quotaCode(d.name) === q.QuotaCode);
      const scope = `${operation}:${q.QuotaCode ?? ''}`;
      const offset = q.NextToken === undefined ? 0 : pageOffset(q.NextToken, scope);
      if (offset === undefined) throw new ApiError(400, 'InvalidPaginationTokenException', 'Invalid NextToken.');
      const p = page(defs, offset, q.MaxResults ?? 100, scope);
      return { Quotas: p.items.map((d) => serviceQuota(d, config, region, applied)), ...(p.nextToken ? { NextToken: p.nextToken } : {}) };
    }
    case 'GetServiceQuota':
    case 'GetAWSDefaultServiceQuota': {
      const q = validate(GetInput, input, validation);
      requireBedrock(q.ServiceCode);
      const def = quotaDefs(region).find((d) => quotaCode(d.name) === q.QuotaCode);
      if (!def) throw new ApiError(404, 'NoSuchResourceException', `The quota ${q.QuotaCode} does not exist for service bedrock.`);
      return { Quota: serviceQuota(def, config, region, operation === 'GetServiceQuota') };
    }
    default:
      throw new ApiError(400, 'UnknownOperationException', `Operation ${operation} is not supported by the local AWS stand-in.`);
  }
}

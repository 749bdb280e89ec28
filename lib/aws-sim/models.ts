/**
 * Model identifiers as Bedrock accepts them: base model ids (`anthropic.claude-3-5-haiku-20241022-v1:0`),
 * cross-region inference profiles (`us.`, `eu.`, `apac.`, `global.`, ... + base id) and ARNs of
 * foundation models or inference profiles.
 */

export const PROVIDERS = [
  'ai21',
  'amazon',
  'anthropic',
  'cohere',
  'deepseek',
  'google',
  'luma',
  'meta',
  'minimax',
  'mistral',
  'moonshot',
  'nvidia',
  'openai',
  'qwen',
  'stability',
  'twelvelabs',
  'writer',
] as const;

const GEOGRAPHIES = ['us', 'eu', 'apac', 'global', 'us-gov', 'jp', 'au', 'ca'];

export interface ModelRef {
  /** The id as the caller sent it (percent-decoded). */
  raw: string;
  /**
   * What CloudWatch's `ModelId` dimension uses: the id, or an ARN's resource id (the whole ARN
   * for an application inference profile).
   */
  metricId: string;
  /**
   * The quota bucket: `metricId`, except for an application inference profile, which uses the
   * quota of the model or system profile it routes to.
   */
  quotaId: string;
  /** The base model id, without geography prefix or ARN. */
  baseId: string;
  provider: string;
}

const ARN = /^arn:aws[a-z-]*:bedrock:[a-z0-9-]*:\d*:(foundation-model|inference-profile|provisioned-model|custom-model)\/(.+)$/;
const APP_PROFILE_ARN = /^arn:aws[a-z-]*:bedrock:[a-z0-9-]*:\d{12}:application-inference-profile\/([a-z0-9]+)$/;

/**
 * Parses a model id; undefined when Bedrock would answer "The provided model identifier is invalid."
 * An application inference profile ARN is valid only when `resolveProfile` knows it: it returns
 * the model id or system profile id the profile routes to.
 */
export function parseModelId(raw: string, resolveProfile?: (profileId: string) => string | undefined): ModelRef | undefined {
  const app = APP_PROFILE_ARN.exec(raw);
  if (app?.[1]) {
    const target = resolveProfile?.(app[1]);
    const inner = target === undefined ? undefined : parseModelId(target);
    return inner && { ...inner, raw, metricId: raw, quotaId: inner.metricId };
  }
  let metricId = raw;
  const arn = ARN.exec(raw);
  if (arn?.[2]) metricId = arn[2];
  let baseId = metricId;
  const firstDot = baseId.indexOf('.');
  if (firstDot > 0 && GEOGRAPHIES.includes(baseId.slice(0, firstDot))) baseId = baseId.slice(firstDot + 1);
  const provider = baseId.slice(0, Math.max(0, baseId.indexOf('.')));
  if (!(PROVIDERS as readonly string[]).includes(provider)) return undefined;
  if (!/^[a-z0-9-]+\.[A-Za-z0-9._:-]+$/.test(baseId)) return undefined;
  return { raw, metricId, quotaId: metricId, baseId, provider };
}

/** Whether a configured list (of raw, metric or base ids) names this model. */
export function modelListed(list: readonly string[], model: ModelRef): boolean {
  return list.some((id) => id === model.raw || id === model.metricId || id === model.baseId);
}

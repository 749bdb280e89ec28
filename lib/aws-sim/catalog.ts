/**
 * The stand-in's built-in Bedrock model catalog: the foundation models ListFoundationModels
 * returns and the system-defined (cross-region) inference profiles ListInferenceProfiles returns.
 * Names, modalities and inference types follow Amazon Bedrock; lifecycle dates are the
 * stand-in's own (two Claude 3 models are LEGACY with an end of life, for demos and tests).
 */

export type Geo = 'us' | 'eu' | 'apac' | 'global';
export type InferenceType = 'ON_DEMAND' | 'INFERENCE_PROFILE' | 'PROVISIONED';

export interface Lifecycle {
  status: 'ACTIVE' | 'LEGACY';
  startOfLifeTime: string;
  legacyTime?: string;
  publicExtendedAccessTime?: string;
  endOfLifeTime?: string;
}

export interface SimFoundationModel {
  modelId: string;
  modelName: string;
  providerName: string;
  inputModalities: string[];
  outputModalities: string[];
  streaming: boolean;
  inferenceTypes: InferenceType[];
  customizations: string[];
  lifecycle: Lifecycle;
  /** Geographies with a system-defined cross-region inference profile (`us.` + modelId...). */
  profiles: Geo[];
  /** The model as Service Quotas names it ("On-demand model inference requests per minute for <quotaName>"). */
  quotaName?: string;
}

export const ACCOUNT_ID = '123456789012';
export const DEFAULT_REGION = 'us-east-1';

const T = ['TEXT'];
const TI = ['TEXT', 'IMAGE'];
const OD: InferenceType[] = ['ON_DEMAND'];
const OD_IP: InferenceType[] = ['ON_DEMAND', 'INFERENCE_PROFILE'];
const IP: InferenceType[] = ['INFERENCE_PROFILE'];
const active = (startOfLifeTime: string): Lifecycle => ({ status: 'ACTIVE', startOfLifeTime: `${startOfLifeTime}T00:00:00Z` });

type Row = [id: string, name: string, provider: string, input: string[], output: string[], types: InferenceType[], lifecycle: Lifecycle, profiles: Geo[], quotaName?: string];

const ROWS: Row[] = [
  ['anthropic.claude-3-sonnet-20240229-v1:0', 'Claude 3 Sonnet', 'Anthropic', TI, T, OD_IP, { status: 'LEGACY', startOfLifeTime: '2024-03-04T00:00:00Z', legacyTime: '2026-03-01T00:00:00Z', publicExtendedAccessTime: '2026-09-01T00:00:00Z', endOfLifeTime: '2027-03-01T00:00:00Z' }, ['us', 'eu', 'apac'], 'Anthropic Claude 3 Sonnet'],
  ['anthropic.claude-3-haiku-20240307-v1:0', 'Claude 3 Haiku', 'Anthropic', TI, T, OD_IP, { status: 'LEGACY', startOfLifeTime: '2024-03-13T00:00:00Z', legacyTime: '2026-09-01T00:00:00Z', publicExtendedAccessTime: '2027-01-15T00:00:00Z', endOfLifeTime: '2027-06-30T00:00:00Z' }, ['us', 'eu', 'apac'], 'Anthropic Claude 3 Haiku'],
  ['anthropic.claude-3-5-haiku-20241022-v1:0', 'Claude 3.5 Haiku', 'Anthropic', T, T, OD_IP, active('2024-11-04'), ['us'], 'Anthropic Claude 3.5 Haiku'],
  ['anthropic.claude-3-5-sonnet-20240620-v1:0', 'Claude 3.5 Sonnet', 'Anthropic', TI, T, OD_IP, active('2024-06-20'), ['us', 'eu', 'apac'], 'Anthropic Claude 3.5 Sonnet'],
  ['anthropic.claude-3-5-sonnet-20241022-v2:0', 'Claude 3.5 Sonnet v2', 'Anthropic', TI, T, OD_IP, active('2024-10-22'), ['us', 'apac'], 'Anthropic Claude 3.5 Sonnet V2'],
  ['anthropic.claude-3-7-sonnet-20250219-v1:0', 'Claude 3.7 Sonnet', 'Anthropic', TI, T, IP, active('2025-02-24'), ['us', 'eu', 'apac'], 'Anthropic Claude 3.7 Sonnet V1'],
  ['anthropic.claude-sonnet-4-20250514-v1:0', 'Claude Sonnet 4', 'Anthropic', TI, T, IP, active('2025-05-22'), ['us', 'eu', 'apac', 'global'], 'Anthropic Claude Sonnet 4 V1'],
  ['anthropic.claude-opus-4-20250514-v1:0', 'Claude Opus 4', 'Anthropic', TI, T, IP, active('2025-05-22'), ['us'], 'Anthropic Claude Opus 4 V1'],
  ['amazon.nova-micro-v1:0', 'Nova Micro', 'Amazon', T, T, OD_IP, active('2024-12-03'), ['us', 'eu', 'apac'], 'Amazon Nova Micro'],
  ['amazon.nova-lite-v1:0', 'Nova Lite', 'Amazon', ['TEXT', 'IMAGE', 'VIDEO'], T, OD_IP, active('2024-12-03'), ['us', 'eu', 'apac'], 'Amazon Nova Lite'],
  ['amazon.nova-pro-v1:0', 'Nova Pro', 'Amazon', ['TEXT', 'IMAGE', 'VIDEO'], T, OD_IP, active('2024-12-03'), ['us', 'eu', 'apac'], 'Amazon Nova Pro'],
  ['amazon.titan-embed-text-v2:0', 'Titan Text Embeddings V2', 'Amazon', T, ['EMBEDDING'], OD, active('2024-04-30'), []],
  ['amazon.nova-canvas-v1:0', 'Nova Canvas', 'Amazon', TI, ['IMAGE'], OD, active('2024-12-03'), []],
  ['meta.llama3-1-8b-instruct-v1:0', 'Llama 3.1 8B Instruct', 'Meta', T, T, OD_IP, active('2024-07-23'), ['us'], 'Meta Llama 3.1 8B Instruct'],
  ['meta.llama3-1-70b-instruct-v1:0', 'Llama 3.1 70B Instruct', 'Meta', T, T, OD_IP, active('2024-07-23'), ['us'], 'Meta Llama 3.1 70B Instruct'],
  ['mistral.mistral-large-2407-v1:0', 'Mistral Large (24.07)', 'Mistral AI', T, T, OD, active('2024-07-24'), [], 'Mistral AI Mistral Large 2407'],
  ['cohere.command-r-v1:0', 'Command R', 'Cohere', T, T, OD, active('2024-04-30'), [], 'Cohere Command R'],
  ['cohere.command-r-plus-v1:0', 'Command R+', 'Cohere', T, T, OD, active('2024-04-30'), [], 'Cohere Command R+'],
  ['deepseek.r1-v1:0', 'DeepSeek-R1', 'DeepSeek', T, T, IP, active('2025-03-10'), ['us'], 'DeepSeek R1 V1'],
  ['writer.palmyra-x5-v1:0', 'Palmyra X5', 'Writer', T, T, IP, active('2025-04-28'), ['us'], 'Writer Palmyra X5'],
  ['openai.gpt-oss-120b-1:0', 'gpt-oss-120b', 'OpenAI', T, T, OD, active('2025-08-05'), [], 'OpenAI gpt-oss-120b'],
];

const FINE_TUNABLE = new Set(['anthropic.claude-3-haiku-20240307-v1:0', 'amazon.nova-micro-v1:0', 'amazon.nova-lite-v1:0', 'amazon.nova-pro-v1:0', 'meta.llama3-1-8b-instruct-v1:0', 'meta.llama3-1-70b-instruct-v1:0']);

export const FOUNDATION_MODELS: readonly SimFoundationModel[] = ROWS.map(([modelId, modelName, providerName, inputModalities, outputModalities, inferenceTypes, lifecycle, profiles, quotaName]) => ({
  modelId,
  modelName,
  providerName,
  inputModalities,
  outputModalities,
  streaming: outputModalities.includes('TEXT'),
  inferenceTypes,
  customizations: FINE_TUNABLE.has(modelId) ? ['FINE_TUNING'] : [],
  lifecycle,
  profiles,
  ...(quotaName ? { quotaName } : {}),
}));

export function findFoundationModel(modelId: string): SimFoundationModel | undefined {
  return FOUNDATION_MODELS.find((m) => m.modelId === modelId);
}

/** Regions a system-defined profile of each geography routes to. */
export const GEO_REGIONS: Record<Geo, string[]> = {
  us: ['us-east-1', 'us-east-2', 'us-west-2'],
  eu: ['eu-central-1', 'eu-west-1', 'eu-west-3', 'eu-north-1'],
  apac: ['ap-northeast-1', 'ap-northeast-2', 'ap-south-1', 'ap-southeast-1', 'ap-southeast-2'],
  global: ['us-east-1', 'us-east-2', 'us-west-2', 'eu-central-1', 'eu-west-1', 'ap-northeast-1', 'ap-southeast-2'],
};
const GEO_LABEL: Record<Geo, string> = { us: 'US', eu: 'EU', apac: 'APAC', global: 'Global' };

/** The geography whose cross-region profiles a region can call (us-east-1 -> us). */
export function geoOfRegion(region: string): Geo | undefined {
  if (/^us-(east|west)-\d$/.test(region)) return 'us';
  if (region.startsWith('eu-')) return 'eu';
  if (region.startsWith('ap-')) return 'apac';
  return undefined;
}

export const foundationModelArn = (region: string, modelId: string) => `arn:aws:bedrock:${region}::foundation-model/${modelId}`;

export interface SimSystemProfile {
  id: string;
  geo: Geo;
  name: string;
  description: string;
  model: SimFoundationModel;
  regions: string[];
}

/** Every system-defined profile, in every geography. */
export const SYSTEM_PROFILES: readonly SimSystemProfile[] = FOUNDATION_MODELS.flatMap((model) =>
  model.profiles.map((geo) => ({
    id: `${geo}.${model.modelId}`,
    geo,
    name: `${GEO_LABEL[geo]} ${model.providerName} ${model.modelName}`,
    description: `Routes requests to ${model.providerName} ${model.modelName} in ${GEO_REGIONS[geo].join(', ')}.`,
    model,
    regions: GEO_REGIONS[geo],
  })),
);

/** The system profiles a caller in `region` can use: its geography's and the global ones. */
export function systemProfilesFor(region: string): SimSystemProfile[] {
  const geo = geoOfRegion(region);
  return SYSTEM_PROFILES.filter((p) => p.geo === 'global' || p.geo === geo);
}

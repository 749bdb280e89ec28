/** Common Bedrock models offered in the model picker (free entry is allowed too). */
export interface ModelPreset {
  id: string;
  name: string;
  provider: string;
}

export const MODEL_PRESETS: ModelPreset[] = [
  { id: 'anthropic.claude-3-5-haiku-20241022-v1:0', name: 'Claude 3.5 Haiku', provider: 'Anthropic' },
  { id: 'us.anthropic.claude-3-7-sonnet-20250219-v1:0', name: 'Claude 3.7 Sonnet (US profile)', provider: 'Anthropic' },
  { id: 'us.anthropic.claude-sonnet-4-20250514-v1:0', name: 'Claude Sonnet 4 (US profile)', provider: 'Anthropic' },
  { id: 'amazon.nova-micro-v1:0', name: 'Amazon Nova Micro', provider: 'Amazon' },
  { id: 'amazon.nova-lite-v1:0', name: 'Amazon Nova Lite', provider: 'Amazon' },
  { id: 'amazon.nova-pro-v1:0', name: 'Amazon Nova Pro', provider: 'Amazon' },
  { id: 'meta.llama3-1-8b-instruct-v1:0', name: 'Llama 3.1 8B Instruct', provider: 'Meta' },
  { id: 'meta.llama3-1-70b-instruct-v1:0', name: 'Llama 3.1 70B Instruct', provider: 'Meta' },
  { id: 'mistral.mistral-large-2407-v1:0', name: 'Mistral Large (24.07)', provider: 'Mistral AI' },
];

/** What a prompt's first version starts with: fast, inexpensive, and good at following formats. */
export const DEFAULT_MODEL_ID = 'anthropic.claude-3-5-haiku-20241022-v1:0';

const GEO = /^(us|eu|apac|global|us-gov|jp|au|ca)\./;
const GEO_NAME: Record<string, string> = { us: 'US', eu: 'EU', apac: 'APAC', global: 'global', 'us-gov': 'US GovCloud', jp: 'Japan', au: 'Australia', ca: 'Canada' };

/**
 * Names of the base models Promptdeck knows (the built-in prices and the model picker), one per
 * id: two versions of a model get two names.
 */
export const MODEL_NAMES: Record<string, string> = {
  'anthropic.claude-3-haiku-20240307-v1:0': 'Claude 3 Haiku',
  'anthropic.claude-3-5-haiku-20241022-v1:0': 'Claude 3.5 Haiku',
  'anthropic.claude-3-5-sonnet-20240620-v1:0': 'Claude 3.5 Sonnet',
  'anthropic.claude-3-5-sonnet-20241022-v2:0': 'Claude 3.5 Sonnet v2',
  'anthropic.claude-3-7-sonnet-20250219-v1:0': 'Claude 3.7 Sonnet',
  'anthropic.claude-sonnet-4-20250514-v1:0': 'Claude Sonnet 4',
  'anthropic.claude-opus-4-20250514-v1:0': 'Claude Opus 4',
  'amazon.nova-micro-v1:0': 'Amazon Nova Micro',
  'amazon.nova-lite-v1:0': 'Amazon Nova Lite',
  'amazon.nova-pro-v1:0': 'Amazon Nova Pro',
  'meta.llama3-1-8b-instruct-v1:0': 'Llama 3.1 8B Instruct',
  'meta.llama3-1-70b-instruct-v1:0': 'Llama 3.1 70B Instruct',
  'mistral.mistral-large-2407-v1:0': 'Mistral Large (24.07)',
  'cohere.command-r-v1:0': 'Command R',
  'cohere.command-r-plus-v1:0': 'Command R+',
};

/**
 * A readable name for a model id: the known model's name (with the geography of a cross-region
 * inference profile, e.g. "Claude 3.7 Sonnet (US)"), else the id without ARN prefix, provider
 * and version suffix (e.g. `jamba-1-5-large`). Show the full id beside it or on hover.
 */
export function shortModelName(id: string): string {
  let s = id.startsWith('arn:') ? (id.split('/').pop() ?? id) : id;
  const geo = GEO.exec(s)?.[1];
  s = s.replace(GEO, '');
  const where = geo ? ` (${GEO_NAME[geo] ?? geo})` : '';
  const known = MODEL_NAMES[s];
  if (known) return `${known}${where}`;
  const dot = s.indexOf('.');
  if (dot > 0) s = s.slice(dot + 1);
  s = s.replace(/-v\d+(:\d+)?$/, '').replace(/-\d{8}$/, '');
  return `${s}${where}`;
}

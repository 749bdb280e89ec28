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

/**
 * A short, readable name for a model id: the preset's name when known, else the id without ARN
 * prefix, provider and version suffix (e.g. `claude-3-5-haiku`). The full id goes in a tooltip.
 */
export function shortModelName(id: string): string {
  const preset = MODEL_PRESETS.find((m) => m.id === id);
  if (preset) return preset.name.replace(/ \(US profile\)$/, '');
  let s = id.startsWith('arn:') ? (id.split('/').pop() ?? id) : id;
  const geo = GEO.exec(s)?.[1];
  s = s.replace(GEO, '');
  const dot = s.indexOf('.');
  if (dot > 0) s = s.slice(dot + 1);
  s = s.replace(/-v\d+(:\d+)?$/, '').replace(/-\d{8}$/, '');
  return geo ? `${s} (${geo})` : s;
}

import type { PromptVariant } from '@aws-sdk/client-bedrock-agent';
import Mustache from 'mustache';
import type { Guardrail, Params, Template } from '../catalog/schemas';
import { additionalFields } from './bedrock';
import type { Note } from './prompt-conversion';

/**
 * A Promptdeck version as a Bedrock Prompt Management CHAT variant (pure). Bedrock substitutes
 * plain `{{name}}` variables only, so templates with sections, dotted names or literal `{{` are
 * refused rather than published as text that would render differently.
 */

export type PublishRefusal = 'uses_sections' | 'invalid_variable_name' | 'literal_braces' | 'too_many_variables';
export type PublishNoteCode = 'guardrail_not_published' | 'comments_dropped' | 'variables_normalised';

export type PublishVariantResult =
  | { ok: true; variant: PromptVariant; variables: string[]; notes: Note<PublishNoteCode>[] }
  | { ok: false; reason: PublishRefusal; message: string };

/** Bedrock's variable (and resource) name rule. */
const BEDROCK_NAME = /^([0-9a-zA-Z][_-]?){1,100}$/;
export const MAX_BEDROCK_VARIABLES = 20;

type Token = [string, string, number, number, Token[]?];

class Refused extends Error {
  constructor(
    readonly reason: PublishRefusal,
    message: string,
  ) {
    super(message);
  }
}

/** Rewrites one template text with Bedrock's `{{name}}` tags, collecting variable names. */
function toBedrockText(text: string, where: string, variables: Set<string>, notes: Set<PublishNoteCode>): string {
  // A writer of its own without a parse cache: a cache would keep every template it ever parsed.
  const writer = new Mustache.Writer();
  (writer as unknown as { templateCache: undefined }).templateCache = undefined;
  const tokens = writer.parse(text) as unknown as Token[];
  let out = '';
  for (const [type, value, start, end] of tokens) {
    if (type === 'text') {
      if (value.includes('{{')) throw new Refused('literal_braces', `${where}: the text contains a literal "{{", which Bedrock would read as a variable.`);
      out += value;
    } else if (type === 'name' || type === '&') {
      if (!BEDROCK_NAME.test(value)) throw new Refused('invalid_variable_name', `${where}: Bedrock variable names use letters, digits, "_" and "-" only; "{{${value}}}" cannot be published.`);
      if (text.slice(start, end) !== `{{${value}}}`) notes.add('variables_normalised');
      variables.add(value);
      out += `{{${value}}}`;
    } else if (type === '#' || type === '^') {
      throw new Refused('uses_sections', `${where}: the section {{${type}${value}}} has no equivalent in Bedrock Prompt Management, which only substitutes {{variables}}.`);
    } else if (type === '!') {
      notes.add('comments_dropped');
    }
    // '=' (set delimiters) only changes how the rest was parsed: the output uses {{ }} again.
  }
  return out;
}

const NOTE_TEXT: Record<PublishNoteCode, string> = {
  guardrail_not_published: "The version's guardrail is not part of a Bedrock prompt; callers of the prompt ARN must apply it themselves.",
  comments_dropped: 'Template comments ({{! ... }}) were left out.',
  variables_normalised: 'Variable tags were written as plain {{name}} (Bedrock has no {{{ }}}, {{& }} or spaces inside tags).',
};

export function toBedrockVariant(version: { template: Template; modelId: string; params: Params; guardrail?: Guardrail | null }, variantName = 'default'): PublishVariantResult {
  const variables = new Set<string>();
  const noteCodes = new Set<PublishNoteCode>();
  try {
    const system = version.template.system ? toBedrockText(version.template.system, 'System prompt', variables, noteCodes) : '';
    const messages = version.template.messages.map((m, i) => ({ role: m.role, content: [{ text: toBedrockText(m.content, `Message ${i + 1}`, variables, noteCodes) }] }));
    if (variables.size > MAX_BEDROCK_VARIABLES) throw new Refused('too_many_variables', `Bedrock prompts take at most ${MAX_BEDROCK_VARIABLES} variables; this version has ${variables.size}.`);
    const { temperature, topP, maxTokens, stopSequences } = version.params;
    const text = {
      ...(temperature !== undefined ? { temperature } : {}),
      ...(topP !== undefined ? { topP } : {}),
      ...(maxTokens !== undefined ? { maxTokens } : {}),
      ...(stopSequences?.length ? { stopSequences } : {}),
    };
    const extra = additionalFields(version.modelId, version.params);
    if (version.guardrail) noteCodes.add('guardrail_not_published');
    const variant: PromptVariant = {
      name: variantName,
      templateType: 'CHAT',
      modelId: version.modelId,
      templateConfiguration: {
        chat: {
          ...(system ? { system: [{ text: system }] } : {}),
          messages,
          inputVariables: [...variables].map((name) => ({ name })),
        },
      },
      ...(Object.keys(text).length ? { inferenceConfiguration: { text } } : {}),
      ...(extra ? { additionalModelRequestFields: extra as never } : {}),
    };
    return { ok: true, variant, variables: [...variables], notes: [...noteCodes].map((code) => ({ code, message: NOTE_TEXT[code] })) };
  } catch (err) {
    if (err instanceof Refused) return { ok: false, reason: err.reason, message: err.message };
    throw err;
  }
}

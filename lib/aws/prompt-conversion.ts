import type { ContentBlock, PromptVariant, SystemContentBlock } from '@aws-sdk/client-bedrock-agent';
import { ModelIdSchema, ParamsSchema, PROMPT_NAME_RE, TemplateSchema, type Params, type Template } from '../catalog/schemas';
import { validateTemplate } from '../catalog/template';

/**
 * Conversions between a Bedrock Prompt Management prompt (variants with TEXT/CHAT templates) and
 * a Promptdeck version ({template {system, messages}, modelId, params}); pure. What cannot be
 * carried over exactly is listed as notes; what cannot be converted at all is refused with a reason.
 */

export interface VersionDraft {
  template: Template;
  modelId: string;
  params: Params;
  commitMessage?: string;
}

export type ImportNoteCode =
  | 'text_template_as_user_message'
  | 'tools_not_imported'
  | 'cache_points_dropped'
  | 'blocks_joined'
  | 'messages_merged'
  | 'other_variants_ignored'
  | 'additional_fields_not_imported'
  | 'metadata_not_imported'
  | 'max_tokens_zero_dropped';

export type ImportRefusal = 'no_variant' | 'agent_variant' | 'no_model' | 'no_messages' | 'starts_with_assistant' | 'invalid_model' | 'invalid_template' | 'invalid_params';

export interface Note<C extends string> {
  code: C;
  message: string;
}

/** What Promptdeck's version shape has no place for yet, kept for later (tools, model fields, metadata). */
export interface ImportExtras {
  toolConfiguration?: unknown;
  additionalModelRequestFields?: Record<string, unknown>;
  metadata?: { key: string; value: string }[];
}

export type ImportResult =
  | { ok: true; version: VersionDraft; notes: Note<ImportNoteCode>[]; extras: ImportExtras }
  | { ok: false; reason: ImportRefusal; message: string; notes: Note<ImportNoteCode>[] };

type BedrockPromptLike = { name?: string; version?: string; description?: string; defaultVariant?: string; variants?: PromptVariant[] };

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Texts of content blocks; whether cache points were dropped. */
function texts(blocks: readonly (ContentBlock | SystemContentBlock)[] | undefined): { text: string; parts: number; cachePoints: number } {
  const parts = (blocks ?? []).flatMap((b) => ('text' in b && typeof b.text === 'string' && b.text !== '' ? [b.text] : []));
  const cachePoints = (blocks ?? []).filter((b) => 'cachePoint' in b && b.cachePoint).length;
  return { text: parts.join('\n\n'), parts: parts.length, cachePoints };
}

/** top_k (Anthropic, Meta...), k (Cohere) or inferenceConfig.topK (Amazon) from additionalModelRequestFields. */
function takeTopK(fields: Record<string, unknown>): { topK?: number; rest: Record<string, unknown> } {
  const isInt = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v);
  const { top_k, k, ...rest } = fields;
  if (isInt(top_k)) return { topK: top_k, rest: k === undefined ? rest : { ...rest, k } };
  if (isInt(k) && top_k === undefined) return { topK: k, rest };
  const inner = fields.inferenceConfig;
  if (isRecord(inner) && isInt(inner.topK)) {
    const { topK, ...other } = inner;
    const { inferenceConfig: _drop, ...others } = fields;
    return { topK, rest: Object.keys(other).length ? { ...others, inferenceConfig: other } : others };
  }
  return { rest: fields };
}

/** One Bedrock prompt version (GetPrompt's answer) as a Promptdeck version. */
export function fromBedrockPrompt(prompt: BedrockPromptLike): ImportResult {
  const notes: Note<ImportNoteCode>[] = [];
  const refuse = (reason: ImportRefusal, message: string): ImportResult => ({ ok: false, reason, message, notes });
  const variants = prompt.variants ?? [];
  const variant = variants.find((v) => v.name === prompt.defaultVariant) ?? variants[0];
  if (!variant) return refuse('no_variant', 'The prompt has no variant to import.');
  if (variants.length > 1) notes.push({ code: 'other_variants_ignored', message: `Only variant "${variant.name}" was imported; ${variants.length - 1} other variant(s) were not.` });
  if (variant.genAiResource) return refuse('agent_variant', 'The variant runs an agent, not a model; Promptdeck versions call a model.');
  if (!variant.modelId) return refuse('no_model', 'The variant names no model.');
  const model = ModelIdSchema.safeParse(variant.modelId);
  if (!model.success) return refuse('invalid_model', `${variant.modelId}: ${model.error.issues[0]?.message ?? 'not a Bedrock model id'}`);

  const extras: ImportExtras = {};
  let template: Template;
  const tc = variant.templateConfiguration;
  if (tc && 'text' in tc && tc.text) {
    template = { messages: [{ role: 'user', content: tc.text.text ?? '' }] };
    notes.push({ code: 'text_template_as_user_message', message: 'The TEXT template became the first user message.' });
    if (tc.text.cachePoint) notes.push({ code: 'cache_points_dropped', message: 'A cache point after the text was not imported.' });
  } else if (tc && 'chat' in tc && tc.chat) {
    const chat = tc.chat;
    const system = texts(chat.system);
    let cachePoints = system.cachePoints;
    let joined = system.parts > 1;
    const messages: Template['messages'] = [];
    for (const m of chat.messages ?? []) {
      const t = texts(m.content);
      cachePoints += t.cachePoints;
      joined ||= t.parts > 1;
      if (!t.text) continue;
      const role = m.role === 'assistant' ? 'assistant' : 'user';
      const last = messages.at(-1);
      if (last?.role === role) {
        last.content += `\n\n${t.text}`;
        if (!notes.some((n) => n.code === 'messages_merged')) notes.push({ code: 'messages_merged', message: 'Consecutive messages of the same role were merged into one.' });
      } else messages.push({ role, content: t.text });
    }
    if (messages.length === 0) return refuse('no_messages', 'The chat template has no message with text.');
    if (messages[0]?.role !== 'user') return refuse('starts_with_assistant', 'The chat template starts with an assistant message; Bedrock Converse needs a user message first.');
    template = { ...(system.text ? { system: system.text } : {}), messages };
    if (joined) notes.push({ code: 'blocks_joined', message: 'Several text blocks of one message (or of the system prompt) were joined with blank lines.' });
    if (cachePoints > 0) notes.push({ code: 'cache_points_dropped', message: `${cachePoints} cache point(s) were not imported.` });
    if (chat.toolConfiguration) {
      extras.toolConfiguration = chat.toolConfiguration;
      notes.push({ code: 'tools_not_imported', message: `The tool configuration (${chat.toolConfiguration.tools?.length ?? 0} tool(s)) is kept aside; versions do not carry tools yet.` });
    }
  } else {
    return refuse('invalid_template', 'The variant has neither a text nor a chat template.');
  }
  const shape = TemplateSchema.safeParse(template);
  if (!shape.success) return refuse('invalid_template', shape.error.issues[0]?.message ?? 'Invalid template.');
  try {
    validateTemplate(shape.data);
  } catch (err) {
    return refuse('invalid_template', (err as Error).message);
  }

  const inf = variant.inferenceConfiguration && 'text' in variant.inferenceConfiguration ? variant.inferenceConfiguration.text : undefined;
  const params: Params = {};
  if (inf?.temperature !== undefined) params.temperature = inf.temperature;
  if (inf?.topP !== undefined) params.topP = inf.topP;
  if (inf?.maxTokens !== undefined && inf.maxTokens > 0) params.maxTokens = inf.maxTokens;
  else if (inf?.maxTokens === 0) notes.push({ code: 'max_tokens_zero_dropped', message: 'maxTokens 0 (the model default) was left unset.' });
  const stops = (inf?.stopSequences ?? []).filter((s) => s !== '');
  if (stops.length) params.stopSequences = stops;
  if (isRecord(variant.additionalModelRequestFields)) {
    const { topK, rest } = takeTopK(variant.additionalModelRequestFields);
    if (topK !== undefined) params.topK = topK;
    if (Object.keys(rest).length) {
      extras.additionalModelRequestFields = rest;
      notes.push({ code: 'additional_fields_not_imported', message: `Model fields ${Object.keys(rest).join(', ')} were not imported.` });
    }
  }
  const checked = ParamsSchema.safeParse(params);
  if (!checked.success) return refuse('invalid_params', checked.error.issues[0]?.message ?? 'Invalid parameters.');
  if (variant.metadata?.length) {
    extras.metadata = variant.metadata.map((m) => ({ key: m.key ?? '', value: m.value ?? '' }));
    notes.push({ code: 'metadata_not_imported', message: `${variant.metadata.length} metadata entr${variant.metadata.length === 1 ? 'y was' : 'ies were'} not imported.` });
  }
  const where = prompt.version && prompt.version !== 'DRAFT' ? `version ${prompt.version}` : 'the draft';
  const commitMessage = (prompt.description ? `${prompt.description} (Bedrock ${where})` : `Imported from Bedrock prompt ${prompt.name ?? ''}, ${where}`).slice(0, 1000);
  return { ok: true, version: { template: shape.data, modelId: model.data, params: checked.data, commitMessage }, notes, extras };
}

/** A Bedrock prompt name as a Promptdeck prompt name ("Support_Reply" -> "support_reply"). */
export function promptdeckNameFor(bedrockName: string): string | undefined {
  const name = bedrockName.toLowerCase();
  return PROMPT_NAME_RE.test(name) ? name : undefined;
}

/** A Promptdeck name as a Bedrock prompt name (`([0-9a-zA-Z][_-]?){1,100}`): dots become "-", runs of separators one. */
export function bedrockNameFor(promptdeckName: string): string {
  return promptdeckName
    .replace(/\./g, '-')
    .replace(/[^0-9a-zA-Z_-]/g, '-')
    .replace(/([_-])[_-]+/g, '$1')
    .replace(/^[_-]+/, '')
    .slice(0, 100);
}

import type { VersionDto } from '@/lib/catalog/dto';
import type { CreateVersionInput, Params } from '@/lib/catalog/schemas';
import { extractVariables } from '@/lib/catalog/template';
import { DEFAULT_MODEL_ID } from '@/lib/client/models';

/** What the editor form holds: numbers as typed text so an empty box means "not set". */
export interface EditorValues {
  system: string;
  messages: { role: 'user' | 'assistant'; content: string }[];
  modelId: string;
  temperature: string;
  topP: string;
  topK: string;
  maxTokens: string;
  stopSequences: { value: string }[];
  guardrailIdentifier: string;
  guardrailVersion: string;
  /** The Bedrock bundle: JSON Schemas as text (checked as JSON here, as JSON Schema by the server). */
  tools: { name: string; description: string; inputSchema: string }[];
  /** '' (Bedrock's default), 'auto', 'any' or 'tool:<name>'. */
  toolChoice: string;
  outputSchema: string;
  /** Checked cache points: 'system' and message indexes as text. */
  cachePoints: string[];
  fallbacks: { value: string }[];
  commitMessage: string;
  labels: string;
}

const pretty = (v: unknown) => JSON.stringify(v, null, 2);

/** A JSON text box: the parsed value, or why it is not JSON. */
export function parseJsonText(text: string): { ok: true; value: unknown } | { ok: false; message: string } {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (e) {
    return { ok: false, message: `Not valid JSON: ${e instanceof Error ? e.message : 'parse error'}` };
  }
}

/** Stop sequences often contain newlines, which a one-line input cannot hold: edit them escaped. */
export const escapeStop = (s: string) => s.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/\t/g, '\\t').replace(/\r/g, '\\r');
export const unescapeStop = (s: string) => s.replace(/\\([\\ntr])/g, (_, c: string) => ({ n: '\n', t: '\t', r: '\r' })[c] ?? c);

export const NUMBER_PARAMS = ['temperature', 'topP', 'topK', 'maxTokens'] as const;

type Base = Pick<VersionDto, 'template' | 'modelId' | 'params' | 'guardrail'> & Partial<Pick<VersionDto, 'tools' | 'toolChoice' | 'outputSchema' | 'cachePoints' | 'fallbacks'>>;

export function valuesFrom(v: Base | null): EditorValues {
  const num = (n: number | undefined) => (n === undefined ? '' : String(n));
  return {
    system: v?.template.system ?? '',
    messages: v ? v.template.messages.map((m) => ({ role: m.role, content: m.content })) : [{ role: 'user', content: '' }],
    modelId: v?.modelId ?? DEFAULT_MODEL_ID,
    temperature: num(v?.params.temperature),
    topP: num(v?.params.topP),
    topK: num(v?.params.topK),
    maxTokens: v ? num(v.params.maxTokens) : '1024',
    stopSequences: (v?.params.stopSequences ?? []).map((value) => ({ value: escapeStop(value) })),
    guardrailIdentifier: v?.guardrail?.identifier ?? '',
    guardrailVersion: v?.guardrail?.version ?? '',
    tools: (v?.tools ?? []).map((t) => ({ name: t.name, description: t.description, inputSchema: pretty(t.inputSchema) })),
    toolChoice: !v?.toolChoice ? '' : typeof v.toolChoice === 'string' ? v.toolChoice : `tool:${v.toolChoice.tool}`,
    outputSchema: v?.outputSchema === null || v?.outputSchema === undefined ? '' : pretty(v.outputSchema),
    cachePoints: (v?.cachePoints ?? []).map(String),
    fallbacks: (v?.fallbacks ?? []).map((value) => ({ value })),
    commitMessage: '',
    labels: '',
  };
}

export const splitList = (s: string) =>
  s
    .split(/[,\s]+/)
    .map((t) => t.trim())
    .filter(Boolean);

/** `system` or `messages.3` (where a template error was found) → the form field. */
export function templateWhereToField(where: unknown): string | null {
  if (where === 'system') return 'system';
  const m = typeof where === 'string' ? /^messages\.(\d+)$/.exec(where) : null;
  return m ? `messages.${m[1]}.content` : null;
}

/** The `params` body from the parameter fields (also used by the playground's overrides). */
export function paramsFrom(v: Pick<EditorValues, (typeof NUMBER_PARAMS)[number] | 'stopSequences'>): { params: Record<string, unknown>; errors: { field: string; message: string }[] } {
  const errors: { field: string; message: string }[] = [];
  const params: Record<string, unknown> = {};
  for (const k of NUMBER_PARAMS) {
    const raw = v[k].trim();
    if (raw === '') continue;
    const n = Number(raw);
    if (Number.isNaN(n)) errors.push({ field: k, message: 'Enter a number, or leave empty for the model default.' });
    else params[k] = n;
  }
  if (v.stopSequences.length > 0) params.stopSequences = v.stopSequences.map((s) => unescapeStop(s.value));
  return { params, errors };
}

/** The bundle fields of the API body (also used by the playground); JSON that does not parse is reported per field. */
export function bundleFrom(v: Pick<EditorValues, 'tools' | 'toolChoice' | 'outputSchema' | 'cachePoints' | 'fallbacks'>): { bundle: Record<string, unknown>; errors: { field: string; message: string }[] } {
  const errors: { field: string; message: string }[] = [];
  // Drafts saved before the bundle existed lack these fields.
  v = { tools: v.tools ?? [], toolChoice: v.toolChoice ?? '', outputSchema: v.outputSchema ?? '', cachePoints: v.cachePoints ?? [], fallbacks: v.fallbacks ?? [] };
  const tools = v.tools.map((t, i) => {
    const parsed = parseJsonText(t.inputSchema.trim() || '{"type": "object", "properties": {}}');
    if (!parsed.ok) errors.push({ field: `tools.${i}.inputSchema`, message: parsed.message });
    return { name: t.name.trim(), description: t.description.trim(), inputSchema: parsed.ok ? parsed.value : {} };
  });
  let outputSchema: unknown = null;
  if (v.outputSchema.trim()) {
    const parsed = parseJsonText(v.outputSchema);
    if (parsed.ok) outputSchema = parsed.value;
    else errors.push({ field: 'outputSchema', message: parsed.message });
  }
  const choice = v.toolChoice.startsWith('tool:') ? { tool: v.toolChoice.slice(5) } : v.toolChoice || null;
  const cachePoints = (Array.isArray(v.cachePoints) ? v.cachePoints : v.cachePoints ? [v.cachePoints] : []).map((c) => (c === 'system' ? c : Number(c)));
  const fallbacks = v.fallbacks.map((f) => f.value.trim()).filter(Boolean);
  return {
    bundle: {
      ...(tools.length ? { tools } : {}),
      ...(choice && tools.length ? { toolChoice: choice } : {}),
      ...(outputSchema !== null ? { outputSchema } : {}),
      ...(cachePoints.length ? { cachePoints } : {}),
      ...(fallbacks.length ? { fallbacks } : {}),
    },
    errors,
  };
}

/** Builds the API body; reports what the schema cannot (non-numbers, template syntax). */
export function toInput(v: EditorValues): { input: unknown; errors: { field: string; message: string }[] } {
  const { params, errors } = paramsFrom(v);
  const { bundle, errors: bundleErrors } = bundleFrom(v);
  errors.push(...bundleErrors);
  const template = { ...(v.system.trim() ? { system: v.system } : {}), messages: v.messages.map((m) => ({ role: m.role, content: m.content })) };
  try {
    extractVariables(template);
  } catch (e) {
    const where = (e as { details?: { where?: unknown } }).details?.where;
    errors.push({ field: templateWhereToField(where) ?? 'root', message: e instanceof Error ? e.message : 'Template error.' });
  }
  const labels = splitList(v.labels);
  const guardrail = { identifier: v.guardrailIdentifier.trim(), version: v.guardrailVersion.trim() };
  const input: Partial<CreateVersionInput> & Record<string, unknown> = {
    template,
    modelId: v.modelId.trim(),
    ...(Object.keys(params).length ? { params } : {}),
    ...(guardrail.identifier || guardrail.version ? { guardrail } : {}),
    ...bundle,
    ...(v.commitMessage.trim() ? { commitMessage: v.commitMessage.trim() } : {}),
    ...(labels.length ? { labels } : {}),
  };
  return { input, errors };
}

/** A schema/API issue path (e.g. `template.messages.1.role`) → the form field showing it. */
export function mapPath(path: string): string | null {
  if (path === 'template.system') return 'system';
  if (path === 'template' || path === 'template.messages') return 'messages.root';
  let m = /^template\.messages\.(\d+)\.(role|content)$/.exec(path);
  if (m) return `messages.${m[1]}.${m[2]}`;
  m = /^template\.messages\.(\d+)$/.exec(path);
  if (m) return `messages.${m[1]}.content`;
  if (path === 'modelId' || path === 'commitMessage') return path;
  m = /^params\.(temperature|topP|topK|maxTokens)$/.exec(path);
  if (m) return m[1] ?? null;
  if (path === 'params.stopSequences') return 'stopSequences.root';
  m = /^params\.stopSequences\.(\d+)$/.exec(path);
  if (m) return `stopSequences.${m[1]}.value`;
  if (path === 'labels' || path.startsWith('labels.')) return 'labels';
  if (path === 'guardrail' || path === 'guardrail.identifier') return 'guardrailIdentifier';
  if (path === 'guardrail.version') return 'guardrailVersion';
  m = /^tools\.(\d+)\.(name|description|inputSchema)/.exec(path);
  if (m) return `tools.${m[1]}.${m[2]}`;
  if (path === 'tools') return 'tools.root';
  if (path.startsWith('toolChoice')) return 'toolChoice';
  if (path.startsWith('outputSchema')) return 'outputSchema';
  if (path.startsWith('cachePoints')) return 'cachePoints';
  m = /^fallbacks\.(\d+)$/.exec(path);
  if (m) return `fallbacks.${m[1]}.value`;
  if (path === 'fallbacks') return 'fallbacks.root';
  return null;
}

/** A hand-off from the playground: start from a version with another model / parameters. */
export interface EditorPrefill {
  modelId?: string;
  params?: Params;
}

export function prefilledValues(base: VersionDto | null, prefill: EditorPrefill | null): EditorValues {
  if (!base || !prefill) return valuesFrom(base);
  return valuesFrom({ ...base, modelId: prefill.modelId ?? base.modelId, params: prefill.params ?? base.params });
}

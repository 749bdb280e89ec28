import { createHash } from 'node:crypto';
import { rng, seedOf } from './seed';

/**
 * Converse tool use in the stand-in: `toolConfig` validated as Bedrock does, and deterministic
 * tool calls. With `toolChoice: {tool}` the model calls that tool; with `any` the tool whose name
 * and description share most words with the last user message (ties: the first); with `auto`
 * (or no toolChoice) that tool when it shares at least one word, else it answers in text. A
 * last user message carrying a toolResult is answered in text. The input follows the tool's
 * JSON Schema (every property, values typed after the schema and taken from the message where
 * it can: enum members it mentions, numbers it contains, the message itself for query-like keys).
 */

export interface ToolSpec {
  name: string;
  description: string;
  schema: Record<string, unknown>;
}

export type ToolChoiceSpec = { kind: 'auto' } | { kind: 'any' } | { kind: 'tool'; name: string };

export interface ToolConfigInput {
  tools: ToolSpec[];
  choice: ToolChoiceSpec | null;
  /** Tokens of the tool definitions (they count as input, before the system prompt). */
  tokens: number;
  /** A cachePoint block follows the tools. */
  cachePoint: boolean;
}

export interface PlannedToolCall {
  toolUseId: string;
  name: string;
  input: unknown;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const NAME_RE = /^[a-zA-Z0-9_-]{1,64}$/;

/** Parses `toolConfig`; pushes Bedrock-style constraint messages into `errors`. */
export function parseToolConfig(raw: unknown, errors: string[], constraint: (v: unknown, path: string, rule: string) => string): ToolConfigInput | undefined {
  if (raw === undefined || raw === null) return undefined;
  if (!isRecord(raw)) {
    errors.push(constraint(raw, 'toolConfig', 'be a structure'));
    return undefined;
  }
  if (!Array.isArray(raw.tools)) {
    errors.push(constraint(raw.tools, 'toolConfig.tools', 'not be null'));
    return undefined;
  }
  const tools: ToolSpec[] = [];
  let cachePoint = false;
  raw.tools.forEach((t, i) => {
    if (isRecord(t) && isRecord(t.cachePoint)) {
      cachePoint = true;
      return;
    }
    const spec = isRecord(t) ? t.toolSpec : undefined;
    if (!isRecord(spec)) return void errors.push(constraint(spec, `toolConfig.tools.${i + 1}.member.toolSpec`, 'not be null'));
    const name = spec.name;
    if (typeof name !== 'string' || !NAME_RE.test(name)) return void errors.push(constraint(name, `toolConfig.tools.${i + 1}.member.toolSpec.name`, 'satisfy regular expression pattern: [a-zA-Z0-9_-]+'));
    const schema = isRecord(spec.inputSchema) ? spec.inputSchema.json : undefined;
    if (!isRecord(schema)) return void errors.push(constraint(schema, `toolConfig.tools.${i + 1}.member.toolSpec.inputSchema.json`, 'not be null'));
    tools.push({ name, description: typeof spec.description === 'string' ? spec.description : '', schema });
  });
  if (raw.tools.length === 0) errors.push(constraint(raw.tools, 'toolConfig.tools', 'have length greater than or equal to 1'));
  let choice: ToolChoiceSpec | null = null;
  const c = raw.toolChoice;
  if (c !== undefined && c !== null) {
    if (isRecord(c) && isRecord(c.auto)) choice = { kind: 'auto' };
    else if (isRecord(c) && isRecord(c.any)) choice = { kind: 'any' };
    else if (isRecord(c) && isRecord(c.tool) && typeof c.tool.name === 'string') choice = { kind: 'tool', name: c.tool.name };
    else errors.push(constraint(c, 'toolConfig.toolChoice', 'be one of auto, any or tool'));
  }
  return { tools, choice, tokens: Math.ceil(JSON.stringify(raw.tools).length / 4), cachePoint };
}

/** Bedrock's checks that need the whole request: unique names, a known forced tool, model support. */
export function toolConfigProblem(cfg: ToolConfigInput, baseModelId: string, streaming: boolean): string | undefined {
  const names = cfg.tools.map((t) => t.name);
  if (new Set(names).size !== names.length) return 'The toolConfig field must contain tools with unique names.';
  if (/^(deepseek|amazon\.titan)/.test(baseModelId)) return "This model doesn't support tool use.";
  if (streaming && /^(meta|cohere)\./.test(baseModelId)) return "This model doesn't support tool use in streaming mode.";
  const choice = cfg.choice;
  if (choice && choice.kind !== 'auto' && !/^(anthropic\.|amazon\.nova|mistral\.mistral-large)/.test(baseModelId)) {
    return `This model doesn't support the toolConfig.toolChoice.${choice.kind} field. Remove toolConfig.toolChoice.${choice.kind} and try again.`;
  }
  if (choice?.kind === 'tool' && !names.includes(choice.name)) return `The tool ${choice.name} specified in toolConfig.toolChoice isn't in toolConfig.tools.`;
  return undefined;
}

const words = (s: string) => new Set((s.toLowerCase().match(/[a-z0-9]{3,}/g) ?? []).flatMap((w) => [w, w.replace(/s$/, '')]));

function overlap(tool: ToolSpec, message: string): number {
  const m = words(message);
  let n = 0;
  for (const w of words(`${tool.name.replace(/[_-]/g, ' ')} ${tool.description}`)) if (m.has(w)) n += 1;
  return n;
}

/** The tool the model calls, or undefined when it answers in text. */
export function chooseTool(cfg: ToolConfigInput, lastUser: string, lastHasToolResult: boolean): ToolSpec | undefined {
  if (lastHasToolResult || cfg.tools.length === 0) return undefined;
  const choice = cfg.choice ?? { kind: 'auto' };
  if (choice.kind === 'tool') return cfg.tools.find((t) => t.name === choice.name);
  let best = cfg.tools[0];
  let bestScore = best ? overlap(best, lastUser) : 0;
  for (const t of cfg.tools.slice(1)) {
    const s = overlap(t, lastUser);
    if (s > bestScore) [best, bestScore] = [t, s];
  }
  return choice.kind === 'any' || bestScore > 0 ? best : undefined;
}

interface Gen {
  message: string;
  rand: () => number;
  depth: number;
}

const QUERYISH = /query|search|question|text|message|prompt|input|request|topic|subject|keyword/;

const NOT_NAMES = new Set(['What', 'When', 'Where', 'Which', 'Who', 'How', 'Why', 'Please', 'Can', 'Could', 'Would', 'Tell', 'Show', 'Find', 'The', 'Is', 'Are', 'Do', 'Does']);

/** A capitalised word that is not a sentence's question or command word ("Lisbon", "New York"). */
function properNoun(text: string): string | undefined {
  const found = [...text.matchAll(/\b[A-Z][a-z]{2,}(?:\s[A-Z][a-z]{2,})?\b/g)].filter((m) => !NOT_NAMES.has(m[0].split(' ')[0] ?? ''));
  // A capital after a sentence's end is weak evidence: prefer one inside a sentence.
  const inside = found.find((m) => m.index > 0 && !/[.!?]\s*$/.test(text.slice(0, m.index)));
  return (inside ?? found[0])?.[0];
}

function stringFor(key: string, s: Record<string, unknown>, g: Gen): string {
  const k = key.toLowerCase();
  let v: string;
  if (s.format === 'date') v = '2026-12-04';
  else if (s.format === 'date-time') v = '2026-12-04T10:00:00Z';
  else if (s.format === 'email') v = 'user@example.com';
  else if (s.format === 'uri' || s.format === 'url') v = 'https://example.com/';
  else if (s.format === 'uuid') v = '00000000-0000-4000-8000-000000000000';
  else if (QUERYISH.test(k)) v = g.message.replace(/\s+/g, ' ').trim().slice(0, 200) || 'help';
  else if (/city|location|place|country|region/.test(k)) v = properNoun(g.message) ?? 'Seattle';
  else if (/name/.test(k)) v = 'Alex';
  else if (/reason|explan|summary|description|comment|note/.test(k)) v = `About: ${g.message.replace(/\s+/g, ' ').trim().slice(0, 80)}`;
  else v = `${key.replace(/[_-]/g, ' ')} value`;
  const min = typeof s.minLength === 'number' ? s.minLength : 0;
  const max = typeof s.maxLength === 'number' ? s.maxLength : Infinity;
  if (v.length > max) v = v.slice(0, max);
  while (v.length < min) v += 'x';
  return v;
}

function numberFor(s: Record<string, unknown>, g: Gen, integer: boolean): number {
  const min = typeof s.minimum === 'number' ? s.minimum : typeof s.exclusiveMinimum === 'number' ? s.exclusiveMinimum + 1 : undefined;
  const max = typeof s.maximum === 'number' ? s.maximum : typeof s.exclusiveMaximum === 'number' ? s.exclusiveMaximum - 1 : undefined;
  const ok = (n: number) => (min === undefined || n >= min) && (max === undefined || n <= max) && (!integer || Number.isInteger(n));
  const seen = (g.message.match(/-?\d+(?:\.\d+)?/g) ?? []).map(Number).find(ok);
  if (seen !== undefined) return seen;
  const n = min ?? (max !== undefined ? Math.min(max, 1) : 1 + Math.floor(g.rand() * 5));
  return integer ? Math.ceil(n) : n;
}

/** A value that satisfies the common JSON Schema keywords of `schema`. */
export function exampleFor(schema: unknown, key: string, g: Gen): unknown {
  if (!isRecord(schema) || g.depth > 6) return null;
  if ('const' in schema) return schema.const;
  if (Array.isArray(schema.enum) && schema.enum.length) {
    const mentioned = schema.enum.find((e) => typeof e === 'string' && g.message.toLowerCase().includes(e.toLowerCase()));
    return mentioned ?? schema.enum[0];
  }
  for (const k of ['anyOf', 'oneOf', 'allOf'] as const) {
    const list = schema[k];
    if (Array.isArray(list) && list.length) return exampleFor(list[0], key, g);
  }
  const type = Array.isArray(schema.type) ? schema.type.find((t) => t !== 'null') : schema.type;
  const deeper = { ...g, depth: g.depth + 1 };
  switch (type) {
    case 'object': {
      const props = isRecord(schema.properties) ? schema.properties : {};
      return Object.fromEntries(Object.entries(props).map(([k, v]) => [k, exampleFor(v, k, deeper)]));
    }
    case 'array': {
      const n = Math.max(1, typeof schema.minItems === 'number' ? schema.minItems : 1);
      return Array.from({ length: n }, () => exampleFor(schema.items ?? { type: 'string' }, key, deeper));
    }
    case 'integer':
      return numberFor(schema, g, true);
    case 'number':
      return numberFor(schema, g, false);
    case 'boolean':
      return g.rand() < 0.5;
    case 'null':
      return null;
    default:
      return stringFor(key, schema, g);
  }
}

/** The tool call for a prompt: deterministic id and input. */
export function planToolCall(tool: ToolSpec, modelId: string, lastUser: string): PlannedToolCall {
  const seed = seedOf({ modelId, tool: tool.name, lastUser });
  const input = exampleFor(tool.schema, tool.name, { message: lastUser, rand: rng(seed), depth: 0 });
  const id = createHash('sha256').update(`${seed}:${tool.name}`).digest('base64url').slice(0, 22);
  return { toolUseId: `tooluse_${id}`, name: tool.name, input: isRecord(input) ? input : {} };
}

/** Anthropic models say what they are about to do before an unforced tool call. */
export function preamble(baseModelId: string, choice: ToolChoiceSpec | null, tool: string): string | undefined {
  if ((choice && choice.kind !== 'auto') || !baseModelId.startsWith('anthropic.')) return undefined;
  return `I'll use the ${tool} tool to help with this.`;
}

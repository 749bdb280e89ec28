/**
 * Validation of a Converse / ConverseStream request body, with Bedrock's rules and wording:
 * messages required, starting with a user message and alternating; temperature and topP in
 * [0, 1]; maxTokens >= 1; at most 4 stop sequences.
 */

import { createHash } from 'node:crypto';
import { parseToolConfig, type ToolConfigInput } from './tools';

/** A cachePoint block: the prompt prefix before it (tokens, and a key naming its content). */
export interface CacheCheckpoint {
  tokens: number;
  key: string;
}

export interface ConverseInput {
  system: string;
  messages: { role: 'user' | 'assistant'; text: string }[];
  /** toolConfig, when the request has one. */
  toolConfig?: ToolConfigInput;
  /** The last message carries a toolResult block (the model answers in text). */
  lastHasToolResult: boolean;
  /** cachePoint blocks in prompt order (tools, system, messages). */
  cacheCheckpoints: CacheCheckpoint[];
  /** Input tokens: tool definitions + system + messages. */
  inputTokens: number;
  maxTokens?: number;
  temperature?: number;
  topP?: number;
  stopSequences: string[];
  /** The parsed body, for tests that check what the app sent. */
  raw: Record<string, unknown>;
}

export type ParseResult = { ok: true; input: ConverseInput } | { ok: false; message: string };

const MALFORMED = 'Malformed input request, please reformat your input and try again.';

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Text of content blocks; a toolResult's content counts as text (its JSON stringified). */
function textOf(blocks: unknown[]): string {
  return blocks
    .map((b) => {
      if (isRecord(b) && typeof b.text === 'string') return b.text;
      if (isRecord(b) && isRecord(b.toolResult) && Array.isArray(b.toolResult.content)) {
        return b.toolResult.content.map((c) => (isRecord(c) && typeof c.text === 'string' ? c.text : isRecord(c) && 'json' in c ? JSON.stringify(c.json) : '')).join('\n');
      }
      return '';
    })
    .filter(Boolean)
    .join('\n');
}

const countTokens = (text: string) => Math.ceil(text.length / 4);
const isCachePoint = (b: unknown) => isRecord(b) && isRecord(b.cachePoint);
export const MAX_CACHE_POINTS = 4;

/** Where the request's cachePoint blocks sit, as prefixes of the prompt (tools, system, messages). */
function checkpoints(raw: Record<string, unknown>, tools: ToolConfigInput | undefined, systemBlocks: unknown[], messages: unknown[]): CacheCheckpoint[] {
  const out: CacheCheckpoint[] = [];
  const hash = createHash('sha256');
  let tokens = 0;
  const mark = () => out.push({ tokens, key: hash.copy().digest('base64url') });
  if (tools) {
    hash.update(JSON.stringify((raw.toolConfig as Record<string, unknown>).tools));
    tokens += tools.tokens;
    if (tools.cachePoint) mark();
  }
  const walk = (blocks: unknown[], tag: string) => {
    const texts: string[] = [];
    for (const b of blocks) {
      if (isCachePoint(b)) {
        const t = texts.join('\n');
        hash.update(`${tag}\u0000${t}`);
        out.push({ tokens: tokens + countTokens(t), key: hash.copy().digest('base64url') });
        continue;
      }
      const t = textOf([b]);
      if (t) texts.push(t);
    }
    hash.update(`${tag}\u0000${texts.join('\n')}\u0001`);
    tokens += countTokens(texts.join('\n'));
  };
  walk(systemBlocks, 'system');
  messages.forEach((m, i) => walk(isRecord(m) && Array.isArray(m.content) ? m.content : [], `m${i}:${isRecord(m) ? String(m.role) : ''}`));
  return out;
}

function constraint(value: unknown, path: string, rule: string): string {
  const shown = value === undefined || value === null ? 'null' : `'${typeof value === 'object' ? JSON.stringify(value) : String(value)}'`;
  return `Value ${shown} at '${path}' failed to satisfy constraint: Member must ${rule}`;
}

type Inference = Pick<ConverseInput, 'maxTokens' | 'temperature' | 'topP' | 'stopSequences'>;

function checkInference(cfg: Record<string, unknown>, errors: string[]): Inference {
  const out: Inference = { stopSequences: [] };
  const num = (name: 'maxTokens' | 'temperature' | 'topP') => {
    const v = cfg[name];
    if (v === undefined || v === null) return undefined;
    if (typeof v !== 'number' || !Number.isFinite(v)) {
      errors.push(constraint(v, `inferenceConfig.${name}`, 'be a number'));
      return undefined;
    }
    return v;
  };
  out.maxTokens = num('maxTokens');
  out.temperature = num('temperature');
  out.topP = num('topP');
  if (out.maxTokens !== undefined && (out.maxTokens < 1 || !Number.isInteger(out.maxTokens))) {
    errors.push(constraint(out.maxTokens, 'inferenceConfig.maxTokens', 'have value greater than or equal to 1'));
  }
  for (const name of ['temperature', 'topP'] as const) {
    const v = out[name];
    if (v !== undefined && v < 0) errors.push(constraint(v, `inferenceConfig.${name}`, 'have value greater than or equal to 0'));
    if (v !== undefined && v > 1) errors.push(constraint(v, `inferenceConfig.${name}`, 'have value less than or equal to 1'));
  }
  const stops = cfg.stopSequences;
  if (stops !== undefined && stops !== null) {
    if (!Array.isArray(stops) || stops.some((s) => typeof s !== 'string')) errors.push(constraint(stops, 'inferenceConfig.stopSequences', 'be a list of strings'));
    else if (stops.length > 4) errors.push(constraint(stops, 'inferenceConfig.stopSequences', 'have length less than or equal to 4'));
    else out.stopSequences = stops as string[];
  }
  return out;
}

export function parseConverseInput(body: Buffer): ParseResult {
  let raw: unknown;
  try {
    raw = JSON.parse(body.toString('utf8'));
  } catch {
    return { ok: false, message: MALFORMED };
  }
  if (!isRecord(raw)) return { ok: false, message: MALFORMED };

  const errors: string[] = [];
  const messages: ConverseInput['messages'] = [];
  if (!Array.isArray(raw.messages)) {
    errors.push(constraint(raw.messages, 'messages', 'not be null'));
  } else {
    raw.messages.forEach((m, i) => {
      const role = isRecord(m) ? m.role : undefined;
      const content = isRecord(m) ? m.content : undefined;
      if (role !== 'user' && role !== 'assistant') {
        errors.push(constraint(role, `messages.${i + 1}.member.role`, 'satisfy enum value set: [user, assistant]'));
      }
      if (!Array.isArray(content)) errors.push(constraint(content, `messages.${i + 1}.member.content`, 'not be null'));
      else if (role === 'user' || role === 'assistant') messages.push({ role, text: textOf(content) });
    });
  }
  if (raw.system !== undefined && !Array.isArray(raw.system)) errors.push(constraint(raw.system, 'system', 'be a list of system content blocks'));
  if (raw.inferenceConfig !== undefined && !isRecord(raw.inferenceConfig)) errors.push(constraint(raw.inferenceConfig, 'inferenceConfig', 'be a structure'));
  const inference = checkInference(isRecord(raw.inferenceConfig) ? raw.inferenceConfig : {}, errors);
  const toolConfig = parseToolConfig(raw.toolConfig, errors, constraint);
  if (errors.length) {
    return { ok: false, message: `${errors.length} validation error${errors.length > 1 ? 's' : ''} detected: ${errors.join('; ')}` };
  }

  const list = raw.messages as unknown[];
  const emptyAt = list.findIndex((m) => isRecord(m) && Array.isArray(m.content) && m.content.length === 0);
  if (emptyAt >= 0) {
    return { ok: false, message: `The content field in the Message object at messages.${emptyAt} is empty. Add a ContentBlock object to the content field and try again.` };
  }
  if (messages[0]?.role !== 'user') {
    return { ok: false, message: 'A conversation must start with a user message. Try again with a conversation that starts with a user message.' };
  }
  if (messages.some((m, i) => i > 0 && messages[i - 1]?.role === m.role)) {
    return {
      ok: false,
      message: 'A conversation must alternate between user and assistant roles. Make sure the conversation alternates between user and assistant roles and try again.',
    };
  }
  const systemBlocks = Array.isArray(raw.system) ? (raw.system as unknown[]) : [];
  const system = textOf(systemBlocks);
  const cacheCheckpoints = checkpoints(raw, toolConfig, systemBlocks, list);
  if (cacheCheckpoints.length > MAX_CACHE_POINTS) {
    return { ok: false, message: `The request contains ${cacheCheckpoints.length} cachePoint blocks. A maximum of ${MAX_CACHE_POINTS} cachePoint blocks is allowed per request.` };
  }
  const lastContent = (list[list.length - 1] as Record<string, unknown>).content as unknown[];
  const lastHasToolResult = lastContent.some((b) => isRecord(b) && isRecord(b.toolResult));
  const inputTokens = Math.max(1, (toolConfig?.tokens ?? 0) + countTokens(system) + messages.reduce((n, m) => n + countTokens(m.text), 0));
  return { ok: true, input: { system, messages, ...inference, ...(toolConfig ? { toolConfig } : {}), lastHasToolResult, cacheCheckpoints, inputTokens, raw } };
}

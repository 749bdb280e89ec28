/**
 * Validation of a Converse / ConverseStream request body, with Bedrock's rules and wording:
 * messages required, starting with a user message and alternating; temperature and topP in
 * [0, 1]; maxTokens >= 1; at most 4 stop sequences.
 */

export interface ConverseInput {
  system: string;
  messages: { role: 'user' | 'assistant'; text: string }[];
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

function textOf(blocks: unknown[]): string {
  return blocks
    .map((b) => (isRecord(b) && typeof b.text === 'string' ? b.text : ''))
    .filter(Boolean)
    .join('\n');
}

function constraint(value: unknown, path: string, rule: string): string {
  const shown = value === undefined || value === null ? 'null' : `'${typeof value === 'object' ? JSON.stringify(value) : String(value)}'`;
  return `Value ${shown} at '${path}' failed to satisfy constraint: Member must ${rule}`;
}

function checkInference(cfg: Record<string, unknown>, errors: string[]): Omit<ConverseInput, 'system' | 'messages' | 'raw'> {
  const out: Omit<ConverseInput, 'system' | 'messages' | 'raw'> = { stopSequences: [] };
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
  const system = Array.isArray(raw.system) ? textOf(raw.system) : '';
  return { ok: true, input: { system, messages, ...inference, raw } };
}

import { jsonReply, wantsJson } from './json-replies';
import { rng, seedOf } from './seed';
import { draw, spread, type Sampling } from './variation';

/**
 * Deterministic model answers: the same request gives the same text. Plausible English prose
 * about the words of the last user message, or a JSON object when the prompt asks for JSON.
 * The model and the prompt fix the most likely answer; temperature x topP decide how far the
 * wording strays from it (see README "Answers").
 */
export { pick, rng, seedOf } from './seed';

export interface PromptText {
  modelId: string;
  system: string;
  /** Text of each message, in order. */
  messages: { role: string; text: string }[];
  temperature?: number;
  topP?: number;
}

export type StopReason = 'end_turn' | 'max_tokens' | 'stop_sequence' | 'tool_use';

export interface FinishedReply {
  text: string;
  stopReason: StopReason;
  outputTokens: number;
}

/** Bedrock-like token estimate: about four characters per token. */
export function countTokens(text: string): number {
  return Math.ceil(text.length / 4);
}

const STOPWORDS = new Set(
  [
    'about above after again against because before being below between could during every further having other their there these those',
    'through under until where which while would should with without your yours from into that this what when will shall them they then',
    'than also just only very more most some such here each both please choose write explain describe create generate answer given using',
    'draft reply think thanks hello really maybe might often always never know want need help make tell give short brief',
  ]
    .join(' ')
    .split(' '),
);

/** The most telling words of a text, in order of first appearance. */
export function topicsOf(text: string, max = 3): string[] {
  const counts = new Map<string, number>();
  for (const w of text.toLowerCase().match(/[a-z][a-z-]{4,}/g) ?? []) {
    if (!STOPWORDS.has(w)) counts.set(w, (counts.get(w) ?? 0) + 1);
  }
  return [...counts.entries()]
    .sort((a, b) => b[1] - a[1] || b[0].length - a[0].length)
    .slice(0, max)
    .map(([w]) => w);
}

const OPENERS = ['Here is a short answer about {a}.', 'Thanks for the question about {a}.', 'Good question on {a}.', 'Let me walk through {a} briefly.'];
const BODY = [
  'The key point is that {a} depends on the context you described.',
  'In most cases, {a} works best when it is kept simple and measured.',
  'A practical first step is to review {a} against your goals.',
  'It also helps to compare {a} with {b} before deciding.',
  'Teams usually track {a} over time to see whether a change really helps.',
  'Keep in mind that {b} can affect {a} more than expected.',
  'A small, concrete example of {a} often makes the trade-offs clear.',
  'Writing down what good {a} looks like makes later reviews faster.',
];
const CLOSERS = [
  'In short, focus on {a} first and revisit {b} once the basics work.',
  'If anything about {a} is unclear, share more detail and I can be more specific.',
  'Overall, a careful look at {a} should be enough to move forward.',
];

function fill(template: string, topics: string[]): string {
  const a = topics[0] ?? 'this topic';
  const b = topics[1] ?? topics[0] ?? 'the details';
  return template.replaceAll('{a}', a).replaceAll('{b}', b);
}

/**
 * The canonical choice from `items` (by the prompt's seed), replaced by another one with
 * probability spread(temperature, topP): higher temperature, more varied wording.
 */
function varied<T>(items: readonly T[], canonical: number, s: Sampling, ...key: unknown[]): T {
  let i = canonical;
  if (items.length > 1 && draw('vary', s.temperature ?? null, s.topP ?? null, ...key) < spread(s)) {
    i = (canonical + 1 + Math.floor(draw('pick', s.temperature ?? null, s.topP ?? null, ...key) * (items.length - 1))) % items.length;
  }
  return items[i] as T;
}

function prose(rand: () => number, topics: string[], s: Sampling, key: number): string {
  const first = [fill(varied(OPENERS, Math.floor(rand() * OPENERS.length), s, key, 'open'), topics)];
  const n = 2 + Math.floor(rand() * 4);
  const order = [...BODY].sort(() => rand() - 0.5);
  for (let i = 0; i < n && i < order.length; i++) {
    first.push(fill(varied(order, i, s, key, 'body', i), i % 2 ? [...topics].reverse() : topics));
  }
  return `${first.join(' ')}\n\n${fill(varied(CLOSERS, Math.floor(rand() * CLOSERS.length), s, key, 'close'), topics)}`;
}

/** The full answer to a prompt, before maxTokens and stop sequences apply. */
export function generateReply(prompt: PromptText): string {
  // The prompt and the model fix the most likely answer; sampling only varies it.
  const base = seedOf({ modelId: prompt.modelId, system: prompt.system, messages: prompt.messages });
  const rand = rng(base);
  const lastUser = [...prompt.messages].reverse().find((m) => m.role === 'user')?.text ?? '';
  const sampling = { temperature: prompt.temperature, topP: prompt.topP };
  if (wantsJson(prompt.system, lastUser)) return jsonReply(rand, { modelId: prompt.modelId, system: prompt.system, user: lastUser, ...sampling });
  return prose(rand, topicsOf(lastUser), sampling, base);
}

/** Applies stop sequences and the token limit, as the model would while generating. */
export function finishReply(full: string, maxTokens: number | undefined, stopSequences: readonly string[]): FinishedReply {
  let text = full;
  let stopReason: StopReason = 'end_turn';
  let cut = -1;
  for (const s of stopSequences) {
    const at = s ? text.indexOf(s) : -1;
    if (at >= 0 && (cut < 0 || at < cut)) cut = at;
  }
  if (cut >= 0) {
    text = text.slice(0, cut);
    stopReason = 'stop_sequence';
  }
  if (maxTokens !== undefined && countTokens(text) > maxTokens) {
    const limit = maxTokens * 4;
    const space = text.lastIndexOf(' ', limit);
    text = text.slice(0, space > limit / 2 ? space : limit);
    stopReason = 'max_tokens';
  }
  return { text, stopReason, outputTokens: countTokens(text) };
}

/** Splits text into stream deltas of a few words each; the deltas concatenate to the text. */
export function splitDeltas(text: string, rand: () => number): string[] {
  const words = text.match(/\s*\S+\s*/g) ?? (text ? [text] : []);
  const out: string[] = [];
  for (let i = 0; i < words.length; ) {
    const n = 2 + Math.floor(rand() * 3);
    out.push(words.slice(i, i + n).join(''));
    i += n;
  }
  return out;
}

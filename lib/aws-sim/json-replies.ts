/**
 * Answers for prompts that ask for JSON: an object with the keys the prompt shows (e.g.
 * `{"violation": true|false, "explanation": "..."}`), values typed after the example. For
 * moderation-style keys the verdict is computed from the text under review (the `<comment>`
 * tag when present): insults, spam and personal data are violations.
 */

export function wantsJson(system: string, user: string): boolean {
  return /\bjson\b/i.test(system) || /\bjson\b/i.test(user);
}

type Kind = 'boolean' | 'number' | 'string' | 'array';

/** Keys shown in the prompt as `"key": <example>`, with the type of the example. */
export function keysOf(text: string): { key: string; kind: Kind }[] {
  const out: { key: string; kind: Kind }[] = [];
  const re = /"([A-Za-z_][A-Za-z0-9_]*)"\s*:\s*(\S?)(\S*)/g;
  for (const m of text.matchAll(re)) {
    const key = m[1] ?? '';
    if (out.some((k) => k.key === key)) continue;
    const first = m[2] ?? '';
    const rest = `${first}${m[3] ?? ''}`;
    const kind: Kind = /^(true|false)/.test(rest) ? 'boolean' : /^-?\d/.test(rest) ? 'number' : first === '[' ? 'array' : 'string';
    out.push({ key, kind });
  }
  return out;
}

const INSULTS = ['idiot', 'stupid', 'moron', 'imbecile', 'loser', 'dumb', 'jerk', 'fool', 'clown', 'scammer', 'shut up', 'pathetic', 'worthless'];
const SPAM = ['buy now', 'click here', 'promo code', 'discount code', 'free money', 'dm me', 'whatsapp', 'telegram', 'casino', 'crypto', 'http://', 'https://', 'www.'];

export interface Verdict {
  violation: boolean;
  reason: string;
}

/** The moderation verdict for a piece of text. */
export function judge(text: string): Verdict {
  const lower = text.toLowerCase();
  const insult = INSULTS.find((w) => new RegExp(`\\b${w}`).test(lower));
  if (insult) return { violation: true, reason: `The comment contains a personal insult ("${insult}"), which the guideline does not allow.` };
  const spam = SPAM.find((w) => lower.includes(w));
  if (spam) return { violation: true, reason: `The comment looks like spam ("${spam}"), which the guideline does not allow.` };
  if (/[\w.+-]+@[\w-]+\.[\w.]+/.test(text) || /\+?\d[\d\s().-]{8,}\d/.test(text)) {
    return { violation: true, reason: 'The comment shares personal contact data, which the guideline does not allow.' };
  }
  return {
    violation: false,
    reason: 'The comment gives an opinion about the product without insults, spam or personal data, so it follows the guideline.',
  };
}

function subjectOf(user: string): string {
  const tagged = /<comment>([\s\S]*?)<\/comment>/i.exec(user);
  return (tagged?.[1] ?? user).trim();
}

function valueFor(key: string, kind: Kind, verdict: Verdict, rand: () => number, subject: string): unknown {
  const k = key.toLowerCase();
  switch (kind) {
    case 'boolean':
      return /violat|flag|unsafe|toxic|spam|reject|block|harm|abus/.test(k) ? verdict.violation : /safe|ok|allow|approv|pass|valid/.test(k) ? !verdict.violation : rand() < 0.5;
    case 'number':
      if (/score|confidence|probab/.test(k)) return verdict.violation ? 0.92 : 0.08;
      return Math.floor(rand() * 5) + 1;
    case 'array':
      return (subject.toLowerCase().match(/[a-z]{5,}/g) ?? ['item']).slice(0, 3);
    case 'string':
      if (/explan|reason|rational|justif|comment|why/.test(k)) return verdict.reason;
      if (/label|category|class|decision|verdict/.test(k)) return verdict.violation ? 'violation' : 'ok';
      if (/sentiment/.test(k)) return verdict.violation ? 'negative' : 'neutral';
      if (/summary/.test(k)) return `A short summary of: ${subject.slice(0, 60).replace(/\s+/g, ' ')}`;
      return `A ${k.replace(/_/g, ' ')} for the given input.`;
  }
}

/** The JSON answer (compact, one line) to a prompt that asks for JSON. */
export function jsonReply(rand: () => number, system: string, user: string): string {
  const keys = keysOf(`${system}\n${user}`);
  const subject = subjectOf(user);
  const verdict = judge(subject);
  if (keys.length === 0) return JSON.stringify({ answer: verdict.reason });
  const obj: Record<string, unknown> = {};
  for (const { key, kind } of keys) obj[key] = valueFor(key, kind, verdict, rand, subject);
  return JSON.stringify(obj);
}

import { judgeReply } from './judge-replies';
import { subjectOf } from './moderation';
import type { Sampling } from './variation';
import { moderationVerdict, type Verdict } from './verdict';

/**
 * Answers for prompts that ask for JSON: an object with the keys the prompt shows (e.g.
 * `{"violation": true|false, "explanation": "..."}`), values typed after the example. For
 * moderation-style keys the verdict comes from verdict.ts (the guideline's rules, the model's
 * tier, the temperature). Judge prompts (`"score"` with an output and an expected answer) get a
 * similarity score (judge-replies.ts).
 */

export function wantsJson(system: string, user: string): boolean {
  return /\bjson\b/i.test(system) || /\bjson\b/i.test(user) || /"score"\s*:/.test(`${system}\n${user}`);
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
export function jsonReply(rand: () => number, req: { modelId: string; system: string; user: string } & Sampling): string {
  const judged = judgeReply(`${req.system}\n${req.user}`, req);
  if (judged) return judged;
  const keys = keysOf(`${req.system}\n${req.user}`);
  const subject = subjectOf(req.user);
  const verdict = moderationVerdict(req);
  if (keys.length === 0) return JSON.stringify({ answer: verdict.reason });
  const obj: Record<string, unknown> = {};
  for (const { key, kind } of keys) obj[key] = valueFor(key, kind, verdict, rand, subject);
  return JSON.stringify(obj);
}

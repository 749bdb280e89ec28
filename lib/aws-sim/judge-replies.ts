import { wording, type Sampling } from './variation';

/**
 * LLM-as-judge prompts: a prompt that shows the keys `"score"` and `"reason"` and gives an output
 * and an expected answer gets `{"score": s, "reason": "..."}` with s the similarity of the two:
 * - both JSON objects: the share of the expected object's fields the output has with the same
 *   value (moderation: {"violation": true} vs {"violation": true, "explanation": ...} is 1);
 * - otherwise: the overlap of their words (Dice coefficient of the sets of lowercase words), so
 *   a paraphrase scores in between and an unrelated answer near 0;
 * rounded to two decimals. The output is read from `<output>...</output>` (also
 * `<model_output>`, `<answer>`, `<response>`), the expected answer from `<expected>...</expected>`
 * (also `<expected_output>`, `<reference>`, `<ideal>`), or from lines starting `Output:` and
 * `Expected:` / `Expected output:` / `Reference:` (up to the next blank line).
 */
const OUTPUT_TAGS = ['output', 'model_output', 'answer', 'response'];
const EXPECTED_TAGS = ['expected', 'expected_output', 'reference', 'ideal'];

function tagged(text: string, tags: string[]): string | undefined {
  for (const t of tags) {
    const m = new RegExp(`<${t}>([\\s\\S]*?)</${t}>`, 'i').exec(text);
    if (m) return (m[1] ?? '').trim();
  }
  return undefined;
}

function labelled(text: string, labels: string[]): string | undefined {
  const re = new RegExp(`^(?:${labels.join('|')})\\s*:[ \\t]*([\\s\\S]*?)(?:\\n\\s*\\n|\\n(?=[A-Z][A-Za-z ]{1,30}:)|$)`, 'im');
  const m = re.exec(text);
  return m ? (m[1] ?? '').trim() : undefined;
}

export function judgeMaterial(text: string): { output: string; expected: string } | undefined {
  const output = tagged(text, OUTPUT_TAGS) ?? labelled(text, ['output', 'model output', 'answer', 'response']);
  const expected = tagged(text, EXPECTED_TAGS) ?? labelled(text, ['expected output', 'expected', 'reference', 'ideal answer']);
  return output !== undefined && expected !== undefined ? { output, expected } : undefined;
}

/** The first JSON object in a text (whole, fenced or embedded), if any. */
function objectIn(text: string): Record<string, unknown> | undefined {
  const candidates = [text.trim(), /```(?:json)?\s*\n([\s\S]*?)```/i.exec(text)?.[1] ?? '', /\{[\s\S]*\}/.exec(text)?.[0] ?? ''];
  for (const c of candidates) {
    try {
      const v: unknown = JSON.parse(c);
      if (typeof v === 'object' && v !== null && !Array.isArray(v)) return v as Record<string, unknown>;
    } catch {
      // next candidate
    }
  }
  return undefined;
}

const words = (s: string) => new Set(s.normalize('NFC').toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []);

export function similarity(output: string, expected: string): { score: number; detail: string; json: boolean } {
  const e = objectIn(expected);
  const o = e ? objectIn(output) : undefined;
  if (e && o && Object.keys(e).length > 0) {
    const keys = Object.keys(e);
    const same = keys.filter((k) => JSON.stringify(o[k]) === JSON.stringify(e[k]));
    const differ = keys.filter((k) => !same.includes(k));
    const all = keys.length === 1 ? `the expected field ${keys[0]} matches` : `all ${keys.length} expected fields match`;
    const detail = differ.length === 0 ? all : `${differ.join(', ')} differ${differ.length === 1 ? 's' : ''} from the expected value`;
    return { score: Math.round((same.length / keys.length) * 100) / 100, detail, json: true };
  }
  const a = words(output);
  const b = words(expected);
  if (a.size === 0 && b.size === 0) return { score: 1, detail: 'both are empty', json: false };
  const common = [...a].filter((w) => b.has(w)).length;
  const score = Math.round(((2 * common) / (a.size + b.size)) * 100) / 100;
  return { score, detail: `they share ${Math.round(score * 100)}% of their words`, json: false };
}

/** The judge's answer, or undefined when the prompt is not a judge prompt. */
export function judgeReply(prompt: string, s: Sampling): string | undefined {
  if (!/"score"\s*:/.test(prompt)) return undefined;
  const material = judgeMaterial(prompt);
  if (!material) return undefined;
  const { score, detail, json } = similarity(material.output, material.expected);
  const verdict = score >= 0.999 ? 'matches' : score >= 0.5 ? 'partly matches' : 'does not match';
  const reason = wording(
    [
      `The output ${verdict} the expected ${json ? 'answer' : 'text'}: ${detail}.`,
      `Compared with the expected ${json ? 'answer' : 'text'}, ${detail}, so the output ${verdict} it.`,
      `Judged against the reference, ${detail}.`,
    ],
    s,
    material.output,
    material.expected,
  );
  return JSON.stringify({ score, reason });
}

/**
 * How the json_* evaluators (and the judge's answer parser) find JSON in a model output, which
 * often wraps it in prose or a Markdown fence. In this order, the first that parses wins:
 *   1. the whole output, trimmed (an optional UTF-8 BOM removed);
 *   2. the first fenced block (```json ... ``` or ``` ... ```) whose content parses;
 *   3. the first balanced {...} or [...] span (brackets inside strings ignored) that parses,
 *      trying at most MAX_CANDIDATES starting points.
 * Outputs longer than MAX_JSON_CHARS are cut to that length first. json_valid with
 * `strict: true` accepts only step 1.
 */
export const MAX_JSON_CHARS = 1_000_000;
const MAX_CANDIDATES = 50;

export type JsonSource = 'whole' | 'fence' | 'embedded';
export type Extracted = { ok: true; value: unknown; source: JsonSource } | { ok: false; reason: string };

function parse(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false };
  }
}

/** The end index (exclusive) of the balanced span opening at `start`, or -1. */
function balancedEnd(text: string, start: number): number {
  const stack: string[] = [];
  let inString = false;
  for (let i = start; i < text.length; i++) {
    const ch = text[i];
    if (inString) {
      if (ch === '\\') i++;
      else if (ch === '"') inString = false;
      continue;
    }
    if (ch === '"') inString = true;
    else if (ch === '{' || ch === '[') stack.push(ch === '{' ? '}' : ']');
    else if (ch === '}' || ch === ']') {
      if (stack.pop() !== ch) return -1;
      if (stack.length === 0) return i + 1;
    }
  }
  return -1;
}

const FENCE = /```[ \t]*([A-Za-z0-9_-]*)[^\n]*\n([\s\S]*?)```/g;

export function extractJson(output: string): Extracted {
  const text = (output.length > MAX_JSON_CHARS ? output.slice(0, MAX_JSON_CHARS) : output).replace(/^\uFEFF/, '');
  const trimmed = text.trim();
  if (trimmed === '') return { ok: false, reason: 'the output is empty' };
  const whole = parse(trimmed);
  if (whole.ok) return { ok: true, value: whole.value, source: 'whole' };

  for (const m of text.matchAll(FENCE)) {
    const lang = (m[1] ?? '').toLowerCase();
    if (lang && lang !== 'json' && lang !== 'jsonc' && lang !== 'javascript' && lang !== 'js') continue;
    const inner = parse((m[2] ?? '').trim());
    if (inner.ok) return { ok: true, value: inner.value, source: 'fence' };
  }

  let tried = 0;
  for (let i = 0; i < text.length && tried < MAX_CANDIDATES; i++) {
    const ch = text[i];
    if (ch !== '{' && ch !== '[') continue;
    tried += 1;
    const end = balancedEnd(text, i);
    if (end < 0) continue;
    const span = parse(text.slice(i, end));
    if (span.ok) return { ok: true, value: span.value, source: 'embedded' };
  }
  return { ok: false, reason: 'no JSON found: the output is not JSON, has no ```json block and no parsable {...} or [...] in it' };
}

export const SOURCE_TEXT: Record<JsonSource, string> = {
  whole: 'the whole output',
  fence: 'a fenced ``` block',
  embedded: 'a {...} inside the text',
};

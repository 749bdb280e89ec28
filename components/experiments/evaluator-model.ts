/**
 * The evaluators builder's model (pure, see evaluator-model.test.ts): one draft per evaluator as
 * the form holds it (numbers and JSON as text), turned into the API's evaluator objects
 * (docs/API.md "Experiments") with messages in the form's words for what cannot work. The server
 * checks again (the same rules) and its field errors land on the same fields.
 */
import { parsePath } from '@/lib/experiments/evaluators/json-path';
import type { EvaluatorInput, EvaluatorType } from '@/lib/experiments/evaluators/schemas';

export interface EvaluatorDraft {
  type: EvaluatorType;
  name: string;
  caseSensitive: boolean;
  trim: boolean;
  value: string;
  pattern: string;
  flags: string;
  schema: string;
  path: string;
  prompt: string;
  label: string;
  version: string;
  passThreshold: string;
  limit: string;
}

export const EVALUATOR_CHOICES: { type: EvaluatorType; label: string; hint: string }[] = [
  { type: 'exact', label: 'Exact match', hint: 'The output equals the expected output.' },
  { type: 'contains', label: 'Contains', hint: 'The output contains a text (by default the expected output).' },
  { type: 'regex', label: 'Regular expression', hint: 'The output matches a pattern.' },
  { type: 'json_valid', label: 'Valid JSON', hint: 'The output parses as JSON.' },
  { type: 'json_schema', label: 'JSON Schema', hint: 'The output is JSON that fits a schema.' },
  { type: 'json_field', label: 'JSON field', hint: 'A field of the output equals the same field of the expected output.' },
  { type: 'llm_judge', label: 'LLM judge', hint: 'A catalog prompt scores the output from 0 to 1.' },
  { type: 'max_latency_ms', label: 'Max latency', hint: 'The call took at most this many milliseconds.' },
  { type: 'max_cost_usd', label: 'Max cost', hint: 'The call cost at most this many dollars.' },
];

export const newDraft = (type: EvaluatorType = 'exact'): EvaluatorDraft => ({
  type,
  name: '',
  caseSensitive: true,
  trim: true,
  value: '',
  pattern: '',
  flags: '',
  schema: '{\n  "type": "object"\n}',
  path: '',
  prompt: '',
  label: '',
  version: '',
  passThreshold: '0.5',
  limit: type === 'max_cost_usd' ? '0.01' : type === 'max_latency_ms' ? '5000' : '',
});

export type DraftErrors = Partial<Record<keyof EvaluatorDraft, string>>;

const FLAG_OK = /^[imsuvd]*$/;

function regexProblem(pattern: string, flags: string): DraftErrors {
  if (!pattern) return { pattern: 'Enter a pattern, e.g. ^(yes|no)$.' };
  if (/[gy]/.test(flags)) return { flags: 'Leave out g and y: a pass/fail check needs no global or sticky matching.' };
  if (!FLAG_OK.test(flags)) return { flags: 'Flags are letters among i, m, s, u, v, d.' };
  if (new Set(flags).size !== flags.length) return { flags: 'A flag appears twice.' };
  try {
    new RegExp(pattern, flags);
  } catch (e) {
    return { pattern: `This pattern does not compile: ${(e as Error).message.replace(/^Invalid regular expression: /, '')}` };
  }
  return {};
}

const num = (s: string) => (s.trim() === '' ? NaN : Number(s));

/** One draft as an API evaluator, or what is wrong with it (keyed by the draft's fields). */
export function toEvaluator(d: EvaluatorDraft): { ok: true; evaluator: EvaluatorInput } | { ok: false; errors: DraftErrors } {
  const name = d.name.trim() ? { name: d.name.trim() } : {};
  if (d.name.trim().length > 60) return { ok: false, errors: { name: 'Keep the name to 60 characters.' } };
  switch (d.type) {
    case 'exact':
      return { ok: true, evaluator: { type: 'exact', ...name, caseSensitive: d.caseSensitive, trim: d.trim } };
    case 'contains':
      return { ok: true, evaluator: { type: 'contains', ...name, caseSensitive: d.caseSensitive, ...(d.value ? { value: d.value } : {}) } };
    case 'regex': {
      const errors = regexProblem(d.pattern, d.flags);
      return Object.keys(errors).length ? { ok: false, errors } : { ok: true, evaluator: { type: 'regex', ...name, pattern: d.pattern, flags: d.flags } };
    }
    case 'json_valid':
      return { ok: true, evaluator: { type: 'json_valid', ...name } };
    case 'json_schema': {
      let schema: unknown;
      try {
        schema = JSON.parse(d.schema);
      } catch {
        return { ok: false, errors: { schema: 'The schema is not valid JSON; check quotes and commas.' } };
      }
      if (typeof schema !== 'boolean' && (typeof schema !== 'object' || schema === null || Array.isArray(schema))) {
        return { ok: false, errors: { schema: 'A JSON Schema is an object such as {"type": "object"}.' } };
      }
      return { ok: true, evaluator: { type: 'json_schema', ...name, schema: schema as Record<string, unknown> } };
    }
    case 'json_field': {
      if (!d.path.trim()) return { ok: false, errors: { path: 'Enter the field to compare, e.g. violation or a.b[0].' } };
      const p = parsePath(d.path.trim());
      if (!p.ok) return { ok: false, errors: { path: `This path cannot be read: ${p.message}` } };
      return { ok: true, evaluator: { type: 'json_field', ...name, path: d.path.trim() } };
    }
    case 'llm_judge': {
      const errors: DraftErrors = {};
      if (!d.prompt.trim()) errors.prompt = 'Pick the judge prompt.';
      const t = num(d.passThreshold);
      if (!(t >= 0 && t <= 1)) errors.passThreshold = 'The pass threshold is a score from 0 to 1.';
      const v = d.version.trim() ? num(d.version) : undefined;
      if (v !== undefined && !(Number.isInteger(v) && v >= 1)) errors.version = 'A version is a whole number from 1.';
      if (Object.keys(errors).length) return { ok: false, errors };
      const target = v !== undefined ? { version: v } : d.label.trim() ? { label: d.label.trim() } : {};
      return { ok: true, evaluator: { type: 'llm_judge', ...name, prompt: d.prompt.trim(), ...target, passThreshold: t } };
    }
    case 'max_latency_ms': {
      const v = num(d.limit);
      if (!(v > 0)) return { ok: false, errors: { limit: 'Enter the longest acceptable call in milliseconds (more than 0).' } };
      return { ok: true, evaluator: { type: 'max_latency_ms', ...name, value: v } };
    }
    case 'max_cost_usd': {
      const v = num(d.limit);
      if (!(v > 0)) return { ok: false, errors: { limit: 'Enter the most a call may cost in dollars (more than 0).' } };
      return { ok: true, evaluator: { type: 'max_cost_usd', ...name, value: v } };
    }
  }
}

/** All drafts: the evaluators, or errors keyed `evaluators.<i>.<field>` (plus `evaluators` for the list). */
export function toEvaluators(drafts: EvaluatorDraft[]): { evaluators: EvaluatorInput[]; errors: { field: string; message: string }[] } {
  const errors: { field: string; message: string }[] = [];
  const evaluators: EvaluatorInput[] = [];
  if (drafts.length === 0) errors.push({ field: 'evaluators', message: 'Add at least one evaluator: how should an output be judged?' });
  if (drafts.length > 20) errors.push({ field: 'evaluators', message: 'At most 20 evaluators.' });
  const names = new Map<string, number>();
  drafts.forEach((d, i) => {
    const r = toEvaluator(d);
    if (r.ok) evaluators.push(r.evaluator);
    else for (const [k, m] of Object.entries(r.errors)) errors.push({ field: `evaluators.${i}.${k}`, message: m });
    const n = d.name.trim();
    if (n) {
      const first = names.get(n);
      if (first !== undefined) errors.push({ field: `evaluators.${i}.name`, message: `Evaluator ${first + 1} already has this name; names must differ.` });
      else names.set(n, i);
    }
  });
  return { evaluators, errors };
}

/** A server field path (`evaluators.0.value`) as the draft field that shows it. */
export function draftField(path: string): string | null {
  const m = /^evaluators\.(\d+)(?:\.(\w+))?/.exec(path);
  if (!m) return null;
  const field = m[2] === 'value' ? 'limit' : (m[2] ?? 'type');
  return `evaluators.${m[1]}.${field}`;
}

/** An API evaluator back as a draft (editing a suite). */
export function fromEvaluator(e: EvaluatorInput & { name?: string }): EvaluatorDraft {
  const d = newDraft(e.type);
  d.name = e.name ?? '';
  switch (e.type) {
    case 'exact':
      return { ...d, caseSensitive: e.caseSensitive ?? true, trim: e.trim ?? true };
    case 'contains':
      return { ...d, caseSensitive: e.caseSensitive ?? true, value: e.value ?? '' };
    case 'regex':
      return { ...d, pattern: e.pattern, flags: e.flags ?? '' };
    case 'json_schema':
      return { ...d, schema: JSON.stringify(e.schema, null, 2) };
    case 'json_field':
      return { ...d, path: e.path };
    case 'llm_judge':
      return { ...d, prompt: e.prompt, label: e.label ?? '', version: e.version ? String(e.version) : '', passThreshold: String(e.passThreshold ?? 0.5) };
    case 'max_latency_ms':
    case 'max_cost_usd':
      return { ...d, limit: String(e.value) };
    default:
      return d;
  }
}

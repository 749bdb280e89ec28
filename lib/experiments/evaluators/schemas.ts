import { z } from 'zod';
import { LabelNameSchema, PromptNameSchema } from '../../catalog/schemas';
import { int4 } from '../../pagination';
import { parsePath } from './json-path';
import { compileSchema } from './json-schema';
import { compileRegex } from './regex';

/**
 * The evaluators of API.md ("Experiments"), one zod schema for all of them: a discriminated
 * union on `type` that also compiles what must compile (regex pattern and flags, JSON Schema,
 * json_field path), so a bad evaluator is a 400 naming the field before anything runs.
 */
const name = z
  .string()
  .trim()
  .min(1, 'A name has 1-60 characters.')
  .max(60, 'A name has 1-60 characters.')
  .optional();

const Exact = z
  .object({ type: z.literal('exact'), name, caseSensitive: z.boolean().default(true), trim: z.boolean().default(true) })
  .strict();

const Contains = z
  .object({
    type: z.literal('contains'),
    name,
    value: z.string().min(1, 'value is at least one character; leave it out to use the expected output.').max(10_000).optional(),
    caseSensitive: z.boolean().default(true),
  })
  .strict();

const Regex = z
  .object({ type: z.literal('regex'), name, pattern: z.string().min(1, 'A pattern is required.'), flags: z.string().max(6).default('') })
  .strict()
  .superRefine((e, ctx) => {
    const r = compileRegex(e.pattern, e.flags);
    if (!r.ok) ctx.addIssue({ code: 'custom', path: [r.field], message: r.message });
  });

const JsonValid = z
  .object({ type: z.literal('json_valid'), name, strict: z.boolean().default(false) })
  .strict();

const JsonSchema = z
  .object({ type: z.literal('json_schema'), name, schema: z.union([z.record(z.string(), z.unknown()), z.boolean()], { error: 'schema is a JSON Schema object.' }) })
  .strict()
  .superRefine((e, ctx) => {
    const r = compileSchema(e.schema);
    if (!r.ok) ctx.addIssue({ code: 'custom', path: ['schema'], message: r.message });
  });

const JsonField = z
  .object({ type: z.literal('json_field'), name, path: z.string() })
  .strict()
  .superRefine((e, ctx) => {
    const r = parsePath(e.path);
    if (!r.ok) ctx.addIssue({ code: 'custom', path: ['path'], message: r.message });
  });

const LlmJudge = z
  .object({
    type: z.literal('llm_judge'),
    name,
    prompt: PromptNameSchema,
    label: LabelNameSchema.optional(),
    version: int4(1, 'version').optional(),
    passThreshold: z.number().min(0, 'passThreshold is 0 to 1.').max(1, 'passThreshold is 0 to 1.').default(0.5),
  })
  .strict()
  .refine((e) => e.label === undefined || e.version === undefined, { path: ['version'], message: 'Give label or version, not both.' });

const MaxLatency = z
  .object({ type: z.literal('max_latency_ms'), name, value: z.number().positive('value is a positive number of milliseconds.').max(3_600_000) })
  .strict();

const MaxCost = z
  .object({ type: z.literal('max_cost_usd'), name, value: z.number().positive('value is a positive amount in USD.').max(1_000_000) })
  .strict();

export const EVALUATOR_TYPES = ['exact', 'contains', 'regex', 'json_valid', 'json_schema', 'json_field', 'llm_judge', 'max_latency_ms', 'max_cost_usd'] as const;
export type EvaluatorType = (typeof EVALUATOR_TYPES)[number];

function unknownType(input: unknown): string {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return 'An evaluator is an object such as {"type": "exact"}.';
  const type = (input as { type?: unknown }).type;
  const named = typeof type === 'string' ? ` "${clipName(type)}"` : '';
  return `Unknown evaluator type${named}; use one of ${EVALUATOR_TYPES.join(', ')}.`;
}
const clipName = (s: string) => (s.length > 40 ? `${s.slice(0, 39)}…` : s);

export const EvaluatorSchema = z.discriminatedUnion('type', [Exact, Contains, Regex, JsonValid, JsonSchema, JsonField, LlmJudge, MaxLatency, MaxCost], {
  error: (iss) => (iss.code === 'invalid_union' || iss.code === 'invalid_type' ? unknownType(iss.input) : undefined),
});

export type Evaluator = z.infer<typeof EvaluatorSchema>;
export type EvaluatorInput = z.input<typeof EvaluatorSchema>;

/** The name results and summaries use: the given name, else the type (type_2, type_3... for repeats). */
export function evaluatorNames(list: readonly Evaluator[]): string[] {
  const used = new Set(list.map((e) => e.name).filter((n): n is string => n !== undefined));
  const counts = new Map<string, number>();
  return list.map((e) => {
    if (e.name !== undefined) return e.name;
    let n = (counts.get(e.type) ?? 0) + 1;
    let candidate = n === 1 ? e.type : `${e.type}_${n}`;
    while (used.has(candidate)) candidate = `${e.type}_${++n}`;
    counts.set(e.type, n);
    used.add(candidate);
    return candidate;
  });
}

/** A run's evaluators: 1 to 20, names distinct. */
export const EvaluatorsSchema = z
  .array(EvaluatorSchema)
  .min(1, 'Give at least one evaluator.')
  .max(20, 'At most 20 evaluators.')
  .superRefine((list, ctx) => {
    const seen = new Map<string, number>();
    list.forEach((e, i) => {
      if (e.name === undefined) return;
      const first = seen.get(e.name);
      if (first !== undefined) ctx.addIssue({ code: 'custom', path: [i, 'name'], message: `Evaluators ${first} and ${i} are both named "${e.name}"; names must differ.` });
      else seen.set(e.name, i);
    });
  });

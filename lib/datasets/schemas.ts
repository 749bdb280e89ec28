import { z } from 'zod';
import { PromptNameSchema, VariablesSchema } from '../catalog/schemas';
import { int4, PageQuerySchema } from '../pagination';

/** What requests to the dataset endpoints take (API.md "Datasets"); answers are in responses.ts. */

export const DatasetNameSchema = z.string().regex(/^[a-z0-9][a-z0-9._-]{0,99}$/, 'Use 1-100 characters: a-z, 0-9, "-", "_", "."; start with a letter or digit.');
export const CreateDatasetSchema = z.object({ name: DatasetNameSchema, description: z.string().max(2000).optional() }).strict();
export const UpdateDatasetSchema = z.object({ description: z.string().max(2000) }).strict();

/** At most this many examples in one POST .../examples ({items: [...]}) or from-invocations call. */
export const MAX_BATCH = 1000;
/** At most this many rows in one import (the body is at most 5 MB as well). */
export const MAX_IMPORT_ROWS = 10_000;
export const MAX_EXPECTED_CHARS = 200_000;
export const MAX_TAGS = 20;

export const TagSchema = z
  .string()
  .trim()
  .min(1, 'A tag is not empty.')
  .max(50, 'A tag is at most 50 characters.')
  .regex(/^[^\s,]+$/, 'A tag has no spaces or commas.');
export const TagsSchema = z
  .array(TagSchema)
  .max(MAX_TAGS, `At most ${MAX_TAGS} tags.`)
  .transform((t) => [...new Set(t)]);

export const ExpectedOutputSchema = z.string().max(MAX_EXPECTED_CHARS, `expectedOutput is at most ${MAX_EXPECTED_CHARS} characters.`);

/** One example: the prompt's variables, the output that would be right, and tags. */
export const ExampleInputSchema = z
  .object({
    variables: VariablesSchema,
    expectedOutput: ExpectedOutputSchema.optional(),
    tags: TagsSchema.optional(),
    /** Where it came from (optional): with invocationId, the prompt and version come from that invocation. */
    invocationId: z.string().max(100).optional(),
    promptName: PromptNameSchema.optional(),
    promptVersion: int4(1, 'promptVersion').optional(),
  })
  .strict();
export type ExampleInput = z.infer<typeof ExampleInputSchema>;

export const ExampleBatchSchema = z
  .object({ items: z.array(ExampleInputSchema).min(1, 'items holds at least one example.').max(MAX_BATCH, `items holds at most ${MAX_BATCH} examples.`) })
  .strict();

/** POST .../examples: one example, or {items: [...]} (all or nothing). */
export const AddExamplesSchema = z.union([ExampleInputSchema, ExampleBatchSchema]).describe('One example, or `{items: [...]}` with at most 1000 (all are added or none).');

/** Parses one example or a batch, with errors that name the item (`items.3.expectedOutput`). */
export function parseAddExamples(raw: unknown): ExampleInput[] {
  if (raw !== null && typeof raw === 'object' && !Array.isArray(raw) && 'items' in raw) return ExampleBatchSchema.parse(raw).items;
  return [ExampleInputSchema.parse(raw)];
}

export const UpdateExampleSchema = z
  .object({ variables: VariablesSchema.optional(), expectedOutput: ExpectedOutputSchema.optional(), tags: TagsSchema.optional() })
  .strict()
  .refine((v) => v.variables !== undefined || v.expectedOutput !== undefined || v.tags !== undefined, { message: 'Send variables, expectedOutput or tags.' });

export const ExamplesQuerySchema = PageQuerySchema.extend({ tag: TagSchema.optional() });

export const DATA_FORMATS = ['jsonl', 'csv'] as const;
export type DataFormat = (typeof DATA_FORMATS)[number];
export const FormatSchema = z.enum(DATA_FORMATS, { message: 'format is "jsonl" or "csv".' });

const flag = z
  .union([z.boolean(), z.enum(['true', 'false', '1', '0'])])
  .transform((v) => v === true || v === 'true' || v === '1')
  .optional();

/** JSON body of POST .../import; the file itself may instead be the body (text/csv, application/x-ndjson). */
export const ImportBodySchema = z
  .object({
    content: z.string().describe('The file: JSON Lines (one example a line) or CSV with a header row.'),
    format: FormatSchema.optional().describe('Detected from the content when absent.'),
    dryRun: flag.describe('Only parse and validate: answer the rows and the errors, write nothing.'),
  })
  .strict();
export const ImportQuerySchema = z.object({ format: FormatSchema.optional(), dryRun: flag });

export const ExportQuerySchema = z.object({ format: FormatSchema.default('jsonl') });

export const FromInvocationsSchema = z
  .object({
    invocationIds: z
      .array(z.string().min(1).max(100))
      .min(1, 'Pick at least one invocation.')
      .max(MAX_BATCH, `At most ${MAX_BATCH} invocations at once.`)
      .refine((ids) => new Set(ids).size === ids.length, 'An invocation is listed twice.'),
    expectedOutput: ExpectedOutputSchema.optional().describe("Used for every example; default: each invocation's own output (its text; for an answer with tool calls, the JSON document experiments evaluate: {text, toolCalls: [{name, input}]})."),
    tags: TagsSchema.optional(),
  })
  .strict();

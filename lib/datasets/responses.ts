import { z } from 'zod';
import { NullableActorRefSchema } from '../auth/actor-ref';

/** What the dataset endpoints answer, defined once (see lib/catalog/responses.ts). */
const Time = z.iso.datetime();

export const DatasetSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    description: z.string(),
    examples: z.number().int().describe('How many examples it holds.'),
    revision: z.number().int().describe('Grows by one with every change to the examples (add, bulk add, edit, delete, import).'),
    createdAt: Time,
    updatedAt: Time.describe('When the examples last changed (or the dataset was created).'),
    createdBy: z.string(),
    createdByRef: NullableActorRefSchema,
  })
  .meta({ id: 'Dataset' });
export type DatasetDto = z.infer<typeof DatasetSchema>;

export const ExampleSchema = z
  .object({
    id: z.string(),
    promptName: z.string().nullable().describe('The prompt it was taken from, if any.'),
    promptVersion: z.number().int().nullable(),
    invocationId: z.string().nullable().describe('The invocation it was made from, if any.'),
    variables: z.record(z.string(), z.unknown()),
    expectedOutput: z.string(),
    tags: z.array(z.string()),
    createdAt: Time,
    updatedAt: Time,
    createdBy: z.string(),
    createdByRef: NullableActorRefSchema,
  })
  .meta({ id: 'Example' });
export type ExampleDto = z.infer<typeof ExampleSchema>;

export const DatasetDetailSchema = z.object({ ...DatasetSchema.shape, items: z.array(ExampleSchema).describe('The first examples in the order they were added (at most 500; page through GET .../examples for all).') }).meta({ id: 'DatasetDetail' });
export type DatasetDetail = z.infer<typeof DatasetDetailSchema>;

export const AddedExamplesSchema = z
  .object({
    ids: z.array(z.string()).describe('The new examples, in the order sent.'),
    revision: z.number().int().describe("The dataset's revision after the change."),
  })
  .meta({ id: 'AddedExamples' });
export type AddedExamples = z.infer<typeof AddedExamplesSchema>;

export const ExampleChangeSchema = z.object({ example: ExampleSchema, revision: z.number().int() }).meta({ id: 'ExampleChange' });
export type ExampleChange = z.infer<typeof ExampleChangeSchema>;

export const RowErrorSchema = z
  .object({
    row: z.number().int().describe('1-based data row (the CSV header is not a row).'),
    line: z.number().int().describe('1-based line of the file where the row starts.'),
    field: z.string().describe('The field at fault (`variables`, `expectedOutput`, `tags`, a column, or `(row)`).'),
    message: z.string(),
  })
  .meta({ id: 'ImportRowError' });
export type RowError = z.infer<typeof RowErrorSchema>;

export const ParsedRowSchema = z
  .object({
    row: z.number().int(),
    line: z.number().int(),
    variables: z.record(z.string(), z.unknown()),
    expectedOutput: z.string(),
    tags: z.array(z.string()),
    ok: z.boolean().describe('False when the row has errors (listed in `errors`).'),
  })
  .meta({ id: 'ImportRow' });
export type ParsedRow = z.infer<typeof ParsedRowSchema>;

export const ImportResultSchema = z
  .object({
    format: z.enum(['jsonl', 'csv']),
    dryRun: z.boolean(),
    total: z.number().int().describe('Data rows read.'),
    valid: z.number().int(),
    columns: z.array(z.string()).describe('CSV: the header; JSON Lines: the variable names seen.'),
    rows: z.array(ParsedRowSchema).describe('The first 200 rows as parsed (a preview).'),
    errors: z.array(RowErrorSchema).describe('Every bad row and field (at most 500 listed).'),
    written: z.number().int().describe('Examples added: all rows or none (0 on a dry run or when any row is bad).'),
    ids: z.array(z.string()),
    revision: z.number().int().describe("The dataset's revision afterwards."),
  })
  .meta({ id: 'ImportResult' });
export type ImportResult = z.infer<typeof ImportResultSchema>;

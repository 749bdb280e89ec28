import type { ServiceContext } from '../context';
import { requirePermission } from '../auth/roles';
import { AppError, validationError } from '../errors';
import { VariablesSchema } from '../catalog/schemas';
import { writeExamples, type NewExample } from './examples';
import { parseFile, type RawRow } from './formats';
import type { ImportResult, ParsedRow, RowError } from './responses';
import { ExpectedOutputSchema, MAX_IMPORT_ROWS, TagsSchema, type DataFormat } from './schemas';
import { findDataset } from './service';

/** How much of a preview the answer carries (the count and the errors cover every row). */
export const PREVIEW_ROWS = 200;
export const MAX_ERRORS = 500;

export interface ImportRequest {
  content: string;
  format?: DataFormat;
  dryRun: boolean;
}

/** A row checked: its example when it is good, else its errors. */
export interface CheckedRow {
  raw: RawRow;
  example: NewExample | null;
  errors: RowError[];
}

/** expectedOutput: text as is; a number, boolean, object or list as its JSON text; absent or null: empty. */
function expectedText(v: unknown): { value: string } | { error: string } {
  if (v === undefined || v === null) return { value: '' };
  const text = typeof v === 'string' ? v : JSON.stringify(v);
  const r = ExpectedOutputSchema.safeParse(text);
  return r.success ? { value: r.data } : { error: r.error.issues[0]?.message ?? 'Not valid.' };
}

export function checkRow(raw: RawRow): CheckedRow {
  const errors: RowError[] = raw.problems.map((p) => ({ row: raw.row, line: raw.line, field: p.field, message: p.message }));
  const err = (field: string, message: string) => errors.push({ row: raw.row, line: raw.line, field, message });
  const vars = VariablesSchema.safeParse(raw.variables);
  if (!vars.success) err('variables', vars.error.issues[0]?.message ?? 'Not valid.');
  const expected = expectedText(raw.expectedOutput);
  if ('error' in expected) err('expectedOutput', expected.error);
  let tags: string[] = [];
  if (raw.tags !== undefined && raw.tags !== null) {
    const t = TagsSchema.safeParse(raw.tags);
    if (t.success) tags = t.data;
    else err('tags', t.error.issues[0]?.message ?? 'tags is a list of words, e.g. ["spam", "hard"].');
  }
  if (errors.length || !vars.success || 'error' in expected) return { raw, example: null, errors };
  return { raw, errors, example: { variables: vars.data, expectedOutput: expected.value, tags, invocationId: null, promptName: null, promptVersion: null } };
}

/** Parses and checks a whole file; a problem with the file itself is a 400 (nothing to preview). */
export function checkFile(content: string, format?: DataFormat): { format: DataFormat; columns: string[]; rows: CheckedRow[] } {
  const parsed = parseFile(content, format);
  if (parsed.fileProblem) throw validationError([{ path: 'content', message: parsed.fileProblem }]);
  if (parsed.rows.length > MAX_IMPORT_ROWS) throw new AppError('payload_too_large', `The file has ${parsed.rows.length} rows; one import takes at most ${MAX_IMPORT_ROWS}. Split it into several files.`);
  return { format: parsed.format, columns: parsed.columns, rows: parsed.rows.map(checkRow) };
}

const preview = (c: CheckedRow): ParsedRow => ({
  row: c.raw.row,
  line: c.raw.line,
  variables: c.example?.variables ?? c.raw.variables,
  expectedOutput: c.example?.expectedOutput ?? (typeof c.raw.expectedOutput === 'string' ? c.raw.expectedOutput : c.raw.expectedOutput === undefined ? '' : JSON.stringify(c.raw.expectedOutput)),
  tags: c.example?.tags ?? (Array.isArray(c.raw.tags) ? c.raw.tags.map(String) : []),
  ok: c.errors.length === 0,
});

/**
 * POST .../import: with dryRun, the parsed rows and every row's errors, nothing written. Without,
 * every row is added in one transaction, or (when any row is bad) none: a 400 whose details
 * name each bad row (`rows.<row>.<field>`, with its line).
 */
export async function importExamples(ctx: ServiceContext, idOrName: string, req: ImportRequest): Promise<ImportResult> {
  requirePermission(ctx.actor, 'feedback:review');
  const d = await findDataset(ctx, idOrName);
  const { format, columns, rows } = checkFile(req.content, req.format);
  const errors = rows.flatMap((r) => r.errors);
  const base = {
    format,
    dryRun: req.dryRun,
    total: rows.length,
    valid: rows.filter((r) => r.errors.length === 0).length,
    columns,
    rows: rows.slice(0, PREVIEW_ROWS).map(preview),
    errors: errors.slice(0, MAX_ERRORS),
  };
  if (req.dryRun) return { ...base, written: 0, ids: [], revision: d.revision };
  if (errors.length) {
    const shown = errors.slice(0, MAX_ERRORS);
    const bad = new Set(errors.map((e) => e.row)).size;
    const first = shown[0]!;
    throw new AppError(
      'validation_error',
      `${bad} of ${rows.length} rows cannot be imported (row ${first.row}, line ${first.line}, ${first.field}: ${first.message.slice(0, 200)}); nothing was written.`,
      shown.map((e) => ({ path: `rows.${e.row}.${e.field}`, message: `Row ${e.row} (line ${e.line}): ${e.message}`, row: e.row, line: e.line, field: e.field })),
    );
  }
  const examples = rows.map((r) => r.example!);
  const written = await ctx.db.$transaction((tx) => writeExamples(tx, ctx.actor, d, examples, 'dataset.import', { format }), { timeout: 120_000, maxWait: 15_000 });
  return { ...base, written: written.ids.length, ids: written.ids, revision: written.revision };
}

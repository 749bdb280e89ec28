import Papa from 'papaparse';
import { findBadValue, textProblem } from '../http/json-body';
import type { DataFormat } from './schemas';

/**
 * Reading and writing examples as JSON Lines and CSV (papaparse does the CSV quoting), pure
 * functions without the database so they are unit-tested on their edge cases (formats.test.ts).
 *
 * JSON Lines: one example a line, `{"variables": {...}, "expectedOutput": "...", "tags": [...]}`;
 * a line without a `variables` key is read flat: `expectedOutput` and `tags` as such, every other
 * key a variable. Blank lines are skipped.
 * CSV: a header row; the column `expectedOutput` is the expected output, `tags` the tags
 * (separated by commas, semicolons, `|` or spaces), every other column a variable (its text).
 * Comma-separated unless the header has no comma but a semicolon or a tab.
 * Both: a UTF-8 byte order mark is dropped, line endings become `\n`.
 */

/** One data row as read, before validation of its values (lib/datasets/import.ts validates). */
export interface RawRow {
  /** 1-based data row (the CSV header is not a row). */
  row: number;
  /** 1-based line of the file where it starts. */
  line: number;
  variables: Record<string, unknown>;
  expectedOutput: unknown;
  tags: unknown;
  /** Problems found while reading it (bad JSON, wrong number of columns...). */
  problems: { field: string; message: string }[];
}

export interface ParsedFile {
  format: DataFormat;
  columns: string[];
  rows: RawRow[];
  /** A problem with the file as a whole (no header, duplicate columns): nothing can be imported. */
  fileProblem: string | null;
}

export const EXPECTED_COLUMN = 'expectedOutput';
export const TAGS_COLUMN = 'tags';
const MAX_COLUMNS = 200;

export function normalise(text: string): string {
  return (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text).replace(/\r\n?/g, '\n');
}

/** JSON Lines when the first non-blank character opens an object, else CSV. */
export function detectFormat(text: string): DataFormat {
  const first = /\S/.exec(normalise(text))?.[0];
  return first === '{' ? 'jsonl' : 'csv';
}

export function parseFile(text: string, format: DataFormat = detectFormat(text)): ParsedFile {
  const t = normalise(text);
  return format === 'jsonl' ? parseJsonl(t) : parseCsv(t);
}

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

function parseJsonl(text: string): ParsedFile {
  const rows: RawRow[] = [];
  const columns = new Set<string>();
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const source = lines[i]!;
    if (!source.trim()) continue;
    const r: RawRow = { row: rows.length + 1, line: i + 1, variables: {}, expectedOutput: undefined, tags: undefined, problems: [] };
    rows.push(r);
    let value: unknown;
    try {
      value = JSON.parse(source);
    } catch (e) {
      r.problems.push({ field: '(row)', message: `Not valid JSON: ${e instanceof Error ? e.message : 'parse error'}.` });
      continue;
    }
    if (!isObject(value)) {
      r.problems.push({ field: '(row)', message: 'Each line is one JSON object, e.g. {"variables": {...}, "expectedOutput": "..."}.' });
      continue;
    }
    const bad = findBadValue(value);
    if (bad) {
      r.problems.push({ field: bad.path.split('.')[0] ?? '(row)', message: bad.message });
      continue;
    }
    const { expectedOutput, tags, ...rest } = value;
    r.expectedOutput = expectedOutput;
    r.tags = tags;
    if ('variables' in rest) {
      const { variables, ...unknown } = rest;
      const extra = Object.keys(unknown);
      if (extra.length) r.problems.push({ field: extra[0]!, message: `Unknown field "${extra[0]}": a line has variables, expectedOutput and tags (or, without "variables", the variables themselves).` });
      if (isObject(variables)) r.variables = variables;
      else r.problems.push({ field: 'variables', message: 'variables is a JSON object, e.g. {"comment": "..."}.' });
    } else {
      r.variables = rest;
    }
    for (const k of Object.keys(r.variables)) columns.add(k);
  }
  return { format: 'jsonl', columns: [...columns], rows, fileProblem: rows.length === 0 ? 'The file has no examples (every line is blank).' : null };
}

/** The delimiter: a comma, unless the header line has none but has a semicolon or a tab. */
function delimiterOf(text: string): string {
  const header = text.slice(0, text.indexOf('\n') === -1 ? undefined : text.indexOf('\n'));
  if (header.includes(',')) return ',';
  if (header.includes(';')) return ';';
  if (header.includes('\t')) return '\t';
  return ',';
}

function parseCsv(text: string): ParsedFile {
  const records: { fields: string[]; start: number; problems: string[] }[] = [];
  let start = 0;
  Papa.parse<string[]>(text, {
    delimiter: delimiterOf(text),
    newline: '\n',
    quoteChar: '"',
    escapeChar: '"',
    step: (r) => {
      records.push({ fields: r.data, start, problems: r.errors.map((e) => e.message) });
      start = r.meta.cursor;
    },
  });
  // Line numbers: count the newlines before each record's start (one pass).
  let line = 1;
  let at = 0;
  const lineAt = (offset: number) => {
    for (; at < offset && at < text.length; at++) if (text.charCodeAt(at) === 10) line++;
    return line;
  };
  const located = records.map((r) => ({ ...r, line: lineAt(r.start) })).filter((r) => !(r.fields.length === 1 && r.fields[0] === '' && r.problems.length === 0));
  const header = located.shift();
  if (!header) return { format: 'csv', columns: [], rows: [], fileProblem: 'The file is empty: CSV starts with a header row (e.g. comment,expectedOutput,tags).' };
  const columns = header.fields.map((c) => c.trim());
  const fileProblem = headerProblem(columns, header.problems);
  if (fileProblem) return { format: 'csv', columns, rows: [], fileProblem };
  const expectedAt = columns.findIndex((c) => c.toLowerCase() === EXPECTED_COLUMN.toLowerCase());
  const tagsAt = columns.findIndex((c) => c.toLowerCase() === TAGS_COLUMN);
  const rows = located.map((rec, i): RawRow => {
    const r: RawRow = { row: i + 1, line: rec.line, variables: {}, expectedOutput: undefined, tags: undefined, problems: [] };
    for (const p of rec.problems) r.problems.push({ field: '(row)', message: `${p}.` });
    if (rec.fields.length !== columns.length && rec.problems.length === 0) {
      r.problems.push({ field: '(row)', message: `Has ${rec.fields.length} field${rec.fields.length === 1 ? '' : 's'}, the header has ${columns.length} (a value with a comma, quote or line break must be in double quotes).` });
    }
    rec.fields.forEach((value, c) => {
      if (c >= columns.length) return;
      const p = textProblem(value);
      if (p) r.problems.push({ field: columns[c]!, message: p });
      if (c === expectedAt) r.expectedOutput = value;
      else if (c === tagsAt) r.tags = splitTags(value);
      else r.variables[columns[c]!] = value;
    });
    return r;
  });
  return { format: 'csv', columns, rows, fileProblem: rows.length === 0 ? 'The file has a header but no rows.' : null };
}

function headerProblem(columns: string[], problems: string[]): string | null {
  if (problems.length) return `The header row cannot be read: ${problems[0]}.`;
  if (columns.length > MAX_COLUMNS) return `The header has ${columns.length} columns; at most ${MAX_COLUMNS}.`;
  const empty = columns.findIndex((c) => c === '');
  if (empty !== -1) return `Column ${empty + 1} of the header has no name.`;
  const bad = columns.find((c) => textProblem(c));
  if (bad !== undefined) return `A column name is not valid text: ${textProblem(bad)}`;
  const seen = new Set<string>();
  for (const c of columns) {
    const k = c.toLowerCase() === EXPECTED_COLUMN.toLowerCase() ? EXPECTED_COLUMN : c.toLowerCase() === TAGS_COLUMN ? TAGS_COLUMN : c;
    if (seen.has(k)) return `The column "${c}" appears twice in the header.`;
    seen.add(k);
  }
  return null;
}

export const splitTags = (value: string): string[] => value.split(/[,;|\s]+/).filter(Boolean);

/** The examples written out: what parseFile reads back. */
export interface ExportRow {
  variables: Record<string, unknown>;
  expectedOutput: string;
  tags: string[];
}

export function toJsonl(rows: ExportRow[]): string {
  return rows.map((r) => JSON.stringify({ variables: r.variables, expectedOutput: r.expectedOutput, tags: r.tags })).join('\n') + (rows.length ? '\n' : '');
}

/** The variable columns, in the order they first appear. */
export function variableColumns(rows: ExportRow[]): string[] {
  const seen = new Set<string>();
  for (const r of rows) for (const k of Object.keys(r.variables)) if (k !== EXPECTED_COLUMN && k !== TAGS_COLUMN) seen.add(k);
  return [...seen];
}

/** Text of a variable in a CSV cell: strings as they are, anything else as JSON (absent: empty). */
const cell = (v: unknown): string => (v === undefined || v === null ? '' : typeof v === 'string' ? v : JSON.stringify(v));

/**
 * CSV with a header (variables..., expectedOutput, tags), every field quoted when it needs to
 * be (commas, quotes, line breaks), CRLF between records as RFC 4180 says. A cell that starts
 * with = + - @ is written as is: the file is data for this tool, not a spreadsheet formula.
 */
export function toCsv(rows: ExportRow[], columns: string[] = variableColumns(rows)): string {
  const header = [...columns, EXPECTED_COLUMN, TAGS_COLUMN];
  const data = rows.map((r) => [...columns.map((c) => cell(r.variables[c])), r.expectedOutput, r.tags.join(',')]);
  return Papa.unparse({ fields: header, data }, { newline: '\r\n', quotes: false }) + '\r\n';
}

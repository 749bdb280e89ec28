import { AppError } from '../errors';
import { decodeUtf8, isJsonMediaType, MAX_BODY_BYTES, readBodyBytes, readJson, type BodyErrors } from '../http/json-body';
import type { ImportRequest } from './import';
import { ImportBodySchema, ImportQuerySchema, type DataFormat } from './schemas';

/** The media types an import takes as a raw file body, and the format each means. */
const RAW_TYPES: Record<string, DataFormat> = {
  'text/csv': 'csv',
  'application/csv': 'csv',
  'text/tab-separated-values': 'csv',
  'application/x-ndjson': 'jsonl',
  'application/ndjson': 'jsonl',
  'application/jsonl': 'jsonl',
  'application/x-jsonlines': 'jsonl',
  'application/jsonlines': 'jsonl',
};
export const RAW_IMPORT_TYPES = Object.keys(RAW_TYPES);

const FILE_ERRORS: BodyErrors = {
  tooLarge: () => new AppError('payload_too_large', `The file is larger than ${MAX_BODY_BYTES / 1024 / 1024} MB; split it into several imports.`),
  unreadable: () => new AppError('validation_error', 'The file could not be read completely.'),
};

/** The raw file: the JSON body's limits (lib/http/json-body.ts), in a file's words; strict UTF-8. */
async function readText(req: Request): Promise<string> {
  const text = decodeUtf8(await readBodyBytes(req, FILE_ERRORS));
  if (text === null) throw new AppError('validation_error', 'The file is not UTF-8 text. Save it as UTF-8 (in a spreadsheet: "CSV UTF-8") and import again.', [{ path: 'content', message: 'Not valid UTF-8.' }]);
  return text;
}

/**
 * What POST .../import was sent: JSON `{content, format?, dryRun?}`, or the file itself with its
 * media type (text/csv, application/x-ndjson, ...), `format` and `dryRun`
 * in the query. Anything else is a 415; text that is not UTF-8 is a 400.
 */
export async function readImportRequest(req: Request, query: Record<string, string>): Promise<ImportRequest> {
  const contentType = req.headers.get('content-type');
  const q = ImportQuerySchema.parse(query);
  if (contentType === null || isJsonMediaType(contentType)) {
    const body = ImportBodySchema.parse((await readJson(req)) ?? {});
    return { content: body.content, format: body.format ?? q.format, dryRun: body.dryRun ?? q.dryRun ?? false };
  }
  const type = contentType.split(';')[0]!.trim().toLowerCase();
  const charset = /;\s*charset\s*=\s*"?([^";\s]+)"?/i.exec(contentType)?.[1]?.toLowerCase();
  if (!(type in RAW_TYPES) || (charset !== undefined && charset !== 'utf-8' && charset !== 'utf8')) {
    throw new AppError('unsupported_media_type', `Send the file as text/csv or application/x-ndjson (UTF-8), or JSON {"content": "..."} (got "${contentType.slice(0, 100)}").`);
  }
  const content = await readText(req);
  return { content, format: q.format ?? RAW_TYPES[type], dryRun: q.dryRun ?? false };
}

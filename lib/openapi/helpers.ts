import { z } from 'zod';

/**
 * The contract pattern. Every endpoint is one entry in an operations map, keyed
 * `"<METHOD> <path template>"` (e.g. `'GET /api/v1/prompts/{name}'`), whose schemas are the same
 * zod schemas the services validate input with (lib/<feature>/schemas.ts) and type their answers
 * with (lib/<feature>/responses.ts). From these maps come the OpenAPI document (document.ts),
 * the browser client's types (lib/client/api.ts) and the check that API tests run on every
 * response (lib/test/contract.ts).
 */
export type HttpMethod = 'get' | 'post' | 'put' | 'patch' | 'delete';

/** A success response: a description and, unless it has no body (204, 304), its JSON schema. */
export interface SuccessResponse {
  description: string;
  schema?: z.ZodType;
  /** Also answers `text/event-stream` (invoke with `stream: true`). */
  eventStream?: string;
  /** Also answers `text/csv` (exports), described by this text. */
  csv?: string;
  /** Response headers worth documenting, by name: what they carry. */
  headers?: Record<string, string>;
  /** Non-JSON bodies (a file download), by media type: what the file holds. */
  files?: Record<string, string>;
}

/** Error statuses an operation documents beyond the ones every operation has (see document.ts). */
export type ExtraErrorStatus = 401 | 403 | 409 | 413 | 429 | 502;

export interface Operation {
  summary: string;
  description?: string;
  /** No credentials needed (sign-in, first run, this document). */
  public?: boolean;
  /** Path parameters (defaults to a string per `{name}` of the template). */
  params?: z.ZodObject;
  query?: z.ZodType;
  body?: z.ZodType;
  /** Further media types the body may have besides JSON (a file upload), by type: what it holds. */
  rawBodies?: Record<string, string>;
  /** Success responses by status. */
  responses: Partial<Record<200 | 201 | 202 | 204 | 304 | 503, SuccessResponse>>;
  /** Further error responses, by status, with what they mean. */
  errors?: Partial<Record<ExtraErrorStatus, string>>;
}

export type Operations = Record<`${Uppercase<HttpMethod>} /api/v1/${string}`, Operation>;

export const ok = <S extends z.ZodType | undefined = undefined>(description: string, schema?: S) => ({ description, schema: schema as S });

/** `{items, nextCursor}`, as every list answers (API.md). */
export const page = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item), nextCursor: z.string().nullable().describe('Pass as `cursor` for the next page; null on the last.') });

export const ErrorSchema = z
  .object({
    error: z.object({
      code: z.string().describe('snake_case, e.g. validation_error, not_found, label_conflict.'),
      message: z.string().describe('A sentence a person can act on.'),
      details: z.unknown().optional().describe('For validation_error: [{path, message}]; else structured facts (e.g. currentVersion).'),
    }),
  })
  .meta({ id: 'Error' });
export type ErrorBody = z.infer<typeof ErrorSchema>;

/** Splits an operation key into method and path. */
export function splitKey(key: string): { method: HttpMethod; path: string } {
  const i = key.indexOf(' ');
  return { method: key.slice(0, i).toLowerCase() as HttpMethod, path: key.slice(i + 1) };
}

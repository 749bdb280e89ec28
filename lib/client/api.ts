import type { z } from 'zod';
import type { ErrorBody } from '@/lib/openapi/helpers';
import type { ApiOperations, OperationKey } from '@/lib/openapi/operations';

/**
 * Browser-side client of the HTTP API (/api/v1), typed by the contract (lib/openapi): the path,
 * parameters, body and answer of every call come from the operation's zod schemas, so a
 * component never casts a response. The session cookie authenticates.
 * Errors arrive as `{ error: { code, message, details? } }` and are thrown as ApiError so forms
 * can show field errors (validation `details` is a list of `{ path, message }`).
 */

export interface FieldIssue {
  path: string;
  message: string;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  /** Field errors of a 400 validation error (empty for other errors). */
  get fieldIssues(): FieldIssue[] {
    if (!Array.isArray(this.details)) return [];
    return this.details.filter(
      (d): d is FieldIssue => typeof d === 'object' && d !== null && typeof (d as FieldIssue).path === 'string' && typeof (d as FieldIssue).message === 'string',
    );
  }

  /** A numeric field of `details` (e.g. `currentVersion` on label_conflict). */
  detail(key: string): unknown {
    return typeof this.details === 'object' && this.details !== null && !Array.isArray(this.details) ? (this.details as Record<string, unknown>)[key] : undefined;
  }
}

type Ops = ApiOperations;

type PathOf<K> = K extends `${string} ${infer P}` ? P : never;
type ParamNames<P> = P extends `${string}{${infer N}}${infer Rest}` ? N | ParamNames<Rest> : never;
type QueryOf<O> = O extends { query: z.ZodType } ? { [F in keyof z.input<O['query']>]?: string | number | boolean | null } : never;
type BodyOf<R> = R extends { schema: infer S extends z.ZodType } ? z.output<S> : void;

/** What an operation takes: its path parameters, query and JSON body (typed by the contract). */
export type ApiArgs<K extends OperationKey> = ([ParamNames<PathOf<K>>] extends [never] ? unknown : { params: Record<ParamNames<PathOf<K>>, string | number> }) &
  ([QueryOf<Ops[K]>] extends [never] ? unknown : { query?: QueryOf<Ops[K]> }) &
  (Ops[K] extends { body: infer B extends z.ZodType } ? { body: z.input<B> } : unknown);

/** What an operation answers on success (the schema in lib/<feature>/responses.ts). */
export type ApiResult<K extends OperationKey> = {
  [S in keyof Ops[K]['responses']]: S extends 200 | 201 | 202 | 204 ? BodyOf<Ops[K]['responses'][S]> : never;
}[keyof Ops[K]['responses']];

type ArgsTuple<K extends OperationKey> = Record<never, never> extends ApiArgs<K> ? [args?: ApiArgs<K>] : [args: ApiArgs<K>];

/** The URL of an operation: path parameters filled in (encoded), query appended. */
export function apiUrl(path: string, args: { params?: Record<string, string | number>; query?: Record<string, unknown> } = {}): string {
  const filled = path.replace(/\{(\w+)\}/g, (_, n: string) => {
    const v = args.params?.[n];
    if (v === undefined) throw new Error(`Missing path parameter ${n} for ${path}`);
    return encodeURIComponent(String(v));
  });
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(args.query ?? {})) if (v !== undefined && v !== null) q.set(k, String(v));
  const qs = q.toString();
  return qs ? `${filled}?${qs}` : filled;
}

/**
 * Calls one operation of the HTTP API, typed by the contract: `api('GET /api/v1/prompts/{name}',
 * { params: { name } })` answers a `VersionDto`. Errors are thrown as ApiError.
 */
export async function api<K extends OperationKey>(key: K, ...[args]: ArgsTuple<K>): Promise<ApiResult<K>> {
  const i = key.indexOf(' ');
  const a = (args ?? {}) as { params?: Record<string, string | number>; query?: Record<string, unknown>; body?: unknown };
  return (await request(key.slice(0, i), apiUrl(key.slice(i + 1), a), a.body)) as ApiResult<K>;
}

export async function request(method: string, url: string, body?: unknown): Promise<unknown> {
  let res: Response;
  try {
    res = await fetch(url, {
      method,
      headers: body === undefined ? { accept: 'application/json' } : { 'content-type': 'application/json', accept: 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: 'same-origin',
    });
  } catch {
    throw new ApiError(0, 'network_error', 'Could not reach Promptdeck. Check your connection and try again.');
  }
  if (res.status === 204) return undefined;
  const text = await res.text();
  let data: unknown = undefined;
  try {
    data = text ? (JSON.parse(text) as unknown) : undefined;
  } catch {
    data = undefined;
  }
  if (!res.ok) {
    const err = (data as Partial<ErrorBody> | undefined)?.error;
    throw new ApiError(res.status, err?.code ?? 'http_error', err?.message ?? `Request failed (${res.status}).`, err?.details);
  }
  return data;
}

export const isApiError = (e: unknown): e is ApiError => e instanceof ApiError;

/** A message to show for any error thrown by a mutation. */
export function errorMessage(e: unknown): string {
  if (e instanceof Error) return e.message;
  return 'Something went wrong.';
}

export type { OperationKey };

/** Encodes one path segment for links (prompt and label names are URL-safe, but be strict). */
export const seg = (s: string) => encodeURIComponent(s);

/**
 * Browser-side fetch helper for the HTTP API (/api/v1). The session cookie authenticates.
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

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export async function api<T = unknown>(method: Method, path: string, body?: unknown): Promise<T> {
  let res: Response;
  try {
    res = await fetch(path.startsWith('/') ? path : `/api/v1/${path}`, {
      method,
      headers: body === undefined ? { accept: 'application/json' } : { 'content-type': 'application/json', accept: 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: 'same-origin',
    });
  } catch {
    throw new ApiError(0, 'network_error', 'Could not reach Promptdeck. Check your connection and try again.');
  }
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  let data: unknown = undefined;
  try {
    data = text ? (JSON.parse(text) as unknown) : undefined;
  } catch {
    data = undefined;
  }
  if (!res.ok) {
    const err = (data as { error?: { code?: string; message?: string; details?: unknown } } | undefined)?.error;
    throw new ApiError(res.status, err?.code ?? 'http_error', err?.message ?? `Request failed (${res.status}).`, err?.details);
  }
  return data as T;
}

export const isApiError = (e: unknown): e is ApiError => e instanceof ApiError;

/** A message to show for any error thrown by a mutation. */
export function errorMessage(e: unknown): string {
  if (e instanceof Error) return e.message;
  return 'Something went wrong.';
}

/** Encodes one path segment (prompt and label names are URL-safe, but be strict). */
export const seg = (s: string) => encodeURIComponent(s);

import { ZodError } from 'zod';
import { AppError, fieldIssues, validationError } from '../errors';

export const JSON_TYPE = 'application/json; charset=utf-8';

export function json(body: unknown, status = 200, headers?: HeadersInit): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': JSON_TYPE, ...headers } });
}

/** The one mapper from errors to `{ error: { code, message, details? } }` and a status. */
export function errorPayload(err: unknown): { status: number; body: string } {
  let e: AppError;
  if (err instanceof AppError) e = err;
  else if (err instanceof ZodError) e = validationError(fieldIssues(err.issues));
  else {
    console.error('[promptdeck] unexpected error', err);
    e = new AppError('internal_error', 'Something went wrong on our side. The error was logged.');
  }
  const error: Record<string, unknown> = { code: e.code, message: e.message };
  if (e.details !== undefined) error.details = e.details;
  return { status: e.status, body: JSON.stringify({ error }) };
}

export function errorResponse(err: unknown): Response {
  const { status, body } = errorPayload(err);
  return new Response(body, { status, headers: { 'content-type': JSON_TYPE } });
}

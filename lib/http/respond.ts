import { ZodError } from 'zod';
import { AppError, fieldIssues, validationError } from '../errors';

export function json(body: unknown, status = 200, headers?: HeadersInit): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json; charset=utf-8', ...headers } });
}

/** The one mapper from errors to `{ error: { code, message, details? } }`. */
export function errorResponse(err: unknown): Response {
  let e: AppError;
  if (err instanceof AppError) e = err;
  else if (err instanceof ZodError) e = validationError(fieldIssues(err.issues));
  else {
    console.error('[promptdeck] unexpected error', err);
    e = new AppError('internal_error', 'Something went wrong on our side. The error was logged.');
  }
  const error: Record<string, unknown> = { code: e.code, message: e.message };
  if (e.details !== undefined) error.details = e.details;
  return json({ error }, e.status);
}

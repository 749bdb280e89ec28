import { ZodError } from 'zod';
import { AppError, fieldIssues, validationError } from '../errors';
import { logger } from '../ops/log';

export const JSON_TYPE = 'application/json; charset=utf-8';

export function json(body: unknown, status = 200, headers?: HeadersInit): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': JSON_TYPE, ...headers } });
}

/**
 * A database "data exception" (PostgreSQL class 22: out of range, invalid text, NUL...) or the
 * Prisma codes for the same can only come from a value the client sent: answer 400, not 500.
 * Validation should catch these first; this is the backstop.
 */
function isDataException(err: unknown): boolean {
  const e = err as { code?: unknown; cause?: { originalCode?: unknown; code?: unknown } } | null;
  if (!e || typeof e !== 'object') return false;
  if (typeof e.code === 'string' && ['P2000', 'P2007', 'P2020', 'P2023'].includes(e.code)) return true;
  const pg = e.cause?.originalCode ?? e.cause?.code;
  return typeof pg === 'string' && pg.startsWith('22');
}

/** The one mapper from errors to `{ error: { code, message, details? } }` and a status. */
export function errorPayload(err: unknown, reqId?: string | null): { status: number; body: string } {
  let e: AppError;
  if (err instanceof AppError) e = err;
  else if (err instanceof ZodError) e = validationError(fieldIssues(err.issues));
  else if (isDataException(err)) e = new AppError('validation_error', 'A value in the request is out of range or not valid text.');
  else {
    logger().error({ err, reqId: reqId ?? undefined }, 'unexpected error');
    e = new AppError('internal_error', 'Something went wrong on our side. The error was logged.');
  }
  const error: Record<string, unknown> = { code: e.code, message: e.message };
  if (e.details !== undefined) error.details = e.details;
  return { status: e.status, body: JSON.stringify({ error }) };
}

export function errorResponse(err: unknown, reqId?: string | null): Response {
  const { status, body } = errorPayload(err, reqId);
  return new Response(body, { status, headers: { 'content-type': JSON_TYPE } });
}

/**
 * The one error type services throw. `message` is safe to show to a client; `details` carries
 * structured information (field errors, the current version on a conflict, ...).
 */
export type ErrorCode =
  | 'validation_error'
  | 'invalid_json'
  | 'unauthorized'
  | 'forbidden'
  | 'csrf'
  | 'not_found'
  | 'prompt_exists'
  | 'prompt_in_use'
  | 'label_conflict'
  | 'label_reserved'
  | 'nothing_to_rollback'
  | 'missing_variables'
  | 'template_error'
  | 'conflict'
  | 'no_canary'
  | 'canary_running'
  | 'canary_conflict'
  | 'approval_required'
  | 'self_approval'
  | 'already_decided'
  | 'stale_request'
  | 'request_closed'
  | 'gate_failed'
  | 'payload_too_large'
  | 'unsupported_media_type'
  | 'headers_too_large'
  | 'throttled'
  | 'upstream_error'
  | 'invalid_output'
  | 'internal_error';

const STATUS: Record<ErrorCode, number> = {
  validation_error: 400,
  invalid_json: 400,
  missing_variables: 400,
  template_error: 400,
  label_reserved: 400,
  unauthorized: 401,
  forbidden: 403,
  csrf: 403,
  not_found: 404,
  prompt_exists: 409,
  prompt_in_use: 409,
  label_conflict: 409,
  nothing_to_rollback: 409,
  conflict: 409,
  no_canary: 409,
  canary_running: 409,
  canary_conflict: 409,
  approval_required: 409,
  self_approval: 403,
  already_decided: 409,
  stale_request: 409,
  request_closed: 409,
  gate_failed: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  headers_too_large: 431,
  throttled: 429,
  upstream_error: 502,
  invalid_output: 502,
  internal_error: 500,
};

export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'AppError';
    this.status = STATUS[code];
  }
}

export const notFound = (what: string) => new AppError('not_found', `${what} was not found.`);

export interface FieldIssue {
  path: string;
  message: string;
}

/** Turns zod issues into `details` entries naming each field. */
export function fieldIssues(issues: readonly { path: readonly PropertyKey[]; message: string }[]): FieldIssue[] {
  return issues.map((i) => ({ path: i.path.map(String).join('.') || '(body)', message: i.message }));
}

/** At most this many field issues travel in `details` (a hostile array can produce millions). */
export const MAX_ISSUES = 50;

export function validationError(issues: FieldIssue[]): AppError {
  const first = issues[0];
  const summary = first ? `${first.path}: ${first.message}` : 'Invalid input.';
  const more = issues.length > 1 ? ` (and ${issues.length - 1} more)` : '';
  const shown = issues.slice(0, MAX_ISSUES).map((i) => ({ path: i.path.slice(0, 200), message: i.message }));
  return new AppError('validation_error', `Invalid input. ${summary.slice(0, 500)}${more}`, shown);
}

/**
 * Every failure of a call to Promptdeck. `status` is the HTTP status, or null when no answer
 * came (network error, timeout, aborted). `code` is the server's error code (`not_found`,
 * `validation_error`, `throttled`, ...) or one of `network_error`, `timeout`, `aborted`,
 * `bad_response` (an answer that is not what the API promises), `incomplete_stream`.
 */
export class PromptdeckError extends Error {
  override readonly name = 'PromptdeckError';
  constructor(
    readonly status: number | null,
    readonly code: string,
    message: string,
    readonly details?: unknown,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }

  /**
   * The server could not answer right now (no answer, 5xx, 429 throttled): the moments a
   * cached copy may be served stale and ingestion retries. Never true for 4xx answers such as
   * 404 (the prompt or label is gone), nor for a call the caller aborted.
   */
  get unavailable(): boolean {
    if (this.status === null) return this.code !== 'aborted';
    return this.status >= 500 || this.status === 429;
  }
}

/** Local rendering failed: the template does not parse (`template_error`) or variables are missing. */
export class TemplateError extends Error {
  override readonly name = 'TemplateError';
  constructor(
    readonly code: 'template_error' | 'missing_variables',
    message: string,
    /** template_error: where it is (`system`, `messages.0`...). */
    readonly where?: string,
    /** missing_variables: the names, in order of first appearance. */
    readonly missing?: string[],
  ) {
    super(message);
  }
}

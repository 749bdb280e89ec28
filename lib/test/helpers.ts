import { expect } from 'vitest';
import { ZodError } from 'zod';
import { AppError, fieldIssues, validationError, type FieldIssue } from '../errors';

/**
 * Shared helpers for service-level tests. Services throw AppError, or ZodError for bad input
 * (the HTTP layer maps it to 400 validation_error); both are normalised here to what a client
 * would receive.
 */
export interface CaughtError {
  code: string;
  status: number;
  message: string;
  details: unknown;
}

export function normalise(err: unknown): CaughtError {
  const e = err instanceof ZodError ? validationError(fieldIssues(err.issues)) : err;
  if (!(e instanceof AppError)) throw err;
  return { code: e.code, status: e.status, message: e.message, details: e.details };
}

/** Awaits a promise that must fail with the given error code; returns the error. */
export async function expectError(p: Promise<unknown>, code: string): Promise<CaughtError> {
  let caught: unknown;
  try {
    await p;
  } catch (err) {
    caught = err;
  }
  expect(caught, `expected the call to fail with ${code}`).toBeDefined();
  const e = normalise(caught);
  expect(e.code, e.message).toBe(code);
  return e;
}

/** A validation failure whose details name the given field path (e.g. "params.temperature"). */
export async function expectInvalid(p: Promise<unknown>, field: string): Promise<FieldIssue[]> {
  const e = await expectError(p, 'validation_error');
  expect(e.status).toBe(400);
  const issues = e.details as FieldIssue[];
  expect(issues.map((i) => i.path)).toContain(field);
  return issues;
}

export const MODEL = 'anthropic.claude-3-5-haiku-20241022-v1:0';

let bodies = 0;

/**
 * A valid createVersion body; override any field. Each call differs from the last (a mustache
 * comment, which renders to nothing), since a version identical to its parent is not created.
 */
export function versionBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  bodies += 1;
  return {
    template: { system: 'You are {{persona}}.', messages: [{ role: 'user', content: `Summarise: {{text}}{{! body ${bodies} }}` }] },
    modelId: MODEL,
    params: { temperature: 0.2, maxTokens: 256 },
    commitMessage: 'test version',
    ...overrides,
  };
}

/** Polls `check` until it returns true or `capMs` passes; returns the elapsed time or throws. */
export async function waitUntil(check: () => Promise<boolean>, capMs: number, stepMs = 10): Promise<number> {
  const start = performance.now();
  for (;;) {
    if (await check()) return performance.now() - start;
    if (performance.now() - start > capMs) throw new Error(`condition not met within ${capMs} ms`);
    await new Promise((r) => setTimeout(r, stepMs));
  }
}

import { expect } from 'vitest';
import { createApiKey } from '../auth/api-keys';
import { ROLES, type Role } from '../auth/roles';
import { db as processDb } from '../db/client';
import { resetEnvCache } from '../env';
import { contractProblems } from './contract';
import { createTestDb, ctxFor, uniqueName, type TestDb, type TestDbOptions } from './db';

/**
 * API tests call the exported route handlers directly. The handlers use the process-wide
 * database client, so the test database's URL goes into DATABASE_URL before the routes are
 * first used (import them with `await import()` after `startApi()`).
 */
export interface ApiEnv {
  t: TestDb;
  /** A bearer token per role. */
  tokens: Record<Role, string>;
  close(): Promise<void>;
}

export async function startApi(opts: { keys?: boolean } & TestDbOptions = {}): Promise<ApiEnv> {
  const t = await createTestDb({ server: opts.server });
  process.env.DATABASE_URL = t.url;
  process.env.PROMPTDECK_SECURE_COOKIES = 'auto';
  resetEnvCache();
  const tokens = {} as Record<Role, string>;
  if (opts.keys !== false) {
    for (const role of ROLES) tokens[role] = (await createApiKey(ctxFor(t.db, 'admin'), { name: uniqueName(`key-${role}`), role })).key;
  }
  return {
    t,
    tokens,
    async close() {
      await processDb().$disconnect();
      await t.close();
    },
  };
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Route = (req: Request, ctx: { params: Promise<any> }) => Response | Promise<Response>;

export interface CallOptions {
  token?: string;
  /** Serialised as JSON. */
  body?: unknown;
  /** Sent as is (for malformed JSON, other media types, invalid UTF-8). */
  rawBody?: string | Uint8Array;
  /** Content-Type of a body (default application/json); null sends none. */
  contentType?: string | null;
  headers?: Record<string, string>;
  params?: Record<string, string | string[]>;
  /** The path is deliberately no endpoint (the catch-all): it must not be in the document, and answers an error. */
  undocumented?: boolean;
}

export interface ApiResponse {
  status: number;
  headers: Headers;
  text: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  json: any;
}

/**
 * Calls a route handler with a real Request, as Next.js would, and checks the response against
 * the published OpenAPI document (lib/test/contract.ts): an undocumented path or status, or a
 * body that does not match its schema, fails the test.
 */
export async function call(route: Route, method: string, path: string, opts: CallOptions = {}): Promise<ApiResponse> {
  const headers: Record<string, string> = { ...opts.headers };
  if (opts.token) headers.authorization = `Bearer ${opts.token}`;
  let body: string | Uint8Array | undefined;
  if (opts.rawBody !== undefined) body = opts.rawBody;
  else if (opts.body !== undefined) body = JSON.stringify(opts.body);
  if (body !== undefined && opts.contentType !== null) headers['content-type'] ??= opts.contentType ?? 'application/json';
  // A string body would get text/plain from the Request constructor; bytes get no type at all.
  if (opts.contentType === null && typeof body === 'string') body = new TextEncoder().encode(body);
  const req = new Request(`http://localhost${path}`, { method, headers, body: body as BodyInit | undefined });
  const res = await route(req, { params: Promise.resolve(opts.params ?? {}) });
  const text = await res.text();
  let json: unknown;
  if (text) {
    try {
      json = JSON.parse(text);
    } catch {
      json = undefined;
    }
  }
  const problems = contractProblems(method, path, { status: res.status, contentType: res.headers.get('content-type'), text }, { undocumented: opts.undocumented });
  expect(problems, `the response of ${method} ${path} does not match the OpenAPI document`).toEqual([]);
  return { status: res.status, headers: res.headers, text, json };
}

/** Asserts the uniform error shape `{error: {code, message, details?}}` and returns `details`. */
export function expectApiError(res: ApiResponse, status: number, code: string): unknown {
  expect(res.status, res.text).toBe(status);
  expect(res.headers.get('content-type')).toMatch(/^application\/json/);
  expect(Object.keys(res.json)).toEqual(['error']);
  const e = res.json.error as { code: string; message: string; details?: unknown };
  expect(e.code).toBe(code);
  expect(typeof e.message).toBe('string');
  expect(e.message.length).toBeGreaterThan(0);
  expect(Object.keys(e).every((k) => ['code', 'message', 'details'].includes(k))).toBe(true);
  return e.details;
}

/** A 400 validation error whose details name these fields. */
export function expectFields(res: ApiResponse, ...fields: string[]): void {
  const details = expectApiError(res, 400, 'validation_error') as { path: string; message: string }[];
  expect(Array.isArray(details)).toBe(true);
  const paths = details.map((d) => d.path);
  for (const f of fields) expect(paths).toContain(f);
}

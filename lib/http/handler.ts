import { actorFromRequest } from '../auth/request';
import type { Actor } from '../auth/roles';
import type { ServiceContext } from '../context';
import { db } from '../db/client';
import { AppError, validationError } from '../errors';
import { errorResponse } from './respond';

const MAX_BODY_BYTES = 5 * 1024 * 1024;

type Params = Record<string, string | string[] | undefined>;

export interface HandlerArgs<P> {
  req: Request;
  params: P;
  ctx: ServiceContext;
  /** Parsed JSON body (undefined when empty). */
  body: () => Promise<unknown>;
  query: Record<string, string>;
}

export async function readJson(req: Request): Promise<unknown> {
  const length = Number(req.headers.get('content-length') ?? '0');
  if (length > MAX_BODY_BYTES) throw new AppError('payload_too_large', `The request body is larger than ${MAX_BODY_BYTES / 1024 / 1024} MB.`);
  let text: string;
  try {
    text = await req.text();
  } catch {
    // The client went away (or sent a broken body) while we were reading it.
    throw new AppError('invalid_json', 'The request body could not be read completely.');
  }
  if (text.length > MAX_BODY_BYTES) throw new AppError('payload_too_large', `The request body is larger than ${MAX_BODY_BYTES / 1024 / 1024} MB.`);
  if (text.trim() === '') return undefined;
  let value: unknown;
  try {
    value = JSON.parse(text) as unknown;
  } catch {
    throw new AppError('invalid_json', 'The request body is not valid JSON.');
  }
  const at = nulPath(value, '');
  if (at !== null) throw nulError(at || '(body)');
  return value;
}

/** PostgreSQL cannot store the NUL character; text containing it is bad input. */
function nulPath(v: unknown, path: string): string | null {
  if (typeof v === 'string') return v.includes('\u0000') ? path : null;
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) {
      const p = nulPath(v[i], path ? `${path}.${i}` : String(i));
      if (p !== null) return p;
    }
    return null;
  }
  if (v && typeof v === 'object') {
    for (const [k, x] of Object.entries(v)) {
      const p = k.includes('\u0000') ? (path ? `${path}.${k}` : k) : nulPath(x, path ? `${path}.${k}` : k);
      if (p !== null) return p;
    }
  }
  return null;
}

const nulError = (path: string) => validationError([{ path, message: 'Text cannot contain the NUL character (\\u0000).' }]);

/**
 * Wraps a route handler: authenticates (API key or session), decodes params, and maps every
 * error to the uniform JSON shape. Route files stay thin: parse, call one service, map.
 */
export function handler<P extends Params>(fn: (args: HandlerArgs<P>) => Promise<Response>) {
  return async (req: Request, route: { params: Promise<P> }): Promise<Response> => {
    try {
      const params = await route.params;
      const database = db();
      const actor: Actor = await actorFromRequest(req, database);
      const query = Object.fromEntries(new URL(req.url).searchParams);
      const badParam = Object.entries(query).find(([k, v]) => k.includes('\u0000') || v.includes('\u0000'));
      if (badParam) throw nulError(badParam[0]);
      let bodyPromise: Promise<unknown> | undefined;
      return await fn({ req, params, ctx: { db: database, actor }, query, body: () => (bodyPromise ??= readJson(req)) });
    } catch (err) {
      return errorResponse(err);
    }
  };
}

/** For public endpoints (openapi.json, sign-in, first-run). */
export function publicHandler<P extends Params>(fn: (args: { req: Request; params: P }) => Promise<Response>) {
  return async (req: Request, route: { params: Promise<P> }): Promise<Response> => {
    try {
      return await fn({ req, params: await route.params });
    } catch (err) {
      return errorResponse(err);
    }
  };
}

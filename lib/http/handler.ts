import { actorFromRequest, sessionCookieFrom } from '../auth/request';
import type { Actor } from '../auth/roles';
import type { ServiceContext } from '../context';
import { db } from '../db/client';
import { validationError } from '../errors';
import { readJson, textProblem } from './json-body';
import { assertSameOrigin, isSafeMethod } from './origin';
import { errorResponse } from './respond';
import { logger, REQUEST_ID_HEADER } from '../ops/log';
import { observeHttp, routeTemplate } from '../ops/metrics';

export { readJson } from './json-body';

type Params = Record<string, string | string[] | undefined>;

export interface HandlerArgs<P> {
  req: Request;
  params: P;
  ctx: ServiceContext;
  /** Parsed JSON body (undefined when empty). */
  body: () => Promise<unknown>;
  query: Record<string, string>;
}

/**
 * Wraps a route handler: authenticates (API key or session), decodes params, and maps every
 * error to the uniform JSON shape. Route files stay thin: parse, call one service, map.
 */
export function handler<P extends Params>(fn: (args: HandlerArgs<P>) => Promise<Response>) {
  return instrumented<P>(async (req, params, url) => {
    try {
      checkParams(params);
      const query = Object.fromEntries(url.searchParams);
      const badQuery = Object.entries(query).find(([k, v]) => textProblem(k) ?? textProblem(v));
      if (badQuery) throw validationError([{ path: textProblem(badQuery[0]) ? '(query)' : badQuery[0], message: (textProblem(badQuery[0]) ?? textProblem(badQuery[1]))! }]);
      const database = db();
      const actor: Actor = await actorFromRequest(req, database);
      // A session cookie rides along with any request the browser makes, even from another
      // site: changes authenticated by it must come from our own pages. API keys are unaffected.
      if (!req.headers.get('authorization') && !isSafeMethod(req.method)) assertSameOrigin(req, { allowNonBrowser: false });
      let bodyPromise: Promise<unknown> | undefined;
      return await fn({ req, params, ctx: { db: database, actor }, query, body: () => (bodyPromise ??= readJson(req)) });
    } catch (err) {
      return errorResponse(err, req.headers.get(REQUEST_ID_HEADER));
    }
  });
}

/**
 * Metrics (requests and latency by route template) and a debug log line per request, with the
 * request id the front server assigned (lib/server/http-server.ts).
 */
function instrumented<P extends Params>(run: (req: Request, params: P, url: URL) => Promise<Response>) {
  return async (req: Request, route: { params: Promise<P> }): Promise<Response> => {
    const t0 = performance.now();
    const url = new URL(req.url);
    let params: P | undefined;
    let res: Response;
    try {
      params = await route.params;
      res = await run(req, params, url);
    } catch (err) {
      res = errorResponse(err, req.headers.get(REQUEST_ID_HEADER));
    }
    const ms = performance.now() - t0;
    const path = routeTemplate(url.pathname, params);
    observeHttp(req.method, path, res.status, ms / 1000);
    const log = logger();
    if (log.isLevelEnabled('debug')) log.debug({ reqId: req.headers.get(REQUEST_ID_HEADER), method: req.method, route: path, status: res.status, ms: Math.round(ms * 10) / 10 }, 'request');
    return res;
  };
}

/** Path parameters as text PostgreSQL can store (Next hands them over decoded). */
function checkParams(params: Params): void {
  for (const [k, v] of Object.entries(params ?? {})) {
    for (const s of Array.isArray(v) ? v : v === undefined ? [] : [v]) {
      const p = textProblem(s);
      if (p) throw validationError([{ path: k, message: p }]);
    }
  }
}

/**
 * For public endpoints (openapi.json, sign-in, first-run, sign-out). Changes made from a browser
 * must come from our own pages (login CSRF); a request with neither Origin nor Sec-Fetch-Site
 * is a script and passes, unless it carries a session cookie.
 */
export function publicHandler<P extends Params>(fn: (args: { req: Request; params: P }) => Promise<Response>) {
  return instrumented<P>(async (req, params) => {
    try {
      checkParams(params);
      if (!isSafeMethod(req.method)) assertSameOrigin(req, { allowNonBrowser: sessionCookieFrom(req) === undefined });
      return await fn({ req, params });
    } catch (err) {
      return errorResponse(err, req.headers.get(REQUEST_ID_HEADER));
    }
  });
}

import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { env } from '../env';
import { SECURITY_HEADERS } from '../http/security-headers';
import { errorBody } from '../server/guard';
import { metrics, METRICS_CONTENT_TYPE } from './metrics';

/**
 * GET /metrics (Prometheus text format), answered by the front server before Next.
 * - PROMPTDECK_METRICS_TOKEN set: only with `Authorization: Bearer <token>` (401 otherwise).
 * - unset: local-only, i.e. a request over a loopback socket that no proxy forwarded
 *   (no X-Forwarded-For / Forwarded header); anything else gets 404, as if there were no endpoint.
 */
export function isMetricsPath(url: string | undefined): boolean {
  return url === '/metrics' || url?.startsWith('/metrics?') === true;
}

/**
 * The console's Metrics page is at the same path. A browser (Accept: text/html) and Next's
 * client-side navigation (the `rsc` / prefetch headers) get the page; a scraper (Prometheus
 * asks for text/plain or OpenMetrics) gets the figures.
 */
export function wantsMetricsText(req: IncomingMessage): boolean {
  const h = req.headers;
  if (h.rsc !== undefined || h['next-router-prefetch'] !== undefined || h['next-router-state-tree'] !== undefined) return false;
  return !(h.accept ?? '').includes('text/html');
}

const LOOPBACK = /^(127\.\d+\.\d+\.\d+|::1|::ffff:127\.\d+\.\d+\.\d+)$/;

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

export type MetricsAccess = 'ok' | 'unauthorized' | 'hidden';

export function metricsAccess(req: IncomingMessage, token: string | undefined): MetricsAccess {
  if (token) {
    const auth = req.headers.authorization ?? '';
    return auth.startsWith('Bearer ') && sameSecret(auth.slice(7).trim(), token) ? 'ok' : 'unauthorized';
  }
  const forwarded = req.headers['x-forwarded-for'] !== undefined || req.headers.forwarded !== undefined;
  return !forwarded && LOOPBACK.test(req.socket.remoteAddress ?? '') ? 'ok' : 'hidden';
}

export function answerMetrics(req: IncomingMessage, res: ServerResponse): void {
  const json = { ...SECURITY_HEADERS, 'content-type': 'application/json; charset=utf-8' };
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, { ...json, allow: 'GET, HEAD' });
    res.end(errorBody('method_not_allowed', 'GET /metrics only.'));
    return;
  }
  const access = metricsAccess(req, env().PROMPTDECK_METRICS_TOKEN);
  if (access === 'unauthorized') {
    res.writeHead(401, { ...json, 'www-authenticate': 'Bearer realm="metrics"' });
    res.end(errorBody('unauthorized', 'Send Authorization: Bearer <PROMPTDECK_METRICS_TOKEN>.'));
    return;
  }
  if (access === 'hidden') {
    res.writeHead(404, json);
    res.end(errorBody('not_found', 'No endpoint at /metrics (set PROMPTDECK_METRICS_TOKEN to scrape metrics from another host).'));
    return;
  }
  metrics()
    .registry.metrics()
    .then(
      (text) => {
        res.writeHead(200, { ...SECURITY_HEADERS, 'content-type': METRICS_CONTENT_TYPE, 'cache-control': 'no-store' });
        res.end(req.method === 'HEAD' ? undefined : text);
      },
      (err: unknown) => {
        res.writeHead(500, json);
        res.end(errorBody('internal_error', `Could not collect metrics: ${(err as Error).message}`));
      },
    );
}

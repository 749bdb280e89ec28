import client from 'prom-client';

/**
 * Prometheus metrics (prom-client), served at /metrics by the front server (lib/ops/metrics-endpoint.ts).
 * One registry per process, kept on globalThis: the server's own modules and Next's bundled
 * route modules record into the same objects. Recording is a counter or histogram update on a
 * pre-resolved child, so the serving hot path pays well under a microsecond for it.
 */
export interface Metrics {
  registry: client.Registry;
  httpRequests: client.Counter<'method' | 'route' | 'status'>;
  httpDuration: client.Histogram<'method' | 'route'>;
  gatewayCalls: client.Counter<'model' | 'outcome'>;
  gatewayDuration: client.Histogram<'model'>;
  throttles: client.Counter<'source'>;
  servingCache: client.Counter<'result'>;
  jobDepth: client.Gauge<'queue' | 'state'>;
}

const g = globalThis as unknown as { __promptdeckMetrics?: Metrics };

function create(): Metrics {
  const registry = new client.Registry();
  client.collectDefaultMetrics({ register: registry, prefix: 'promptdeck_' });
  const registers = [registry];
  return {
    registry,
    httpRequests: new client.Counter({
      name: 'promptdeck_http_requests_total',
      help: 'API requests answered, by method, route template (e.g. /api/v1/prompts/{name}) and status.',
      labelNames: ['method', 'route', 'status'],
      registers,
    }),
    httpDuration: new client.Histogram({
      name: 'promptdeck_http_request_duration_seconds',
      help: 'Time until the response headers were ready (a stream counts until it started), by method and route template.',
      labelNames: ['method', 'route'],
      buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
      registers,
    }),
    gatewayCalls: new client.Counter({
      name: 'promptdeck_gateway_calls_total',
      help: 'Bedrock calls made by the gateway (invoke, playground, experiments), by model id and outcome (ok, throttled, error, aborted, ...).',
      labelNames: ['model', 'outcome'],
      registers,
    }),
    gatewayDuration: new client.Histogram({
      name: 'promptdeck_gateway_call_duration_seconds',
      help: 'Duration of gateway calls to Bedrock, including the SDK retries, by model id.',
      labelNames: ['model'],
      buckets: [0.1, 0.25, 0.5, 1, 2, 5, 10, 20, 30, 60, 120],
      registers,
    }),
    throttles: new client.Counter({
      name: 'promptdeck_throttles_total',
      help: 'Throttling: `bedrock` = Bedrock still throttled a gateway call after the SDK retries; `api` = this instance answered 429 (sign-in limiter, upstream throttling passed on).',
      labelNames: ['source'],
      registers,
    }),
    servingCache: new client.Counter({
      name: 'promptdeck_serving_cache_lookups_total',
      help: 'Serving cache lookups (GET /api/v1/prompts/{name} and the gateway), by result (hit, miss). Hit rate = hit / (hit + miss).',
      labelNames: ['result'],
      registers,
    }),
    jobDepth: new client.Gauge({
      name: 'promptdeck_job_queue_jobs',
      help: 'Jobs in the background queue (pg-boss), by queue and state (queued, retry, active, failed, completed), read at scrape time.',
      labelNames: ['queue', 'state'],
      registers,
      async collect() {
        this.reset();
        let q;
        try {
          q = await (await import('../jobs')).jobQueue();
        } catch {
          return; // not running in this process
        }
        const depth = await q.depth().catch(() => null);
        for (const [queue, d] of Object.entries(depth ?? {})) for (const [state, n] of Object.entries(d)) this.set({ queue, state }, n);
      },
    }),
  };
}

export function metrics(): Metrics {
  return (g.__promptdeckMetrics ??= create());
}

/**
 * The route template of an API request: path segments equal to a route parameter become
 * `{param}` (Next hands parameters over decoded), so metrics never carry one series per prompt.
 */
export function routeTemplate(pathname: string, params: Record<string, string | string[] | undefined> | undefined): string {
  const values = new Map<string, string>();
  for (const [k, v] of Object.entries(params ?? {})) for (const s of Array.isArray(v) ? v : v === undefined ? [] : [v]) if (!values.has(s)) values.set(s, k);
  if (values.size === 0) return pathname;
  return pathname
    .split('/')
    .map((seg) => {
      let decoded = seg;
      try {
        decoded = decodeURIComponent(seg);
      } catch {
        // keep as is
      }
      const k = values.get(decoded);
      return k === undefined ? seg : `{${k}}`;
    })
    .join('/');
}

export function observeHttp(method: string, route: string, status: number, seconds: number): void {
  const m = metrics();
  m.httpRequests.inc({ method, route, status: String(status) });
  m.httpDuration.observe({ method, route }, seconds);
  if (status === 429) m.throttles.inc({ source: 'api' });
}

/** Pre-resolved children for the serving fast path (no label hashing per request). */
const SERVE_ROUTE = '/api/v1/prompts/{name}';
const fast = new Map<string, { count: ReturnType<Metrics['httpRequests']['labels']>; duration: ReturnType<Metrics['httpDuration']['labels']> }>();
export function observeServe(method: string, status: number, seconds: number): void {
  const key = `${method} ${status}`;
  let c = fast.get(key);
  if (!c) {
    const m = metrics();
    c = { count: m.httpRequests.labels(method, SERVE_ROUTE, String(status)), duration: m.httpDuration.labels(method, SERVE_ROUTE) };
    fast.set(key, c);
  }
  c.count.inc();
  c.duration.observe(seconds);
  if (status === 429) metrics().throttles.inc({ source: 'api' });
}

let hit: ReturnType<Metrics['servingCache']['labels']> | undefined;
let miss: ReturnType<Metrics['servingCache']['labels']> | undefined;
export function countCacheLookup(isHit: boolean): void {
  if (isHit) (hit ??= metrics().servingCache.labels('hit')).inc();
  else (miss ??= metrics().servingCache.labels('miss')).inc();
}

export function countGatewayCall(model: string, outcome: string, seconds: number): void {
  const m = metrics();
  m.gatewayCalls.inc({ model, outcome });
  m.gatewayDuration.observe({ model }, seconds);
  if (outcome === 'throttled') m.throttles.inc({ source: 'bedrock' });
}

export const METRICS_CONTENT_TYPE = client.Registry.PROMETHEUS_CONTENT_TYPE;

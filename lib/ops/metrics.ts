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

/** Latency buckets (seconds) of the HTTP histogram. */
const BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

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
      collect() {
        flushHot(metrics());
      },
    }),
    httpDuration: new client.Histogram({
      name: 'promptdeck_http_request_duration_seconds',
      help: 'Time until the response headers were ready (a stream counts until it started), by method and route template.',
      labelNames: ['method', 'route'],
      buckets: BUCKETS,
      registers,
      collect() {
        flushHot(metrics());
      },
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
      collect() {
        flushHot(metrics());
      },
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

/**
 * The serving hot path records into plain numbers (no label validation or hashing per request,
 * which prom-client does even on children); they are folded into the registry's series when
 * Prometheus scrapes (the collect hooks below).
 */
const SERVE_ROUTE = '/api/v1/prompts/{name}';
interface Pending {
  method: string;
  status: number;
  count: number;
  sum: number;
  /** Per bucket of BUCKETS (not cumulative); slower than the last bound counts in count/sum only. */
  buckets: number[];
}
const hot = (globalThis as unknown as { __promptdeckHotMetrics?: { series: Map<number, Pending>; hits: number; misses: number } }).__promptdeckHotMetrics ??= {
  series: new Map(),
  hits: 0,
  misses: 0,
};

export function observeServe(method: string, status: number, seconds: number): void {
  const key = method === 'HEAD' ? -status : status;
  let p = hot.series.get(key);
  if (!p) hot.series.set(key, (p = { method, status, count: 0, sum: 0, buckets: BUCKETS.map(() => 0) }));
  p.count++;
  p.sum += seconds;
  for (let i = 0; i < BUCKETS.length; i++) {
    if (seconds <= BUCKETS[i]!) {
      p.buckets[i]!++;
      break;
    }
  }
}

export function countCacheLookup(isHit: boolean): void {
  if (isHit) hot.hits++;
  else hot.misses++;
}

type HistogramEntry = { labels: Record<string, string>; bucketValues: Record<number, number>; sum: number; count: number };

/** Folds the hot path's numbers into the registry (prom-client 15's histogram entries). */
function flushHot(m: Metrics): void {
  if (hot.hits) m.servingCache.inc({ result: 'hit' }, hot.hits);
  if (hot.misses) m.servingCache.inc({ result: 'miss' }, hot.misses);
  hot.hits = 0;
  hot.misses = 0;
  const map = (m.httpDuration as unknown as { hashMap: Record<string, HistogramEntry> }).hashMap;
  for (const p of hot.series.values()) {
    if (!p.count) continue;
    const status = String(p.status);
    m.httpRequests.inc({ method: p.method, route: SERVE_ROUTE, status }, p.count);
    if (p.status === 429) m.throttles.inc({ source: 'api' }, p.count);
    const find = () => Object.values(map).find((e) => e.labels.method === p.method && e.labels.route === SERVE_ROUTE);
    let entry = find();
    if (!entry) {
      m.httpDuration.zero({ method: p.method, route: SERVE_ROUTE });
      entry = find()!;
    }
    entry.count += p.count;
    entry.sum += p.sum;
    for (let i = 0; i < BUCKETS.length; i++) entry.bucketValues[BUCKETS[i]!] = (entry.bucketValues[BUCKETS[i]!] ?? 0) + p.buckets[i]!;
    p.count = 0;
    p.sum = 0;
    p.buckets.fill(0);
  }
}

export function countGatewayCall(model: string, outcome: string, seconds: number): void {
  const m = metrics();
  m.gatewayCalls.inc({ model, outcome });
  m.gatewayDuration.observe({ model }, seconds);
  if (outcome === 'throttled') m.throttles.inc({ source: 'bedrock' });
}

export const METRICS_CONTENT_TYPE = client.Registry.PROMETHEUS_CONTENT_TYPE;

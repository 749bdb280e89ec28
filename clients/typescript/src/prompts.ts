import { PromptCache, deepFreeze, type CacheEntry } from './cache.js';
import { PromptdeckError } from './errors.js';
import { report, type ErrorHook } from './events.js';
import { errorOf, send, seg, type Transport } from './http.js';
import { extractVariables } from './template.js';
import type { Params, Template, Version } from './types.js';

export interface FallbackPrompt {
  template: Template;
  modelId: string;
  params?: Params;
  /** Reported as the version (default 0: not a catalog version). */
  version?: number;
}

export interface GetPromptOptions {
  /** Default `production` (when no version is given). */
  label?: string;
  version?: number;
  /**
   * Canary stickiness: the same key is always served the same side of a running canary. Sent as
   * `?stickyKey=`; each key has its own cache entry.
   */
  stickyKey?: string;
  /** Served when the server is unavailable and nothing was cached. Never after a 404. */
  fallback?: FallbackPrompt;
  /** `revalidate`: ask the server even if the cached copy is fresh (a 304 when unchanged). */
  cache?: 'default' | 'revalidate';
  signal?: AbortSignal;
}

export interface ServedPrompt extends Version {
  /** Whether the server served a canary version: true/false when it said, null when it did not. */
  canary: boolean | null;
  /**
   * `cache`: a fresh copy, no request; `revalidated`: the server answered 304; `fetched`: 200;
   * `stale`: the server was unavailable, this is the last good copy; `fallback`: the
   * application's fallback.
   */
  source: 'cache' | 'revalidated' | 'fetched' | 'stale' | 'fallback';
  /** True for `stale` and `fallback`: not confirmed by the server just now. */
  stale: boolean;
  /** The serving epoch of the answer this copy came from (null: unknown). */
  epoch: number | null;
}

const EPOCH_HEADER = 'x-promptdeck-epoch';
const CANARY_HEADER = 'x-promptdeck-canary';

function epochOf(res: Response): number | null {
  const v = res.headers.get(EPOCH_HEADER);
  return v !== null && /^\d{1,15}$/.test(v) ? Number(v) : null;
}

function canaryOf(body: unknown, res: Response): boolean | null {
  const field = (body as { canary?: unknown }).canary;
  if (typeof field === 'boolean') return field;
  const h = res.headers.get(CANARY_HEADER);
  return h === 'true' ? true : h === 'false' ? false : null;
}

const served = (e: CacheEntry, source: ServedPrompt['source']): ServedPrompt => ({
  ...e.version,
  canary: e.canary,
  source,
  stale: source === 'stale',
  epoch: e.epoch,
});

function abortable<T>(p: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return p;
  if (signal.aborted) return Promise.reject(new PromptdeckError(null, 'aborted', 'The call was aborted.'));
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(new PromptdeckError(null, 'aborted', 'The call was aborted.'));
    signal.addEventListener('abort', onAbort, { once: true });
    p.then(
      (v) => (signal.removeEventListener('abort', onAbort), resolve(v)),
      (e: unknown) => (signal.removeEventListener('abort', onAbort), reject(e)),
    );
  });
}

/** Getting prompts: the cache, revalidation, stale-if-error and fallbacks. */
export class PromptGetter {
  private readonly inflight = new Map<string, Promise<{ entry: CacheEntry; source: 'revalidated' | 'fetched' }>>();

  constructor(
    private readonly t: Transport,
    readonly cache: PromptCache,
    private readonly onError: ErrorHook,
    private readonly maxStaleMs: number,
  ) {}

  async get(name: string, o: GetPromptOptions = {}): Promise<ServedPrompt> {
    if (typeof name !== 'string' || name.length === 0) throw new TypeError('getPrompt: a prompt name is required');
    if (o.label !== undefined && o.version !== undefined) throw new TypeError('getPrompt: give either label or version, not both');
    if (o.version !== undefined && !(Number.isInteger(o.version) && o.version >= 1)) throw new TypeError('getPrompt: version is a positive integer');
    const label = o.version === undefined ? (o.label ?? 'production') : null;
    const key = JSON.stringify([name, label, o.version ?? null, o.stickyKey ?? null]);
    const cached = this.cache.get(key);
    if (cached && o.cache !== 'revalidate' && this.cache.isFresh(cached)) return served(cached, 'cache');
    try {
      let flight = this.inflight.get(key);
      if (!flight) {
        flight = this.revalidate(key, name, o).finally(() => this.inflight.delete(key));
        this.inflight.set(key, flight);
      }
      const r = await abortable(flight, o.signal);
      return served(r.entry, r.source);
    } catch (err) {
      if (!(err instanceof PromptdeckError) || !err.unavailable) throw err;
      const last = this.cache.get(key);
      const where = { prompt: name, label, version: o.version ?? null };
      if (last && this.cache.ageMs(last) <= this.maxStaleMs) {
        report(this.onError, { type: 'stale', ...where, ageMs: Math.round(this.cache.ageMs(last)), error: err });
        return served(last, 'stale');
      }
      if (o.fallback) {
        report(this.onError, { type: 'fallback', ...where, error: err });
        return this.fallback(name, o.fallback);
      }
      throw err;
    }
  }

  /** One request for a key (concurrent gets share it). Throws a PromptdeckError. */
  private async revalidate(key: string, name: string, o: GetPromptOptions): Promise<{ entry: CacheEntry; source: 'revalidated' | 'fetched' }> {
    const path = `/api/v1/prompts/${seg(name)}`;
    const query = { label: o.label, version: o.version, stickyKey: o.stickyKey };
    const known = this.cache.get(key);
    const { res, release, timedOut } = await send(this.t, 'GET', path, { query, headers: known?.etag ? { 'if-none-match': known.etag } : {} });
    try {
      const epoch = epochOf(res);
      this.cache.observe(epoch);
      if (res.status === 304 && known) {
        const entry = this.cache.set(key, { ...known, etag: res.headers.get('etag') ?? known.etag, epoch });
        return { entry, source: 'revalidated' };
      }
      if (res.ok) {
        let body: Version;
        try {
          body = (await res.json()) as Version;
        } catch (err) {
          const code = timedOut() ? 'timeout' : 'bad_response';
          throw new PromptdeckError(code === 'timeout' ? null : res.status, code, `GET ${path}: the answer could not be read.`, undefined, { cause: err });
        }
        if (!body || typeof body !== 'object' || typeof body.version !== 'number' || !body.template) throw new PromptdeckError(res.status, 'bad_response', `GET ${path}: the answer is not a prompt version.`);
        const entry = this.cache.set(key, { version: deepFreeze(body), etag: res.headers.get('etag'), epoch, canary: canaryOf(body, res) });
        return { entry, source: 'fetched' };
      }
      // The prompt, label or version is gone: never serve a copy of it again.
      if (res.status === 404) this.cache.delete(key);
      throw await errorOf(res, `GET ${path}`);
    } finally {
      release();
    }
  }

  private fallback(name: string, f: FallbackPrompt): ServedPrompt {
    return {
      name,
      version: f.version ?? 0,
      template: f.template,
      variables: extractVariables(f.template),
      modelId: f.modelId,
      params: f.params ?? {},
      guardrail: null,
      tools: [],
      toolChoice: null,
      outputSchema: null,
      cachePoints: [],
      fallbacks: [],
      commitMessage: 'fallback given by the application',
      labels: [],
      createdAt: new Date(0).toISOString(),
      createdBy: 'application',
      createdByRef: null,
      bedrock: null,
      canary: null,
      source: 'fallback',
      stale: true,
      epoch: null,
    };
  }
}

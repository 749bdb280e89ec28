import { PromptdeckError } from './errors.js';

/** How the client reaches the server. */
export interface Transport {
  baseUrl: string;
  apiKey: string | undefined;
  fetch: typeof fetch;
  timeoutMs: number;
  userAgent: string;
}

export interface SendOptions {
  query?: Record<string, string | number | undefined>;
  body?: unknown;
  headers?: Record<string, string>;
  signal?: AbortSignal;
  /** Overrides the transport's timeout; covers the request until its whole body was read (see `read`). */
  timeoutMs?: number;
}

export interface Sent {
  res: Response;
  /** Stops the timeout (a stream that started may take as long as it takes). */
  settle(): void;
  /** Stops the timeout and stops listening to the caller's signal (call when done with the answer). */
  release(): void;
  /** Aborts the request (a stream the caller stopped reading). */
  abort(): void;
  /** Whether the timeout fired (a body that broke off because of it). */
  timedOut(): boolean;
}

export function urlOf(baseUrl: string, path: string, query?: SendOptions['query']): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(query ?? {})) if (v !== undefined) q.set(k, String(v));
  const s = q.toString();
  return `${baseUrl.replace(/\/+$/, '')}${path}${s ? `?${s}` : ''}`;
}

/** One request. Resolves with any HTTP answer; rejects with a PromptdeckError when none came. */
export async function send(t: Transport, method: string, path: string, o: SendOptions = {}): Promise<Sent> {
  const controller = new AbortController();
  const timeoutMs = o.timeoutMs ?? t.timeoutMs;
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, timeoutMs);
  const onAbort = () => controller.abort();
  o.signal?.addEventListener('abort', onAbort, { once: true });
  const settle = () => clearTimeout(timer);
  const release = () => {
    clearTimeout(timer);
    o.signal?.removeEventListener('abort', onAbort);
  };
  if (o.signal?.aborted) controller.abort();
  const headers: Record<string, string> = { accept: 'application/json', 'user-agent': t.userAgent, ...o.headers };
  if (t.apiKey) headers.authorization = `Bearer ${t.apiKey}`;
  if (o.body !== undefined) headers['content-type'] = 'application/json';
  try {
    const res = await t.fetch(urlOf(t.baseUrl, path, o.query), {
      method,
      headers,
      body: o.body === undefined ? undefined : JSON.stringify(o.body),
      signal: controller.signal,
    });
    return { res, settle, release, abort: () => controller.abort(), timedOut: () => timedOut };
  } catch (err) {
    release();
    throw noAnswer(err, { timedOut, aborted: o.signal?.aborted ?? false, timeoutMs, method, path });
  }
}

function noAnswer(err: unknown, c: { timedOut: boolean; aborted: boolean; timeoutMs: number; method: string; path: string }): PromptdeckError {
  if (c.aborted) return new PromptdeckError(null, 'aborted', `${c.method} ${c.path} was aborted.`, undefined, { cause: err });
  if (c.timedOut) return new PromptdeckError(null, 'timeout', `${c.method} ${c.path}: no answer within ${c.timeoutMs} ms.`, undefined, { cause: err });
  const cause = err as { cause?: { code?: string; message?: string }; message?: string };
  const why = cause.cause?.code ?? cause.cause?.message ?? cause.message ?? String(err);
  return new PromptdeckError(null, 'network_error', `${c.method} ${c.path}: could not reach Promptdeck (${why}).`, undefined, { cause: err });
}

/** The error an answer that is not 2xx describes (`{"error": {code, message, details}}`). */
export async function errorOf(res: Response, what: string): Promise<PromptdeckError> {
  let text = '';
  try {
    text = await res.text();
  } catch {
    // the body could not be read: the status still says what happened
  }
  try {
    const body = JSON.parse(text) as { error?: { code?: unknown; message?: unknown; details?: unknown } };
    if (body.error && typeof body.error.code === 'string') {
      return new PromptdeckError(res.status, body.error.code, `${what}: ${typeof body.error.message === 'string' ? body.error.message : body.error.code}`, body.error.details);
    }
  } catch {
    // not JSON (a proxy's error page): described by the status
  }
  return new PromptdeckError(res.status, `http_${res.status}`, `${what}: HTTP ${res.status}${text ? ` ${text.slice(0, 200)}` : ''}`);
}

/** A request whose 2xx answer is JSON. */
export async function requestJson<T>(t: Transport, method: string, path: string, o: SendOptions = {}): Promise<T> {
  const sent = await send(t, method, path, o);
  const { res, release } = sent;
  try {
    if (!res.ok) throw await errorOf(res, `${method} ${path}`);
    try {
      return (await res.json()) as T;
    } catch (err) {
      throw new PromptdeckError(res.status, 'bad_response', `${method} ${path}: the answer is not JSON.`, undefined, { cause: err });
    }
  } catch (err) {
    if (err instanceof PromptdeckError) throw err;
    const code = o.signal?.aborted ? 'aborted' : sent.timedOut() ? 'timeout' : 'network_error';
    throw new PromptdeckError(null, code, `${method} ${path}: the answer broke off (${code}).`, undefined, { cause: err });
  } finally {
    release();
  }
}

/** Path segment: names are percent-encoded. */
export const seg = (s: string | number) => encodeURIComponent(String(s));

import { PromptdeckError } from './errors.js';
import { errorOf, requestJson, send, seg, type Transport } from './http.js';
import { readSse } from './sse.js';
import type { InvocationMetadata, InvokeBody, InvokeResult } from './types.js';

export interface InvokeOptions {
  label?: string;
  version?: number;
  variables?: Record<string, unknown>;
  metadata?: InvocationMetadata;
  /**
   * Canary stickiness: sent as `metadata.userRef` unless the metadata already names a userRef
   * or sessionId (the server keys canary stickiness on those).
   */
  stickyKey?: string;
  signal?: AbortSignal;
  /** Default: the client's invokeTimeoutMs (time to the answer; for a stream, to its first byte). */
  timeoutMs?: number;
}

/** An invoke answer; `canary` when the server says whether it ran a canary version. */
export type Invocation = InvokeResult & { canary?: boolean };

export type InvokeStreamEvent = { type: 'delta'; text: string } | { type: 'done'; result: Invocation };

function bodyOf(o: InvokeOptions, stream: boolean): InvokeBody {
  if (o.label !== undefined && o.version !== undefined) throw new TypeError('invoke: give either label or version, not both');
  const metadata = { ...o.metadata };
  if (o.stickyKey !== undefined && metadata.userRef === undefined && metadata.sessionId === undefined) metadata.userRef = o.stickyKey;
  return {
    ...(o.label !== undefined ? { label: o.label } : {}),
    ...(o.version !== undefined ? { version: o.version } : {}),
    variables: o.variables ?? {},
    ...(stream ? { stream: true } : {}),
    ...(Object.keys(metadata).length ? { metadata } : {}),
  };
}

export function invoke(t: Transport, timeoutMs: number, name: string, o: InvokeOptions = {}): Promise<Invocation> {
  return requestJson<Invocation>(t, 'POST', `/api/v1/prompts/${seg(name)}/invoke`, { body: bodyOf(o, false), signal: o.signal, timeoutMs: o.timeoutMs ?? timeoutMs });
}

/**
 * Invoke with streaming: yields `delta` events as the model writes, then one `done` event with
 * the same object as the JSON answer. An error the server reports mid-stream (an `error` event)
 * is thrown as a PromptdeckError, as is a stream that ends without `done`. Stopping the loop
 * early (break) or aborting the signal cancels the request.
 */
export async function* invokeStream(t: Transport, timeoutMs: number, name: string, o: InvokeOptions = {}): AsyncGenerator<InvokeStreamEvent> {
  const path = `/api/v1/prompts/${seg(name)}/invoke`;
  const sent = await send(t, 'POST', path, { body: bodyOf(o, true), signal: o.signal, timeoutMs: o.timeoutMs ?? timeoutMs, headers: { accept: 'text/event-stream' } });
  const { res } = sent;
  let finished = false;
  try {
    if (!res.ok) throw await errorOf(res, `POST ${path}`);
    if (!(res.headers.get('content-type') ?? '').startsWith('text/event-stream') || !res.body) {
      throw new PromptdeckError(res.status, 'bad_response', `POST ${path}: expected text/event-stream, got ${res.headers.get('content-type') ?? 'no content type'}.`);
    }
    sent.settle(); // the timeout covered the wait for the answer; the stream may take as long as the model writes
    try {
      for await (const ev of readSse(res.body)) {
        if (ev.event === 'delta') yield { type: 'delta', text: (JSON.parse(ev.data) as { text: string }).text };
        else if (ev.event === 'done') {
          finished = true;
          yield { type: 'done', result: JSON.parse(ev.data) as Invocation };
          return;
        } else if (ev.event === 'error') {
          const e = (JSON.parse(ev.data) as { error?: { code?: string; message?: string; details?: unknown } }).error ?? {};
          throw new PromptdeckError(res.status, e.code ?? 'upstream_error', `POST ${path}: ${e.message ?? 'the stream failed'}`, e.details);
        }
      }
    } catch (err) {
      if (err instanceof PromptdeckError) throw err;
      if (err instanceof SyntaxError) throw new PromptdeckError(res.status, 'bad_response', `POST ${path}: an event is not JSON.`, undefined, { cause: err });
      const code = o.signal?.aborted ? 'aborted' : 'network_error';
      throw new PromptdeckError(null, code, `POST ${path}: the stream broke off (${code}).`, undefined, { cause: err });
    }
    throw new PromptdeckError(res.status, 'incomplete_stream', `POST ${path}: the stream ended without a done event.`);
  } finally {
    sent.release();
    if (!finished) sent.abort();
  }
}

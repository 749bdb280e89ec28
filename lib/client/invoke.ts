/**
 * Browser side of the gateway: `POST /api/v1/prompts/{name}/invoke` with `stream: true`, read as
 * server-sent events (`delta` {text} … then `done` with the full answer, or `error`).
 */
import type { z } from 'zod';
import { InvokeResultSchema, type InvokeResult } from '@/lib/invocations/responses';
import type { InvokeSchema } from '@/lib/invocations/schemas';
import { ApiError } from './api';

export type { InvokeResult };

/** The body of `POST /api/v1/prompts/{name}/invoke` (the contract's input schema), without `stream`. */
export type InvokeBody = Omit<z.input<typeof InvokeSchema>, 'stream'>;

export interface SseEvent {
  event: string;
  data: string;
}

/** Splits a growing SSE text buffer into complete events; returns them and the unfinished rest. */
export function parseSse(buffer: string): { events: SseEvent[]; rest: string } {
  const events: SseEvent[] = [];
  const blocks = buffer.split(/\r?\n\r?\n/);
  const rest = blocks.pop() ?? '';
  for (const block of blocks) {
    let event = 'message';
    const data: string[] = [];
    for (const line of block.split(/\r?\n/)) {
      if (line.startsWith(':')) continue;
      const i = line.indexOf(':');
      const field = i < 0 ? line : line.slice(0, i);
      const value = i < 0 ? '' : line.slice(i + 1).replace(/^ /, '');
      if (field === 'event') event = value;
      else if (field === 'data') data.push(value);
    }
    if (data.length > 0) events.push({ event, data: data.join('\n') });
  }
  return { events, rest };
}

const STATUS_BY_CODE: Record<string, number> = { throttled: 429, upstream_error: 502 };

function toApiError(status: number, payload: unknown): ApiError {
  const err = (payload as { error?: { code?: string; message?: string; details?: unknown } } | undefined)?.error;
  const code = err?.code ?? 'http_error';
  return new ApiError(status || STATUS_BY_CODE[code] || 500, code, err?.message ?? `Request failed (${status}).`, err?.details);
}

const parse = (s: string): unknown => {
  try {
    return JSON.parse(s) as unknown;
  } catch {
    return undefined;
  }
};

/**
 * Runs a prompt and streams the answer: `onDelta` gets each piece of text as it arrives. Resolves
 * with the final answer; rejects with ApiError (400/404/429/502, also for a mid-stream failure)
 * or with the AbortError of `signal`.
 */
export async function streamInvoke(prompt: string, body: InvokeBody, opts: { signal?: AbortSignal; onDelta: (text: string) => void; source?: 'playground' }): Promise<InvokeResult> {
  const qs = opts.source ? `?source=${opts.source}` : '';
  let res: Response;
  try {
    res = await fetch(`/api/v1/prompts/${encodeURIComponent(prompt)}/invoke${qs}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'text/event-stream' },
      body: JSON.stringify({ ...body, stream: true }),
      credentials: 'same-origin',
      signal: opts.signal,
    });
  } catch (e) {
    if (e instanceof DOMException && e.name === 'AbortError') throw e;
    throw new ApiError(0, 'network_error', 'Could not reach Promptdeck. Check your connection and try again.');
  }
  if (!res.ok || !res.body) throw toApiError(res.status, parse(await res.text()));

  const reader = res.body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  let done: InvokeResult | null = null;
  for (;;) {
    const chunk = await reader.read();
    if (chunk.done) break;
    buffer += decoder.decode(chunk.value, { stream: true });
    const { events, rest } = parseSse(buffer);
    buffer = rest;
    for (const ev of events) {
      const data = parse(ev.data);
      if (ev.event === 'delta') {
        const text = (data as { text?: unknown } | undefined)?.text;
        if (typeof text === 'string') opts.onDelta(text);
      } else if (ev.event === 'done') {
        // The same contract as the JSON answer: checked, not cast.
        const parsed = InvokeResultSchema.safeParse(data);
        if (!parsed.success) throw new ApiError(502, 'invalid_response', 'The server sent a final answer this page does not understand. Reload and try again.');
        done = parsed.data;
      } else if (ev.event === 'error') {
        throw toApiError(0, data);
      }
    }
  }
  if (!done) throw new ApiError(502, 'stream_incomplete', 'The stream ended before the model finished. Try again.');
  return done;
}

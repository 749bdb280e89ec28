import { PromptCache, type CacheOptions } from './cache.js';
import { converseInput, type ConverseInput, type ConverseOptions, type ConversePrompt } from './converse.js';
import { defaultErrorHook, type ErrorHook } from './events.js';
import { requestJson, seg, type Transport } from './http.js';
import { Ingester, type IngestionOptions, type IngestionStats } from './ingest.js';
import { invoke, invokeStream, type Invocation, type InvokeOptions, type InvokeStreamEvent } from './invoke.js';
import { PromptGetter, type GetPromptOptions, type ServedPrompt } from './prompts.js';
import { renderTemplate, type Rendered } from './template.js';
import type { Feedback, FeedbackBody, InvocationRecord, Template } from './types.js';

export const VERSION = '0.1.0';

export interface PromptdeckOptions {
  /** The server, e.g. https://promptdeck.example.com (default: PROMPTDECK_URL). */
  url?: string;
  /** An API key (default: PROMPTDECK_API_KEY). */
  apiKey?: string;
  /** Per-request timeout (default 10,000 ms). */
  timeoutMs?: number;
  /** Timeout of invoke, to the answer or a stream's first byte (default 150,000 ms). */
  invokeTimeoutMs?: number;
  /** The prompt cache (ttlMs default 5000, maxEntries default 1000); false: always revalidate. */
  cache?: CacheOptions | false;
  /** How old a last good copy may be to be served when the server is unavailable (default: no limit). */
  maxStaleMs?: number;
  ingestion?: IngestionOptions;
  /** Told when the client carries on despite a failure (stale copy, fallback, ingestion retry or drop). Default: console.warn. */
  onError?: ErrorHook;
  /** Default: globalThis.fetch. */
  fetch?: typeof fetch;
}

/**
 * A Promptdeck client for applications: prompts (epoch-safe cache, ETag revalidation,
 * stale-if-error, fallbacks, canary stickiness), local rendering with the server's rules,
 * invoke (JSON and streaming), batched background ingestion and feedback.
 */
export class Promptdeck {
  readonly cache: PromptCache;
  private readonly t: Transport;
  private readonly prompts: PromptGetter;
  private readonly invokeTimeoutMs: number;
  private readonly onError: ErrorHook;
  private readonly ingester: Ingester;

  constructor(o: PromptdeckOptions = {}) {
    const url = o.url ?? process.env.PROMPTDECK_URL;
    if (!url) throw new TypeError('Promptdeck: give `url` or set PROMPTDECK_URL');
    if (!/^https?:\/\//.test(url)) throw new TypeError(`Promptdeck: url must start with http:// or https:// (got ${url})`);
    const f = o.fetch ?? globalThis.fetch;
    this.t = { baseUrl: url, apiKey: o.apiKey ?? process.env.PROMPTDECK_API_KEY, fetch: f.bind(globalThis), timeoutMs: o.timeoutMs ?? 10_000, userAgent: `promptdeck-client-ts/${VERSION}` };
    this.onError = o.onError ?? defaultErrorHook;
    this.cache = new PromptCache(o.cache === false ? { ttlMs: 0 } : o.cache);
    this.prompts = new PromptGetter(this.t, this.cache, this.onError, o.maxStaleMs ?? Number.POSITIVE_INFINITY);
    this.invokeTimeoutMs = o.invokeTimeoutMs ?? 150_000;
    this.ingester = new Ingester(this.t, this.onError, o.ingestion);
  }

  /** The version a label (default production) or number points at, through the cache. */
  getPrompt(name: string, o?: GetPromptOptions): Promise<ServedPrompt> {
    return this.prompts.get(name, o);
  }

  /** Renders a prompt locally, exactly as the server would (throws TemplateError). */
  render(prompt: { template: Template }, variables: Record<string, unknown> = {}): Rendered {
    return renderTemplate(prompt.template, variables);
  }

  /**
   * The Bedrock Converse request for a prompt and variables, as Promptdeck's gateway builds it
   * (tools, tool choice and cache points included); `{ modelId }` for one of its fallbacks.
   */
  converseInput(prompt: ServedPrompt | (ConversePrompt & { template: Template }), variables: Record<string, unknown> = {}, options?: ConverseOptions): ConverseInput {
    return converseInput(prompt, renderTemplate(prompt.template, variables), options);
  }

  /** Runs a prompt on Bedrock through Promptdeck (logged there). */
  invoke(name: string, o?: InvokeOptions): Promise<Invocation> {
    return invoke(this.t, this.invokeTimeoutMs, name, o);
  }

  /** Same, streaming: `delta` events, then `done` with the result. */
  invokeStream(name: string, o?: InvokeOptions): AsyncGenerator<InvokeStreamEvent> {
    return invokeStream(this.t, this.invokeTimeoutMs, name, o);
  }

  /** Thumbs up (1) or down (-1) on an invocation; the same userRef voting again replaces its vote. */
  feedback(invocationId: string, body: FeedbackBody, o: { signal?: AbortSignal } = {}): Promise<Feedback> {
    return requestJson<Feedback>(this.t, 'POST', `/api/v1/invocations/${seg(invocationId)}/feedback`, { body, signal: o.signal });
  }

  /** Queues a record of a call the application made to Bedrock itself (sent in the background). */
  log(record: InvocationRecord): void {
    this.ingester.log(record);
  }

  /** Sends every queued record now and waits for the answers. */
  async flush(): Promise<void> {
    await this.ingester.flush();
  }

  /** Flushes (for at most `timeoutMs`, default 10 s) and stops the background sender. */
  async shutdown(o: { timeoutMs?: number } = {}): Promise<void> {
    await this.ingester.shutdown(o.timeoutMs);
  }

  get ingestionStats(): IngestionStats {
    return this.ingester.statistics;
  }
}

import { PromptdeckError } from './errors.js';
import { report, type ErrorHook } from './events.js';
import { errorOf, send, type Transport } from './http.js';
import type { InvocationRecord } from './types.js';

/**
 * Batched background ingestion of invocation records (POST /api/v1/invocations).
 *
 * - `log()` only appends to an in-memory queue; batches of up to `batchSize` (max 1000, the
 *   server's limit) are sent when the queue holds a full batch and every `flushIntervalMs`.
 *   One batch is in flight at a time, so records arrive in the order they were logged.
 * - Memory is bounded: at most `maxQueue` records wait (plus the batch in flight). When the queue
 *   is full, the OLDEST waiting records are dropped to make room (reported as `queue_full`):
 *   during a long outage the most recent calls are the ones kept.
 * - 429, 5xx, timeouts and network errors are retried with exponential backoff and jitter
 *   (honouring Retry-After), up to `maxRetries` times, then the batch is dropped
 *   (`retries_exhausted`). A batch the server refuses as too large (413) is split in two. A 400
 *   names the bad records: they are dropped (`rejected`) and the rest is sent again. 401/403
 *   drop the batch (`rejected`): retrying cannot help.
 * - Delivery is at least once: a batch whose answer was lost (timeout) is sent again and may
 *   be stored twice.
 * - `flush()` sends everything queued so far; `shutdown()` flushes (bounded by a timeout) and
 *   stops. Unless `flushOnExit` is false, the queue is also flushed when the process's event
 *   loop empties (`beforeExit`); records still queued at `process.exit()` are reported dropped.
 */
export interface IngestionOptions {
  /** Records per request (1-1000, default 500). */
  batchSize?: number;
  /** How often a partial batch is sent (default 1000 ms). */
  flushIntervalMs?: number;
  /** Records that may wait in memory (default 10,000); beyond, the oldest are dropped. */
  maxQueue?: number;
  /** Retries of a failed batch (default 6: about 30 s of backoff). */
  maxRetries?: number;
  /** First backoff (default 500 ms), doubled each retry up to retryMaxMs (default 30 s). */
  retryBaseMs?: number;
  retryMaxMs?: number;
  /** Flush on `beforeExit` (default true). */
  flushOnExit?: boolean;
}

export interface IngestionStats {
  /** Records waiting to be sent (not counting the batch in flight). */
  queued: number;
  /** Records the server acknowledged (202). */
  sent: number;
  /** Records dropped (queue full, rejected, retries exhausted, shutdown). */
  dropped: number;
  /** Retries made. */
  retries: number;
}

const MAX_BATCH = 1000;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export class Ingester {
  private queue: InvocationRecord[] = [];
  private draining: Promise<void> | null = null;
  private drainAll = false;
  private timer: NodeJS.Timeout | null = null;
  private closed = false;
  private pendingDrops = 0;
  private readonly stats: Omit<IngestionStats, 'queued'> = { sent: 0, dropped: 0, retries: 0 };
  private readonly o: Required<IngestionOptions>;
  private readonly onBeforeExit = () => {
    if (this.queue.length > 0 && !this.draining) void this.flush();
  };
  private readonly onExit = () => {
    const left = this.queue.length;
    if (left > 0) this.drop(left, 'shutdown');
  };

  constructor(
    private readonly t: Transport,
    private readonly onError: ErrorHook,
    o: IngestionOptions = {},
  ) {
    this.o = {
      batchSize: o.batchSize ?? 500,
      flushIntervalMs: o.flushIntervalMs ?? 1_000,
      maxQueue: o.maxQueue ?? 10_000,
      maxRetries: o.maxRetries ?? 6,
      retryBaseMs: o.retryBaseMs ?? 500,
      retryMaxMs: o.retryMaxMs ?? 30_000,
      flushOnExit: o.flushOnExit ?? true,
    };
    if (!(Number.isInteger(this.o.batchSize) && this.o.batchSize >= 1 && this.o.batchSize <= MAX_BATCH)) throw new TypeError(`ingestion.batchSize is 1 to ${MAX_BATCH}`);
    if (!(this.o.maxQueue >= this.o.batchSize)) throw new TypeError('ingestion.maxQueue must be at least batchSize');
  }

  get statistics(): IngestionStats {
    return { queued: this.queue.length, ...this.stats };
  }

  /** Queues one record (`startedAt` defaults to now). Never throws for a server problem. */
  log(record: InvocationRecord): void {
    if (this.closed) {
      this.drop(1, 'shutdown');
      return;
    }
    this.queue.push(record.startedAt ? record : { ...record, startedAt: new Date().toISOString() });
    if (this.queue.length > this.o.maxQueue) {
      const over = this.queue.length - this.o.maxQueue;
      this.queue.splice(0, over);
      this.pendingDrops += over;
    }
    this.start();
    if (this.queue.length >= this.o.batchSize) this.kick(false);
  }

  /** Sends everything queued so far (and waits for it, retries included). */
  async flush(): Promise<void> {
    while (this.queue.length > 0 || this.draining) {
      this.kick(true);
      await this.draining;
    }
    this.reportQueueDrops();
  }

  /** Flushes for at most `timeoutMs` (default 10 s), then drops what is left and stops. */
  async shutdown(timeoutMs = 10_000): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    process.off('beforeExit', this.onBeforeExit);
    process.off('exit', this.onExit);
    let timer: NodeJS.Timeout | undefined;
    const timedOut = await Promise.race([
      this.flush().then(() => false),
      new Promise<boolean>((r) => (timer = setTimeout(() => r(true), timeoutMs))),
    ]);
    clearTimeout(timer);
    this.closed = true;
    if (timedOut && this.queue.length > 0) {
      const left = this.queue.length;
      this.queue = [];
      this.drop(left, 'shutdown');
    }
  }

  private start(): void {
    if (this.timer) return;
    this.timer = setInterval(() => this.kick(true), this.o.flushIntervalMs);
    this.timer.unref();
    if (this.o.flushOnExit) {
      process.on('beforeExit', this.onBeforeExit);
      process.on('exit', this.onExit);
    }
  }

  /** Starts sending: full batches only, or (`all`) everything queued, partial batch included. */
  private kick(all: boolean): void {
    if (this.draining) {
      this.drainAll ||= all;
      return;
    }
    if (this.queue.length === 0) return;
    this.drainAll = all;
    this.draining = (async () => {
      try {
        while (this.queue.length >= this.o.batchSize || (this.drainAll && this.queue.length > 0)) {
          this.reportQueueDrops();
          await this.sendBatch(this.queue.splice(0, this.o.batchSize));
        }
      } finally {
        this.draining = null;
      }
    })();
  }

  private reportQueueDrops(): void {
    if (this.pendingDrops === 0) return;
    const n = this.pendingDrops;
    this.pendingDrops = 0;
    this.drop(n, 'queue_full');
  }

  private drop(records: number, reason: 'queue_full' | 'rejected' | 'retries_exhausted' | 'shutdown', error?: PromptdeckError): void {
    this.stats.dropped += records;
    report(this.onError, { type: 'ingest_dropped', reason, records, ...(error ? { error } : {}) });
  }

  private async sendBatch(batch: InvocationRecord[]): Promise<void> {
    for (let attempt = 0; ; attempt++) {
      let error: PromptdeckError;
      let retryAfterMs: number | null = null;
      try {
        const { res, release } = await send(this.t, 'POST', '/api/v1/invocations', { body: { items: batch } });
        try {
          if (res.ok) {
            await res.body?.cancel().catch(() => undefined);
            this.stats.sent += batch.length;
            return;
          }
          error = await errorOf(res, 'POST /api/v1/invocations');
          retryAfterMs = retryAfter(res.headers.get('retry-after'));
        } finally {
          release();
        }
      } catch (err) {
        if (!(err instanceof PromptdeckError)) throw err;
        error = err;
      }
      if (error.status === 413 && batch.length > 1) {
        const half = Math.ceil(batch.length / 2);
        await this.sendBatch(batch.slice(0, half));
        await this.sendBatch(batch.slice(half));
        return;
      }
      if (error.status === 400) {
        const bad = badIndices(error.details, batch.length);
        const rest = batch.filter((_, i) => !bad.has(i));
        this.drop(batch.length - (bad.size > 0 ? rest.length : 0), 'rejected', error);
        if (bad.size > 0 && rest.length > 0) await this.sendBatch(rest);
        return;
      }
      if (!error.unavailable) {
        this.drop(batch.length, 'rejected', error);
        return;
      }
      if (attempt >= this.o.maxRetries) {
        this.drop(batch.length, 'retries_exhausted', error);
        return;
      }
      const backoff = Math.min(this.o.retryMaxMs, this.o.retryBaseMs * 2 ** attempt);
      const delayMs = Math.round(retryAfterMs ?? backoff * (0.5 + Math.random() / 2));
      this.stats.retries++;
      report(this.onError, { type: 'ingest_retry', records: batch.length, attempt: attempt + 1, delayMs, error });
      await sleep(delayMs);
    }
  }
}

/** Retry-After in seconds (or an HTTP date), capped at a minute. */
function retryAfter(h: string | null): number | null {
  if (!h) return null;
  const s = Number(h);
  const ms = Number.isFinite(s) ? s * 1000 : Date.parse(h) - Date.now();
  return Number.isFinite(ms) && ms >= 0 ? Math.min(ms, 60_000) : null;
}

/** The records a 400 names (`details: [{path: "items.3.modelId"}]`). */
function badIndices(details: unknown, n: number): Set<number> {
  const out = new Set<number>();
  if (!Array.isArray(details)) return out;
  for (const d of details) {
    const m = /^items\.(\d+)(\.|$)/.exec(String((d as { path?: unknown })?.path ?? ''));
    if (m && Number(m[1]) < n) out.add(Number(m[1]));
  }
  return out;
}

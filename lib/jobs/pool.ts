import pg from 'pg';
import type { SqlExecutor } from './sql';

/**
 * The queue's own connection pool, handed to pg-boss as its `db`. Owning it lets shutdown wait
 * for statements still in flight: pg-boss marks a finished job completed without awaiting it,
 * and its built-in pool silently drops statements issued after close, which would leave the job
 * active until it expires and then run it a second time.
 */
export class TrackedPool implements SqlExecutor {
  private readonly pool: pg.Pool;
  private inflight = 0;
  private drained: (() => void)[] = [];
  private closed = false;

  constructor(
    connectionString: string,
    max: number,
    private readonly onError: (err: Error) => void,
  ) {
    this.pool = new pg.Pool({ connectionString, max, application_name: 'promptdeck-jobs' });
    this.pool.on('error', onError);
  }

  async executeSql(text: string, values?: unknown[]): Promise<{ rows: Record<string, unknown>[] }> {
    if (this.closed) {
      // pg-boss issues some statements without awaiting them (completions); after close they
      // cannot run, and throwing would surface as an unhandled rejection.
      this.onError(new Error(`statement after the queue stopped was dropped: ${text.trim().slice(0, 60)}`));
      return { rows: [] };
    }
    this.inflight += 1;
    try {
      const res = await this.pool.query(text, values);
      return { rows: res.rows as Record<string, unknown>[] };
    } finally {
      this.inflight -= 1;
      if (this.inflight === 0) for (const done of this.drained.splice(0)) done();
    }
  }

  /** Waits (up to timeoutMs) for statements in flight, including ones issued meanwhile, then closes. */
  async close(timeoutMs = 5_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    // A statement may be issued right after the previous one finished (complete after a
    // handler): give the event loop a turn before deciding the pool is idle.
    for (;;) {
      await new Promise((r) => setTimeout(r, 20));
      if (this.inflight === 0 || Date.now() >= deadline) break;
      await Promise.race([new Promise<void>((r) => this.drained.push(r)), new Promise((r) => setTimeout(r, Math.max(0, deadline - Date.now())))]);
    }
    this.closed = true;
    await this.pool.end();
  }
}

import PgBoss from 'pg-boss';
import { TrackedPool } from './pool';
import { logger } from '../ops/log';
import { prismaExecutor, type RawSqlClient } from './sql';
import type { JobDefinition } from './types';

/**
 * The background job queue: pg-boss 10 on the app's PostgreSQL, in its own schema (`pgboss`,
 * created and migrated by pg-boss itself under an advisory lock, so several instances may start
 * at once). Every instance that runs workers competes for the same jobs with
 * `FOR UPDATE SKIP LOCKED`, so each job runs on one instance at a time; a job whose instance died
 * stays active until `expireInSeconds`, then maintenance (on any live instance) fails it into a
 * retry with backoff, and another instance picks it up.
 */
export const JOBS_SCHEMA = 'pgboss';

export interface StartOptions {
  url: string;
  jobs: readonly JobDefinition<never>[] | readonly JobDefinition<any>[]; // eslint-disable-line @typescript-eslint/no-explicit-any
  /** Run workers for the jobs (false: this instance only sends). Default true. */
  work?: boolean;
  /** How often an idle worker looks for a job (seconds, >= 0.5). Default 2. */
  pollingIntervalSeconds?: number;
  /** How often maintenance (expiring dead workers' jobs, archiving) runs (seconds, >= 1). Default 30. */
  maintenanceIntervalSeconds?: number;
  /** Database connections of the queue (its own pool). Default 3. */
  poolSize?: number;
  log?: (line: string) => void;
}

export interface SendOptions {
  /** Enqueue inside this Prisma interactive transaction: the job exists iff it commits. */
  tx?: RawSqlClient;
  /** With the queue policies (singleton, short, stately), at most one job per key; see JobPolicy. */
  singletonKey?: string;
  /** Run no earlier than this many seconds from now. */
  startAfterSeconds?: number;
  /** Higher runs first. */
  priority?: number;
  /** A job id chosen by the caller (uuid). */
  id?: string;
}

/** Jobs of one queue by state: `queued` = created + waiting for a retry. */
export interface QueueDepth {
  queued: number;
  retry: number;
  active: number;
  failed: number;
  completed: number;
}

/** Thrown into a handler's signal when the instance is stopping. */
export class JobInterrupted extends Error {
  constructor(readonly why: 'shutdown' | 'expiring') {
    super(why === 'shutdown' ? 'The instance is shutting down; the job is handed back.' : 'The job is about to expire; it is handed back.');
    this.name = 'JobInterrupted';
  }
}

type AnyJob = JobDefinition<any>; // eslint-disable-line @typescript-eslint/no-explicit-any

export class JobQueue {
  private readonly running = new Set<AbortController>();
  private stopping: Promise<void> | null = null;

  private constructor(
    private readonly boss: PgBoss,
    private readonly pool: TrackedPool,
    private readonly defs: Map<string, AnyJob>,
    private readonly log: (line: string) => void,
    private readonly working: boolean,
  ) {}

  static async start(opts: StartOptions): Promise<JobQueue> {
    const log = opts.log ?? ((line: string) => logger().info({ component: 'jobs' }, line));
    const defs = new Map<string, AnyJob>();
    for (const def of opts.jobs as readonly AnyJob[]) {
      if (defs.has(def.name)) throw new Error(`Job "${def.name}" is registered twice.`);
      defs.set(def.name, def);
    }
    const pool = new TrackedPool(opts.url, opts.poolSize ?? 3, (err) => log(`database: ${err.message}`));
    const boss = new PgBoss({
      db: pool,
      schema: JOBS_SCHEMA,
      // No cron schedules yet: skip the scheduler's own polling.
      schedule: false,
      supervise: true,
      maintenanceIntervalSeconds: opts.maintenanceIntervalSeconds ?? 30,
    });
    // pg-boss reports background failures (a lost connection while polling...) as events; an
    // EventEmitter without an 'error' listener would crash the process instead.
    boss.on('error', (err: Error) => log(`background error: ${err.message}`));
    try {
      await boss.start();
    } catch (err) {
      await pool.close(0);
      throw err;
    }
    const queue = new JobQueue(boss, pool, defs, log, opts.work !== false);
    for (const def of defs.values()) {
      if (def.policy.deadLetter && !defs.has(def.policy.deadLetter)) throw new Error(`Job "${def.name}": its dead-letter job "${def.policy.deadLetter}" is not registered.`);
    }
    // A queue's dead letter must exist before the queue names it (a foreign key).
    const ordered = [...defs.values()].sort((a, b) => Number(Boolean(a.policy.deadLetter)) - Number(Boolean(b.policy.deadLetter)));
    for (const def of ordered) await queue.ensureQueue(def);
    if (opts.work !== false) {
      for (const def of defs.values()) await queue.startWorkers(def, opts.pollingIntervalSeconds ?? 2);
    }
    return queue;
  }

  private async ensureQueue(def: AnyJob): Promise<void> {
    const p = def.policy;
    const options = {
      name: def.name,
      policy: p.policy,
      retryLimit: p.retryLimit,
      retryDelay: p.retryDelaySeconds,
      retryBackoff: p.retryBackoff,
      expireInSeconds: p.expireInSeconds,
      ...(p.deadLetter ? { deadLetter: p.deadLetter } : {}),
    };
    await this.boss.createQueue(def.name, options);
    // createQueue leaves an existing queue alone: bring its policy up to date with the code.
    await this.boss.updateQueue(def.name, options);
  }

  private async startWorkers(def: AnyJob, pollingIntervalSeconds: number): Promise<void> {
    const expireMs = def.policy.expireInSeconds * 1000;
    // Warn the handler a little before pg-boss gives up on the run.
    const warnAfterMs = Math.max(250, expireMs - Math.min(10_000, expireMs * 0.1));
    for (let i = 0; i < def.policy.concurrency; i++) {
      await this.boss.work(def.name, { batchSize: 1, pollingIntervalSeconds, includeMetadata: true }, async ([job]) => {
        if (!job) return;
        const ac = new AbortController();
        const timer = setTimeout(() => ac.abort(new JobInterrupted('expiring')), warnAfterMs);
        this.running.add(ac);
        try {
          const data: unknown = def.schema.parse(job.data);
          return await def.handler({ id: job.id, data, signal: ac.signal, retryCount: job.retryCount, retryLimit: job.retryLimit, output: job.output ?? null });
        } catch (err) {
          this.log(`${def.name} ${job.id} failed: ${(err as Error).message}`);
          throw err;
        } finally {
          clearTimeout(timer);
          this.running.delete(ac);
        }
      });
    }
  }

  private def(name: string): AnyJob {
    const def = this.defs.get(name);
    if (!def) throw new Error(`Job "${name}" is not registered with this queue.`);
    return def;
  }

  /**
   * Enqueues a job (payload checked against the job's schema). With `tx`, inside the caller's
   * Prisma interactive transaction. Resolves the job id, or null when a singleton policy already
   * holds a job with the same singletonKey.
   */
  async send<T>(job: JobDefinition<T>, data: T, opts: SendOptions = {}): Promise<string | null> {
    if (this.stopping) throw new Error('The job queue is stopped.');
    const def = this.def(job.name);
    const payload = def.schema.parse(data) as object;
    return this.boss.send(def.name, payload, {
      ...(opts.tx ? { db: prismaExecutor(opts.tx) } : {}),
      ...(opts.singletonKey !== undefined ? { singletonKey: opts.singletonKey } : {}),
      ...(opts.startAfterSeconds !== undefined ? { startAfter: opts.startAfterSeconds } : {}),
      ...(opts.priority !== undefined ? { priority: opts.priority } : {}),
      ...(opts.id !== undefined ? { id: opts.id } : {}),
    });
  }

  /** Cancels a queued or active job (an active handler keeps running until it checks its own state). */
  async cancel(name: string, id: string): Promise<void> {
    await this.boss.cancel(this.def(name).name, id);
  }

  /** Jobs per registered queue and state, for metrics. */
  async depth(): Promise<Record<string, QueueDepth>> {
    const names = [...this.defs.keys()];
    const { rows } = await this.pool.executeSql(`SELECT name, state::text AS state, count(*)::int AS n FROM ${JOBS_SCHEMA}.job WHERE name = ANY($1::text[]) GROUP BY 1, 2`, [names]);
    const out: Record<string, QueueDepth> = {};
    for (const name of names) out[name] = { queued: 0, retry: 0, active: 0, failed: 0, completed: 0 };
    for (const r of rows as { name: string; state: string; n: number }[]) {
      const d = out[r.name];
      if (!d) continue;
      if (r.state === 'created' || r.state === 'retry') d.queued += r.n;
      if (r.state === 'retry' || r.state === 'active' || r.state === 'failed' || r.state === 'completed') d[r.state] += r.n;
    }
    return out;
  }

  /** False once stop() was called. */
  get isRunning(): boolean {
    return this.stopping === null;
  }

  /** Whether this instance runs workers (PROMPTDECK_JOBS=on), and for how many job types. */
  get works(): boolean {
    return this.working;
  }

  get queueCount(): number {
    return this.defs.size;
  }

  /** The jobs this instance is running right now. */
  get runningCount(): number {
    return this.running.size;
  }

  /** The pg-boss instance, for tests and operations (getJobById, retry...). */
  get raw(): PgBoss {
    return this.boss;
  }

  /**
   * Stops polling, signals running handlers (their `signal` aborts with JobInterrupted), waits up
   * to `timeoutMs` for them to finish, then hands back whatever still runs (pg-boss fails it into
   * a retry, so another instance takes it over). graceful=false hands back at once.
   */
  async stop(opts: { graceful?: boolean; timeoutMs?: number } = {}): Promise<void> {
    this.stopping ??= (async () => {
      for (const ac of this.running) ac.abort(new JobInterrupted('shutdown'));
      await this.boss.stop({ graceful: opts.graceful ?? true, timeout: opts.timeoutMs ?? 20_000, wait: true });
      await this.pool.close();
    })();
    return this.stopping;
  }
}

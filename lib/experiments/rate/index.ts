import { db as processDb } from '../../db/client';
import { env } from '../../env';
import { onModelTraffic, type TrafficEvent } from '../../invocations/traffic';
import { realClock, type Clock } from './clock';
import { ModelLimiter } from './limiter';
import type { LimiterOptions } from './options';
import { accountCapacity, type CapacityLookup } from './quota-source';

/**
 * The experiment rate limiters of this process, one per model id as called (a cross-region
 * profile such as `us.anthropic...` has its own quota, as on Bedrock). Production calls reach it
 * only as traffic reports from the gateway (source other than "experiment").
 *
 * Phase B's runner: `await experimentLimiter().forModel(modelId).run((signal) => call(signal),
 * { signal })` for every model call of an experiment, judge calls included, with a Bedrock client
 * that does not retry throttling itself (maxAttempts 1), so throttles reach the limiter.
 */
export { ModelLimiter, type LimiterSnapshot, type RunOptions, type RunOutcome } from './limiter';
export { DEFAULT_LIMITER_OPTIONS, isThrottle, type LimiterOptions } from './options';
export { FakeClock, realClock, type Clock } from './clock';
export { accountCapacity, type CapacityLookup, type KnownCapacity } from './quota-source';
export type { CapacitySource } from './capacity';

/** How often a model's quota is looked up again (the lookup itself is cached by lib/aws/quotas). */
const QUOTA_REFRESH_MS = 5 * 60_000;
/** How long a run waits for the first lookup before it starts (learning) anyway. */
const QUOTA_WAIT_MS = 5_000;

export class ExperimentRateLimiter {
  private readonly models = new Map<string, ModelLimiter>();
  private readonly lookups = new Map<string, { at: number; pending: Promise<void> | null }>();

  /** `capacity`: the account's quota per model (override, Service Quotas...), looked up when a model is first used and every few minutes. */
  constructor(
    private readonly options: Partial<LimiterOptions> & { perModel?: Record<string, Partial<LimiterOptions>> } = {},
    private readonly clock: Clock = realClock,
    private readonly random: () => number = Math.random,
    private readonly capacity?: CapacityLookup,
  ) {}

  forModel(modelId: string): ModelLimiter {
    let m = this.models.get(modelId);
    if (!m) {
      const { perModel, ...shared } = this.options;
      m = new ModelLimiter(modelId, { ...shared, ...perModel?.[modelId] }, this.clock, this.random);
      this.models.set(modelId, m);
    }
    this.lookUp(modelId, m);
    return m;
  }

  /** Resolves once the model's quota was looked up (or after a few seconds): a run starts at the right pace. */
  async ready(modelId: string): Promise<void> {
    this.forModel(modelId);
    const pending = this.lookups.get(modelId)?.pending;
    if (!pending) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    await Promise.race([pending, new Promise<void>((r) => (timer = setTimeout(r, QUOTA_WAIT_MS)))]);
    clearTimeout(timer);
  }

  private lookUp(modelId: string, m: ModelLimiter): void {
    if (!this.capacity) return;
    const now = this.clock.now();
    const last = this.lookups.get(modelId);
    if (last && (last.pending || now - last.at < QUOTA_REFRESH_MS)) return;
    const entry: { at: number; pending: Promise<void> | null } = { at: now, pending: null };
    this.lookups.set(modelId, entry);
    entry.pending = this.capacity(modelId)
      .then((c) => m.setQuota(c ? c.perMin : null, c?.source ?? 'default'))
      .catch(() => {})
      .finally(() => {
        entry.pending = null;
        entry.at = this.clock.now();
      });
  }

  /** A gateway traffic report: production (anything but experiments' own calls) is observed. */
  observe(e: TrafficEvent): void {
    if (e.source === 'experiment') return;
    this.forModel(e.modelId).observeProduction(e.kind, e.kind === 'done' ? e.attempts : 1);
  }

  /** Listens to the gateway's traffic reports; returns the function that stops listening. */
  attach(): () => void {
    return onModelTraffic((e) => this.observe(e));
  }

  snapshot(): Record<string, ReturnType<ModelLimiter['snapshot']>> {
    return Object.fromEntries([...this.models].map(([id, m]) => [id, m.snapshot()]));
  }
}

const g = globalThis as unknown as { __promptdeckExperimentLimiter?: ExperimentRateLimiter };

/** The process-wide limiter, listening to the gateway from its first use, its capacities from the account's quotas. */
export function experimentLimiter(): ExperimentRateLimiter {
  if (!g.__promptdeckExperimentLimiter) {
    const rpm = env().PROMPTDECK_EXPERIMENT_DEFAULT_RPM ?? null;
    g.__promptdeckExperimentLimiter = new ExperimentRateLimiter({}, realClock, Math.random, accountCapacity({ db: processDb, defaultPerMin: rpm }));
    g.__promptdeckExperimentLimiter.attach();
  }
  return g.__promptdeckExperimentLimiter;
}

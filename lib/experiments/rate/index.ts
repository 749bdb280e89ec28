import { onModelTraffic, type TrafficEvent } from '../../invocations/traffic';
import { realClock, type Clock } from './clock';
import { ModelLimiter } from './limiter';
import type { LimiterOptions } from './options';

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

export class ExperimentRateLimiter {
  private readonly models = new Map<string, ModelLimiter>();

  constructor(
    private readonly options: Partial<LimiterOptions> & { perModel?: Record<string, Partial<LimiterOptions>> } = {},
    private readonly clock: Clock = realClock,
    private readonly random: () => number = Math.random,
  ) {}

  forModel(modelId: string): ModelLimiter {
    let m = this.models.get(modelId);
    if (!m) {
      const { perModel, ...shared } = this.options;
      m = new ModelLimiter(modelId, { ...shared, ...perModel?.[modelId] }, this.clock, this.random);
      this.models.set(modelId, m);
    }
    return m;
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

/** The process-wide limiter, listening to the gateway from its first use. */
export function experimentLimiter(): ExperimentRateLimiter {
  if (!g.__promptdeckExperimentLimiter) {
    g.__promptdeckExperimentLimiter = new ExperimentRateLimiter();
    g.__promptdeckExperimentLimiter.attach();
  }
  return g.__promptdeckExperimentLimiter;
}

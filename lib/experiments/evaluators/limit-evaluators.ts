import type { Evaluator } from './schemas';
import { failed, passed, type Verdict } from './types';

type Of<T extends Evaluator['type']> = Extract<Evaluator, { type: T }>;

/**
 * max_latency_ms / max_cost_usd: pass when the call stayed within the limit. The score is
 * min(1, limit / actual): 1 within the limit, 0.5 at twice the limit, so the mean score says how
 * far over the limit the misses were. An unknown figure (no price for the model) fails: it
 * cannot be shown to be within the limit.
 */
export function maxLatency(e: Of<'max_latency_ms'>, latencyMs: number | null): Verdict {
  if (latencyMs === null) return failed('The call has no latency to check.');
  const ms = Math.round(latencyMs);
  if (latencyMs <= e.value) return passed(`Took ${ms} ms, within ${e.value} ms.`);
  return failed(`Took ${ms} ms, over the limit of ${e.value} ms.`, Math.min(1, e.value / latencyMs));
}

function usd(v: number): string {
  return `$${v < 0.01 ? v.toPrecision(3) : v.toFixed(4)}`;
}

export function maxCost(e: Of<'max_cost_usd'>, costUsd: number | null): Verdict {
  if (costUsd === null) return failed('The cost is unknown (the model has no price in Settings → Pricing), so it cannot be shown to be within the limit.');
  if (costUsd <= e.value) return passed(`Cost ${usd(costUsd)}, within ${usd(e.value)}.`);
  return failed(`Cost ${usd(costUsd)}, over the limit of ${usd(e.value)}.`, Math.min(1, e.value / costUsd));
}

import { seedOf } from './seed';

/**
 * How the model and the sampling parameters change the stand-in's answers, deterministically:
 * every draw is a hash of what decides it, so the same request always gets the same answer.
 * The numbers below are documented in README.md ("Answers").
 */

/**
 * Smaller, cheaper models: ids with haiku, lite, micro, mini, nano, instant, light or small in
 * them, or a size of 1-13 billion parameters (8b, 3b...): Claude Haiku, Nova Lite/Micro, Llama
 * 3.1 8B, Mistral 7B / Small, Command Light... Every other model is "large".
 */
const SMALL_TIER = /(haiku|lite|micro|mini|nano|instant|light|small|(^|[^0-9])(1|2|3|7|8|9|11|12|13)b([^a-z0-9]|$))/i;

export type Tier = 'small' | 'large';

export function tierOf(modelId: string): Tier {
  return SMALL_TIER.test(modelId) ? 'small' : 'large';
}

/** Share of hard cases a model misses. */
export const HARD_MISS_RATE: Record<Tier, number> = { small: 0.5, large: 0 };

/** A request that sets no temperature is answered as if at this one (models' own defaults vary). */
export const DEFAULT_TEMPERATURE = 0.7;
/** Above this temperature a verdict may flip... */
export const FLIP_THRESHOLD = 0.7;
/** ...with this probability at temperature 1 and topP 1 (linear from 0 at the threshold, times topP). */
export const FLIP_RATE_AT_1 = 0.2;

export interface Sampling {
  temperature?: number;
  topP?: number;
}

/** How far answers stray from the most likely wording: temperature x topP, 0..1. */
export function spread(s: Sampling): number {
  return (s.temperature ?? DEFAULT_TEMPERATURE) * (s.topP ?? 1);
}

export function flipRate(s: Sampling): number {
  const t = s.temperature ?? DEFAULT_TEMPERATURE;
  return t <= FLIP_THRESHOLD ? 0 : (FLIP_RATE_AT_1 * (t - FLIP_THRESHOLD)) / (1 - FLIP_THRESHOLD) * (s.topP ?? 1);
}

/** A uniform draw in [0, 1) from the hash of the parts. */
export function draw(...parts: unknown[]): number {
  return seedOf(parts) / 4294967296;
}

/** Whether this model misses this hard case (about HARD_MISS_RATE of them, fixed per model and text). */
export function missesHardCase(modelId: string, text: string, kind: string): boolean {
  return draw('hard', modelId, text.trim().toLowerCase(), kind) < HARD_MISS_RATE[tierOf(modelId)];
}

/**
 * Picks a wording: the first (most likely) one at spread 0; with probability `spread` one of the
 * others, so higher temperature (and topP) means more varied text.
 */
export function wording<T>(options: readonly T[], s: Sampling, ...key: unknown[]): T {
  const first = options[0];
  if (first === undefined) throw new Error('wording from an empty list');
  if (options.length === 1 || draw('vary', s.temperature ?? null, s.topP ?? null, ...key) >= spread(s)) return first;
  const i = 1 + Math.floor(draw('pick', s.temperature ?? null, s.topP ?? null, ...key) * (options.length - 1));
  return options[i] ?? first;
}

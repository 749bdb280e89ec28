import { z } from 'zod';
import { int4 } from '../pagination';

/**
 * Canary input. The guard's defaults are deliberately cautious: it waits for 200 calls on each
 * side within a 15-minute window before judging, then ends the canary when its error rate
 * (errors and throttles over calls) is 5 points above the baseline's, its thumbs-down rate
 * (down votes over calls) 10 points above, or its p95 latency more than 1.5x the baseline's.
 */
export const GUARD_DEFAULTS = {
  minCalls: 200,
  windowSeconds: 900,
  maxErrorRateDelta: 0.05,
  maxThumbsDownRateDelta: 0.1,
  maxLatencyP95Ratio: 1.5,
} as const;

export const GuardSettingsSchema = z
  .object({
    minCalls: int4(1, 'guard.minCalls').max(1_000_000, 'guard.minCalls is at most 1,000,000.').describe(`Calls each side needs in the window before the guard judges (default ${GUARD_DEFAULTS.minCalls}).`),
    windowSeconds: int4(10, 'guard.windowSeconds').max(7 * 86_400, 'guard.windowSeconds is at most 7 days.').describe(`The window the guard compares, in seconds (default ${GUARD_DEFAULTS.windowSeconds}).`),
    maxErrorRateDelta: z.number().min(0).max(1).nullable().describe(`Canary failure rate (errors + throttles over calls) minus the baseline's, 0-1 (default ${GUARD_DEFAULTS.maxErrorRateDelta}); null: not checked.`),
    maxThumbsDownRateDelta: z.number().min(0).max(1).nullable().describe(`Canary thumbs-down rate minus the baseline's, 0-1 (default ${GUARD_DEFAULTS.maxThumbsDownRateDelta}); null: not checked.`),
    maxLatencyP95Ratio: z.number().min(1).max(100).nullable().describe(`Canary p95 latency over the baseline's (default ${GUARD_DEFAULTS.maxLatencyP95Ratio}); null: not checked.`),
  })
  .meta({ id: 'CanaryGuard' });
export type GuardSettings = z.infer<typeof GuardSettingsSchema>;

export const GuardInputSchema = z
  .object({
    minCalls: GuardSettingsSchema.shape.minCalls.optional(),
    windowSeconds: GuardSettingsSchema.shape.windowSeconds.optional(),
    maxErrorRateDelta: GuardSettingsSchema.shape.maxErrorRateDelta.optional(),
    maxThumbsDownRateDelta: GuardSettingsSchema.shape.maxThumbsDownRateDelta.optional(),
    maxLatencyP95Ratio: GuardSettingsSchema.shape.maxLatencyP95Ratio.optional(),
  })
  .strict();

export const StartCanarySchema = z
  .object({
    version: int4(1, 'version'),
    weight: z
      .number({ message: 'weight must be a whole number from 1 to 50.' })
      .int('weight must be a whole number from 1 to 50.')
      .min(1, 'weight must be at least 1 (percent).')
      .max(50, 'weight must be at most 50 (percent).')
      .describe('Percent of callers served the canary version, 1-50.'),
    guard: GuardInputSchema.optional(),
    /** Extension: refuse when the label does not point at this version (the UI always sends it). */
    expectedVersion: int4(1, 'expectedVersion').optional(),
    reason: z.string().max(1000).optional(),
  })
  .strict();
export type StartCanaryInput = z.infer<typeof StartCanarySchema>;

export const PromoteCanarySchema = z
  .object({
    /** Where the label must point now (the baseline); a move meanwhile -> 409 label_conflict. */
    expectedVersion: int4(1, 'expectedVersion').optional(),
    /** The canary version the caller saw; another canary meanwhile -> 409 canary_conflict. */
    expectedCanaryVersion: int4(1, 'expectedCanaryVersion').optional(),
    reason: z.string().max(1000).optional(),
  })
  .strict();

export const StopCanaryQuerySchema = z.object({ reason: z.string().max(1000).optional() });

export function guardWithDefaults(input: z.infer<typeof GuardInputSchema> | undefined): GuardSettings {
  return { ...GUARD_DEFAULTS, ...input };
}

import { z } from 'zod';
import { NullableActorRefSchema } from '../auth/actor-ref';
import { GuardSettingsSchema } from './schemas';

const Time = z.iso.datetime();

/** A running canary, as labels and the canary endpoints show it. */
export const CanarySchema = z
  .object({
    id: z.string().describe('Names this run of a canary (a new start is a new id).'),
    label: z.string(),
    baselineVersion: z.number().int().describe('The version the label points at (served to the other callers).'),
    version: z.number().int().describe('The canary version.'),
    weight: z.number().int().min(1).max(50).describe('Percent of callers served the canary version.'),
    guard: GuardSettingsSchema,
    startedAt: Time,
    startedBy: z.string(),
    startedByRef: NullableActorRefSchema,
  })
  .meta({ id: 'Canary' });
export type CanaryDto = z.infer<typeof CanarySchema>;

export const SideFiguresSchema = z
  .object({
    version: z.number().int(),
    calls: z.number().int(),
    errors: z.number().int(),
    throttled: z.number().int(),
    errorRate: z.number().nullable().describe('errors / calls; null without calls.'),
    throttleRate: z.number().nullable().describe('throttled / calls. The guard compares error + throttle rate against maxErrorRateDelta.'),
    latencyP95Ms: z.number().nullable(),
    thumbsDown: z.number().int(),
    thumbsDownRate: z.number().nullable().describe('Calls with a thumbs-down / calls.'),
  })
  .meta({ id: 'CanarySideFigures' });
export type SideFigures = z.infer<typeof SideFiguresSchema>;

export const GuardStateSchema = z
  .object({
    state: z.enum(['waiting', 'healthy', 'breached']).describe('waiting: a side has fewer than minCalls calls in the window; the guard does not act.'),
    breaches: z.array(z.string()).describe('Thresholds passed, in words (empty unless breached).'),
  })
  .meta({ id: 'CanaryGuardState' });
export type GuardState = z.infer<typeof GuardStateSchema>;

/** GET .../canary: the canary with both sides' figures over the guard window. */
export const CanaryStatusSchema = z
  .object({
    canary: CanarySchema.nullable(),
    window: z.object({ from: Time, to: Time }).nullable().describe('From max(start, now - windowSeconds) to now.'),
    baseline: SideFiguresSchema.nullable(),
    canarySide: SideFiguresSchema.nullable(),
    guard: GuardStateSchema.nullable(),
  })
  .meta({ id: 'CanaryStatus' });
export type CanaryStatus = z.infer<typeof CanaryStatusSchema>;

/** PUT / DELETE .../canary answer. */
export const CanaryChangeSchema = z
  .object({
    label: z.string(),
    canary: CanarySchema.nullable().describe('The canary now running (null after a stop).'),
  })
  .meta({ id: 'CanaryChange' });
export type CanaryChange = z.infer<typeof CanaryChangeSchema>;

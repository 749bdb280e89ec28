import { z } from 'zod';
import { NullableActorRefSchema } from '../auth/actor-ref';
import { LABEL_ACTIONS } from '../catalog/responses';

/** What the metrics endpoints answer, defined once (see lib/catalog/responses.ts). */
const Time = z.iso.datetime();

export const PointSchema = z.object({ t: Time, v: z.number() }).meta({ id: 'MetricPoint' });

export const DeployMarkerSchema = z
  .object({
    prompt: z.string(),
    label: z.string(),
    action: z.enum(LABEL_ACTIONS),
    fromVersion: z.number().int().nullable(),
    toVersion: z.number().int().nullable(),
    actor: z.string(),
    actorRef: NullableActorRefSchema,
    reason: z.string(),
    at: Time,
    modelIds: z.array(z.string()).describe('Models of the versions involved, so a chart of one model can tell its own deploys.'),
  })
  .meta({ id: 'DeployMarker' });
export type DeployMarker = z.infer<typeof DeployMarkerSchema>;

export const BedrockMetricsSchema = z
  .object({
    modelId: z.string().nullable(),
    from: Time,
    to: Time,
    period: z.number().int(),
    series: z.record(z.string(), z.array(PointSchema)).describe('Invocations, InvocationThrottles, InvocationLatency, InputTokenCount, OutputTokenCount, InvocationClientErrors, InvocationServerErrors (and latency p90).'),
    deploys: z.array(DeployMarkerSchema),
  })
  .meta({ id: 'BedrockMetrics' });
export type BedrockMetrics = z.infer<typeof BedrockMetricsSchema>;

export const VersionMetricsSchema = z
  .object({
    version: z.number().int(),
    invocations: z.number().int(),
    throttled: z.number().int(),
    errors: z.number().int(),
    thumbsUp: z.number().int(),
    thumbsDown: z.number().int(),
    latencyP50Ms: z.number().nullable(),
    latencyP95Ms: z.number().nullable(),
    inputTokens: z.number().int(),
    outputTokens: z.number().int(),
    costUsd: z.number().nullable(),
    fallbacks: z.number().int().describe('Calls a fallback model answered (the primary was throttled or unavailable).'),
    cacheReadInputTokens: z.number().int(),
    cacheWriteInputTokens: z.number().int(),
    cacheHitRate: z.number().nullable().describe('Share of input tokens read from the prompt cache (null: no cache use).'),
    cacheSavingsUsd: z.number().nullable().describe('What prompt caching saved against uncached input (negative while writes outweigh reads).'),
  })
  .meta({ id: 'VersionMetrics' });
export type VersionMetrics = z.infer<typeof VersionMetricsSchema>;

export const PromptMetricsSchema = z
  .object({
    from: Time,
    to: Time,
    versions: z.array(VersionMetricsSchema),
    total: z
      .object({
        invocations: z.number().int(),
        costUsd: z.number().nullable(),
        projectedMonthlyCostUsd: z.number().nullable(),
        excludedOverrideRuns: z.number().int().describe('Runs with overrides (another model, parameters or template; the playground): not counted in these figures.'),
      })
      .describe('All versions together, and what a month at the window\'s rate would cost.'),
  })
  .meta({ id: 'PromptMetrics' });
export type PromptMetrics = z.infer<typeof PromptMetricsSchema>;

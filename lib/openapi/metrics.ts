import { z } from 'zod';
import { PromptNameSchema } from '../catalog/schemas';
import { BedrockMetricsQuerySchema, PromptMetricsQuerySchema } from '../metrics/schemas';
import { ok, type PathAdder } from './helpers';

const Point = z.object({ t: z.string(), v: z.number() });
const Deploy = z.object({
  prompt: z.string(),
  label: z.string(),
  action: z.enum(['deploy', 'rollback', 'remove']),
  fromVersion: z.number().int().nullable(),
  toVersion: z.number().int().nullable(),
  actor: z.string(),
  reason: z.string(),
  at: z.string(),
  modelIds: z.array(z.string()),
});
const VersionMetrics = z.object({
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
});

/** Metrics endpoints. */
export function registerMetricsPaths(p: PathAdder): void {
  p('get', '/api/v1/metrics/bedrock', 'CloudWatch AWS/Bedrock series (one batched GetMetricData) with the label moves in the window', {
    request: { query: BedrockMetricsQuerySchema },
    responses: {
      200: ok('Series', z.object({ modelId: z.string().nullable(), from: z.string(), to: z.string(), period: z.number().int(), series: z.record(z.string(), z.array(Point)), deploys: z.array(Deploy) })),
    },
  });
  p('get', '/api/v1/metrics/prompts/{name}', 'Per-version figures of a prompt from the local invocation log', {
    request: { params: z.object({ name: PromptNameSchema }), query: PromptMetricsQuerySchema },
    responses: {
      200: ok('Per version', z.object({ from: z.string(), to: z.string(), versions: z.array(VersionMetrics), total: z.object({ invocations: z.number(), costUsd: z.number().nullable(), projectedMonthlyCostUsd: z.number().nullable(), excludedOverrideRuns: z.number().describe('Runs with overrides (playground): not counted in the figures above') }) })),
    },
  });
}

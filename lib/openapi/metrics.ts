import { z } from 'zod';
import { PromptNameSchema } from '../catalog/schemas';
import { BedrockMetricsSchema, PromptMetricsSchema } from '../metrics/responses';
import { BedrockMetricsQuerySchema, PromptMetricsQuerySchema } from '../metrics/schemas';
import { ok, type Operations } from './helpers';

/** Metrics. */
export const metricsOperations = {
  'GET /api/v1/metrics/bedrock': {
    summary: 'CloudWatch AWS/Bedrock series (one batched GetMetricData) with the label moves in the window',
    query: BedrockMetricsQuerySchema,
    responses: { 200: ok('Series', BedrockMetricsSchema) },
    errors: { 429: 'throttled: CloudWatch throttled the request', 502: 'upstream_error: CloudWatch failed or denied access' },
  },
  'GET /api/v1/metrics/prompts/{name}': {
    summary: 'Per-version figures of a prompt from the local invocation log',
    params: z.object({ name: PromptNameSchema }),
    query: PromptMetricsQuerySchema,
    responses: { 200: ok('Per version', PromptMetricsSchema) },
  },
} satisfies Operations;

import { authOperations } from './auth';
import { canaryOperations } from './canary';
import { bedrockOperations } from './bedrock';
import { catalogOperations } from './catalog';
import { datasetOperations } from './datasets';
import { experimentOperations } from './experiments';
import { feedbackOperations } from './feedback';
import { invocationOperations } from './invocations';
import { metricsOperations } from './metrics';
import { releaseOperations } from './releases';
import { auditOperations, webhookOperations } from './webhooks';
import { opsOperations } from './ops';

/**
 * Every endpoint of /api/v1, keyed `"<METHOD> <path template>"`. Add an endpoint by adding it to
 * its feature's map (lib/openapi/<feature>.ts); the document, the browser client's types and the
 * contract tests pick it up. A route file without an entry here fails lib/openapi/coverage.test.ts.
 */
export const operations = {
  ...catalogOperations,
  ...canaryOperations,
  ...invocationOperations,
  ...feedbackOperations,
  ...datasetOperations,
  ...metricsOperations,
  ...authOperations,
  ...webhookOperations,
  ...auditOperations,
  ...releaseOperations,
  ...experimentOperations,
  ...bedrockOperations,
  ...opsOperations,
};

export type ApiOperations = typeof operations;
export type OperationKey = keyof ApiOperations;

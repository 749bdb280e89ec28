import { authOperations } from './auth';
import { catalogOperations } from './catalog';
import { feedbackOperations } from './feedback';
import { invocationOperations } from './invocations';
import { metricsOperations } from './metrics';
import { opsOperations } from './ops';

/**
 * Every endpoint of /api/v1, keyed `"<METHOD> <path template>"`. Add an endpoint by adding it to
 * its feature's map (lib/openapi/<feature>.ts); the document, the browser client's types and the
 * contract tests pick it up. A route file without an entry here fails lib/openapi/coverage.test.ts.
 */
export const operations = {
  ...catalogOperations,
  ...invocationOperations,
  ...feedbackOperations,
  ...metricsOperations,
  ...authOperations,
  ...opsOperations,
};

export type ApiOperations = typeof operations;
export type OperationKey = keyof ApiOperations;

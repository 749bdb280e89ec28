import type { RetryStrategyV2 } from '@smithy/types';

/**
 * Options every control-plane client factory takes (models, quotas, prompt management). Unset
 * fields fall back to the SDK's usual sources: AWS_REGION, AWS_ENDPOINT_URL_<SERVICE>,
 * AWS_MAX_ATTEMPTS / AWS_RETRY_MODE, profiles and roles.
 */
export interface ControlClientOptions {
  endpoint?: string;
  region?: string;
  retryStrategy?: RetryStrategyV2;
  maxAttempts?: number;
}

export const clientConfig = (opts: ControlClientOptions) => ({
  ...(opts.endpoint ? { endpoint: opts.endpoint } : {}),
  ...(opts.region ? { region: opts.region } : {}),
  ...(opts.retryStrategy ? { retryStrategy: opts.retryStrategy } : {}),
  ...(opts.maxAttempts ? { maxAttempts: opts.maxAttempts } : {}),
});

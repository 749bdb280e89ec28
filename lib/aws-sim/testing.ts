import { BedrockRuntimeClient } from '@aws-sdk/client-bedrock-runtime';
import { CloudWatchClient } from '@aws-sdk/client-cloudwatch';
import { ConfiguredRetryStrategy } from '@smithy/core/retry';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import type { AwsSim } from './index';

/**
 * Real SDK clients pointed at a stand-in, for tests. Retries are fast (10 ms backoff) so tests
 * exercise the SDK's retry logic without waiting seconds.
 */

const credentials = { accessKeyId: 'test', secretAccessKey: 'test' };

export interface TestClientOptions {
  /** HTTP/1.1 through NodeHttpHandler instead of the default h2c handler. */
  http1?: boolean;
  /** Total attempts including the first (default 3, like the SDK's standard mode). */
  maxAttempts?: number;
  /** Client-side request timeout in ms (an error, not just a warning, over HTTP/1.1 too). */
  requestTimeout?: number;
}

export function bedrockClient(sim: Pick<AwsSim, 'url'>, opts: TestClientOptions = {}): BedrockRuntimeClient {
  return new BedrockRuntimeClient({
    endpoint: sim.url,
    region: 'us-east-1',
    credentials,
    retryStrategy: new ConfiguredRetryStrategy(opts.maxAttempts ?? 3, 10),
    ...(opts.http1 || opts.requestTimeout !== undefined
      ? { requestHandler: opts.http1 ? new NodeHttpHandler({ requestTimeout: opts.requestTimeout, throwOnRequestTimeout: true }) : { requestTimeout: opts.requestTimeout } }
      : {}),
  });
}

export function cloudWatchClient(sim: Pick<AwsSim, 'url'>): CloudWatchClient {
  return new CloudWatchClient({ endpoint: sim.url, region: 'us-east-1', credentials, retryStrategy: new ConfiguredRetryStrategy(1, 10) });
}

import { BedrockClient } from '@aws-sdk/client-bedrock';
import { BedrockAgentClient } from '@aws-sdk/client-bedrock-agent';
import { BedrockRuntimeClient } from '@aws-sdk/client-bedrock-runtime';
import { CloudWatchClient } from '@aws-sdk/client-cloudwatch';
import { ServiceQuotasClient } from '@aws-sdk/client-service-quotas';
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

export interface ControlClientOptions {
  /** Total attempts including the first (default 3). */
  maxAttempts?: number;
  /** Region the client signs for (default us-east-1): the stand-in answers for that region. */
  region?: string;
}

const control = (sim: Pick<AwsSim, 'url'>, opts: ControlClientOptions) => ({
  endpoint: sim.url,
  region: opts.region ?? 'us-east-1',
  credentials,
  retryStrategy: new ConfiguredRetryStrategy(opts.maxAttempts ?? 3, 10),
});

/** Bedrock control plane (foundation models, inference profiles). */
export function bedrockControlClient(sim: Pick<AwsSim, 'url'>, opts: ControlClientOptions = {}): BedrockClient {
  return new BedrockClient(control(sim, opts));
}

export function serviceQuotasClient(sim: Pick<AwsSim, 'url'>, opts: ControlClientOptions = {}): ServiceQuotasClient {
  return new ServiceQuotasClient(control(sim, opts));
}

/** Bedrock Agent (Prompt Management). */
export function bedrockAgentClient(sim: Pick<AwsSim, 'url'>, opts: ControlClientOptions = {}): BedrockAgentClient {
  return new BedrockAgentClient(control(sim, opts));
}

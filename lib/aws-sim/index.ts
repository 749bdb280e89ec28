import { applyConfigPatch, defaultSimConfig, SimConfigError, type SimConfig, type SimConfigPatch } from './config';
import { matchAgentRoute, promptManagement, seedPrompts } from './agent';
import { handleBedrock, matchBedrockRoute, sendBedrockError, type BedrockContext } from './bedrock';
import { bedrockControl, matchBedrockControlRoute } from './bedrock-control';
import { handleCloudWatch, isCloudWatchRequest, unknownOperation } from './cloudwatch';
import { ControlPlane, type ControlCall } from './control';
import { isServiceQuotasRequest, serveRest, serveServiceQuotas, serviceQuotasOperation } from './control-routes';
import type { ConverseInput } from './converse-input';
import { bedrockError, FaultInjector } from './faults';
import type { SimRequest, SimResponse } from './http';
import { CallRecorder, type CallRecord } from './metrics';
import { ApplicationProfiles } from './profiles';
import type { SeedPrompt } from './prompt-schemas';
import { PromptStore } from './prompt-store';
import { PromptCache } from './prompt-cache';
import { QuotaTracker } from './quotas';
import { listenDual } from './server';

/**
 * The local AWS stand-in (dev and test only; never imported by app code): one port that speaks
 * the Bedrock runtime (Converse, ConverseStream), the Bedrock control plane (foundation models,
 * inference profiles), Bedrock Agent's Prompt Management, Service Quotas and CloudWatch
 * (GetMetricData, ListMetrics) wire protocols, over HTTP/1.1 and h2c, so the real SDK clients
 * work offline.
 */

export type { SimConfig, SimConfigPatch } from './config';
export type { CallRecord, Outcome } from './metrics';
export type { ConverseInput } from './converse-input';
export type { ControlCall } from './control';
export type { SeedPrompt } from './prompt-schemas';
export { DEMO_BEDROCK_PROMPTS } from './demo-prompts';
export { simConfigFromEnv, simPortFromEnv, simPromptsFromEnv } from './env-config';

export interface AwsSimOptions {
  /** TCP port; 0 (default) picks a free one. */
  port?: number;
  /** Interface to listen on (default 127.0.0.1). */
  host?: string;
  /** Configuration on top of the defaults (600 RPM, 400,000 TPM, no latency, no faults). */
  config?: SimConfigPatch;
  /** Clock (epoch ms) for quota windows and metric timestamps; defaults to Date.now. */
  now?: () => number;
  /** Sees every valid Converse/ConverseStream request (model id as called, parsed input). */
  onRequest?: (modelId: string, input: ConverseInput) => void;
  /** Prompts in Bedrock Prompt Management from the start (validated like CreatePrompt). */
  prompts?: readonly SeedPrompt[];
}

export interface AwsSim {
  /** e.g. http://127.0.0.1:43123 (no trailing slash). */
  url: string;
  port: number;
  /** Environment for SDK clients: endpoints of every service, dummy credentials, us-east-1. */
  clientEnv: Record<string, string>;
  /** A copy of the current configuration. */
  config(): SimConfig;
  /** Applies a partial configuration (validated; throws on invalid input) and returns the result. */
  setConfig(patch: SimConfigPatch): SimConfig;
  /** Every Bedrock call served so far (what the CloudWatch metrics are computed from). */
  calls(): CallRecord[];
  /** Control-plane calls served so far (Bedrock, Bedrock Agent, Service Quotas), with outcomes. */
  controlCalls(): ControlCall[];
  /** Adds prompts to Bedrock Prompt Management (validated; throws SimConfigError). */
  addPrompts(prompts: readonly SeedPrompt[]): void;
  /** Forgets served calls, quota usage, prompt-cache entries and control-plane throttling windows (not prompts or profiles). */
  reset(): void;
  stop(): Promise<void>;
}

export async function startAwsSim(options: AwsSimOptions = {}): Promise<AwsSim> {
  const now = options.now ?? Date.now;
  let config = applyConfigPatch(defaultSimConfig(), options.config ?? {});
  const recorder = new CallRecorder();
  const quotas = new QuotaTracker(now);
  const cache = new PromptCache(now);
  const faults = new FaultInjector(config.seed);
  const control = new ControlPlane(now);
  const profiles = new ApplicationProfiles(now);
  const prompts = new PromptStore(now);
  seedPrompts(prompts, options.prompts ?? []);
  const stopping = new AbortController();

  const setConfig = (patch: unknown): SimConfig => {
    const next = applyConfigPatch(config, patch);
    if (next.seed !== config.seed) faults.reseed(next.seed);
    config = next;
    return structuredClone(config);
  };
  const reset = () => {
    recorder.clear();
    quotas.reset();
    cache.clear();
    control.reset();
  };
  const ctx: BedrockContext = { config: () => config, quotas, cache, faults, recorder, now, onRequest: options.onRequest, resolveProfile: (id) => profiles.resolve(id) };

  const handler = async (req: SimRequest, res: SimResponse): Promise<void> => {
    const json = (status: number, body: unknown) =>
      res.send(status, { 'content-type': 'application/json', 'x-amzn-requestid': req.requestId }, JSON.stringify(body));
    const bedrock = matchBedrockRoute(req);
    if (bedrock) return handleBedrock(ctx, req, res, bedrock);
    const served = { plane: control, config, req, res };
    const cp = matchBedrockControlRoute(req);
    if (cp) return serveRest({ ...served, service: 'bedrock', operation: cp.operation }, 'com.amazon.bedrock', () => bedrockControl({ config: () => config, profiles }, req, cp));
    const agent = matchAgentRoute(req);
    if (agent) return serveRest({ ...served, service: 'bedrock-agent', operation: agent.operation }, 'com.amazonaws.bedrockagent', () => promptManagement(prompts, req, agent));
    if (isServiceQuotasRequest(req)) return serveServiceQuotas({ ...served, service: 'servicequotas', operation: serviceQuotasOperation(req) }, { config: () => config });
    if (isCloudWatchRequest(req)) return handleCloudWatch(req, res, recorder.calls());
    if (req.path === '/__sim/config' && req.method === 'GET') return json(200, config);
    if (req.path === '/__sim/config' && req.method === 'POST') {
      try {
        return json(200, setConfig(JSON.parse(req.body.toString('utf8') || '{}')));
      } catch (err) {
        if (err instanceof SimConfigError || err instanceof SyntaxError) return json(400, { message: err.message });
        throw err;
      }
    }
    if (req.path === '/__sim/reset' && req.method === 'POST') {
      reset();
      return json(200, { ok: true });
    }
    if (req.path === '/__sim/calls' && req.method === 'GET') return json(200, recorder.calls());
    if (req.path === '/__sim/control-calls' && req.method === 'GET') return json(200, control.calls());
    if (req.path === '/__sim/prompts' && req.method === 'POST') {
      try {
        seedPrompts(prompts, JSON.parse(req.body.toString('utf8') || '[]'));
        return json(200, { ok: true });
      } catch (err) {
        if (err instanceof SimConfigError || err instanceof SyntaxError) return json(400, { message: err.message });
        throw err;
      }
    }
    if (req.path === '/__sim/health' && req.method === 'GET') return json(200, { ok: true });
    if (req.method === 'POST' && req.path === '/') return unknownOperation(req, res);
    sendBedrockError(req, res, {
      ...bedrockError('UnknownOperationException', `The local AWS stand-in does not serve ${req.method} ${req.path}.`),
      status: 404,
    });
  };

  const host = options.host ?? '127.0.0.1';
  const server = await listenDual(handler, { port: options.port ?? 0, host, stopSignal: stopping.signal });
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${server.port}`;
  let stopped: Promise<void> | undefined;
  return {
    url,
    port: server.port,
    clientEnv: {
      AWS_ENDPOINT_URL_BEDROCK_RUNTIME: url,
      AWS_ENDPOINT_URL_BEDROCK: url,
      AWS_ENDPOINT_URL_BEDROCK_AGENT: url,
      AWS_ENDPOINT_URL_SERVICE_QUOTAS: url,
      AWS_ENDPOINT_URL_CLOUDWATCH: url,
      AWS_REGION: 'us-east-1',
      AWS_ACCESS_KEY_ID: 'test',
      AWS_SECRET_ACCESS_KEY: 'test',
    },
    config: () => structuredClone(config),
    setConfig,
    calls: () => recorder.calls(),
    controlCalls: () => control.calls(),
    addPrompts: (list) => seedPrompts(prompts, list),
    reset,
    stop() {
      stopped ??= (async () => {
        stopping.abort(new Error('local AWS stand-in stopped'));
        await server.close();
      })();
      return stopped;
    },
  };
}

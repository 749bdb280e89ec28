import type { SimConfig } from './config';
import { ApiError, regionOf, sendJson, sendRestJsonError, type ControlPlane, type ControlService } from './control';
import type { SimRequest, SimResponse } from './http';
import { JSON_11, SQ_TARGET_PREFIX, serviceQuotas, type ServiceQuotasContext } from './service-quotas';

/**
 * Serving a control-plane request: denial and throttling first, then the operation; every call
 * is logged with its outcome. REST-JSON services (Bedrock, Bedrock Agent) and Service Quotas
 * (AWS JSON 1.1) differ only in how replies and errors are framed.
 */

interface Served {
  plane: ControlPlane;
  config: SimConfig;
  req: SimRequest;
  res: SimResponse;
  service: ControlService;
  operation: string;
}

function run(s: Served, answer: () => [number, unknown], reply: (status: number, body: unknown) => void, replyError: (err: ApiError) => void): void {
  const record = (status: number, errorType?: string) =>
    s.plane.record({ service: s.service, operation: s.operation, status, requestId: s.req.requestId, ...(errorType ? { errorType } : {}) });
  try {
    const gate = s.plane.gate(s.service, s.operation, s.config);
    if (gate) throw gate;
    const [status, body] = answer();
    reply(status, body);
    record(status);
  } catch (err) {
    if (!(err instanceof ApiError)) throw err;
    replyError(err);
    record(err.status, err.type);
  }
}

/** Bedrock control plane or Bedrock Agent. `namespace` goes into x-amzn-ErrorType. */
export function serveRest(s: Served, namespace: string, answer: () => [number, unknown]): void {
  run(
    s,
    answer,
    (status, body) => sendJson(s.req, s.res, status, body),
    (err) => sendRestJsonError(s.req, s.res, err, namespace),
  );
}

export function isServiceQuotasRequest(req: SimRequest): boolean {
  return req.method === 'POST' && req.path === '/' && (req.headers['x-amz-target'] ?? '').startsWith(SQ_TARGET_PREFIX);
}

export const serviceQuotasOperation = (req: SimRequest) => (req.headers['x-amz-target'] ?? '').slice(SQ_TARGET_PREFIX.length);

/** Service Quotas (AWS JSON 1.1): errors carry `__type` and `Message`. */
export function serveServiceQuotas(s: Served, ctx: ServiceQuotasContext): void {
  run(
    s,
    () => [200, serviceQuotas(ctx, s.operation, s.req.body, regionOf(s.req))],
    (status, body) => sendJson(s.req, s.res, status, body, JSON_11),
    (err) =>
      s.res.send(
        err.status,
        { 'content-type': JSON_11, 'x-amzn-requestid': s.req.requestId, 'x-amzn-errortype': `${err.type}:` },
        JSON.stringify({ __type: `com.amazonaws.servicequotas#${err.type}`, Message: err.message }),
      ),
  );
}

import type { z } from 'zod';
import type { SimConfig } from './config';
import type { SimRequest, SimResponse } from './http';
import { ACCOUNT_ID, DEFAULT_REGION } from './catalog';

/**
 * What the control-plane services (Bedrock, Bedrock Agent, Service Quotas) share: access denial
 * and throttling per operation, a log of the calls served, the caller's region, request parsing,
 * error replies and pagination tokens.
 */

export type ControlService = 'bedrock' | 'bedrock-agent' | 'servicequotas';

export interface ControlCall {
  /** Epoch milliseconds (the stand-in's clock). */
  at: number;
  service: ControlService;
  operation: string;
  status: number;
  errorType?: string;
  requestId: string;
}

/** An error reply: status, type (what the SDK names the exception) and message. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly type: string,
    message: string,
    /** Extra members of the error body (e.g. Bedrock Agent's `fieldList`). */
    readonly extra: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

const iamAction = (service: ControlService, operation: string) => `${service === 'servicequotas' ? 'servicequotas' : 'bedrock'}:${operation}`;

/** Whether a `deniedOperations` entry names this operation. */
export function operationDenied(denied: readonly string[], service: ControlService, operation: string): boolean {
  const action = iamAction(service, operation);
  const prefix = action.slice(0, action.indexOf(':'));
  return denied.some((d) => d === action || d === operation || d === '*' || d === `${prefix}:*`);
}

const WINDOW_MS = 1_000;

export class ControlPlane {
  private readonly windows = new Map<string, number[]>();
  private log: ControlCall[] = [];

  constructor(private readonly now: () => number) {}

  /** Access denial and throttling, checked before a request is parsed. */
  gate(service: ControlService, operation: string, config: Pick<SimConfig, 'controlPlaneRps' | 'deniedOperations'>): ApiError | undefined {
    if (operationDenied(config.deniedOperations, service, operation)) {
      const action = iamAction(service, operation);
      return new ApiError(
        403,
        'AccessDeniedException',
        `User: arn:aws:iam::${ACCOUNT_ID}:user/promptdeck-sim is not authorized to perform: ${action} because no identity-based policy allows the ${action} action`,
      );
    }
    if (config.controlPlaneRps > 0) {
      const key = `${service}:${operation}`;
      const now = this.now();
      const recent = (this.windows.get(key) ?? []).filter((t) => t > now - WINDOW_MS);
      this.windows.set(key, recent);
      if (recent.length >= config.controlPlaneRps) {
        return service === 'servicequotas' ? new ApiError(429, 'TooManyRequestsException', 'Rate exceeded') : new ApiError(429, 'ThrottlingException', 'Too many requests, please wait before trying again.');
      }
      recent.push(now);
    }
    return undefined;
  }

  record(call: Omit<ControlCall, 'at'>): void {
    this.log.push({ at: this.now(), ...call });
    if (this.log.length > 10_000) this.log = this.log.slice(-5_000);
  }

  calls(): ControlCall[] {
    return this.log.map((c) => ({ ...c }));
  }

  reset(): void {
    this.windows.clear();
    this.log = [];
  }
}

/** The region the caller signed for (SigV4 credential scope), else us-east-1. */
export function regionOf(req: SimRequest): string {
  const m = /Credential=[^/,\s]+\/\d{8}\/([a-z0-9-]+)\//.exec(req.headers.authorization ?? '');
  return m?.[1] ?? DEFAULT_REGION;
}

export function decodeLabel(raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

export function parseJson(body: Buffer, type = 'ValidationException'): unknown {
  if (body.length === 0) return {};
  try {
    return JSON.parse(body.toString('utf8'));
  } catch {
    throw new ApiError(400, type, 'The request body is not valid JSON.');
  }
}

/** Validates with zod and answers like AWS: "N validation error(s) detected: ...". */
export function validate<T>(schema: z.ZodType<T>, input: unknown, opts: { type?: string; status?: number; fieldList?: boolean } = {}): T {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues.slice(0, 10).map((i) => ({ name: i.path.map(String).join('.') || '(body)', message: i.message }));
  const n = parsed.error.issues.length;
  const message = `${n} validation error${n === 1 ? '' : 's'} detected: ${issues.map((i) => `Value at '${i.name}' failed to satisfy constraint: ${i.message}`).join('; ')}`;
  throw new ApiError(opts.status ?? 400, opts.type ?? 'ValidationException', message, opts.fieldList ? { fieldList: issues } : {});
}

/** An opaque page token: the offset into a list, bound to what is being listed. */
export function pageToken(offset: number, scope: string): string {
  return Buffer.from(JSON.stringify({ o: offset, s: scope }), 'utf8').toString('base64url');
}

/** The offset a token stands for; undefined when the token is not one of ours for this scope. */
export function pageOffset(token: string, scope: string): number | undefined {
  try {
    const t = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as { o?: unknown; s?: unknown };
    return typeof t.o === 'number' && Number.isInteger(t.o) && t.o >= 0 && t.s === scope ? t.o : undefined;
  } catch {
    return undefined;
  }
}

/** A page of `items` from `offset`, with the next token when more remain. */
export function page<T>(items: readonly T[], offset: number, size: number, scope: string): { items: T[]; nextToken?: string } {
  const slice = items.slice(offset, offset + size);
  const next = offset + size;
  return next < items.length ? { items: slice, nextToken: pageToken(next, scope) } : { items: slice };
}

/** REST-JSON error reply (Bedrock, Bedrock Agent): the type in x-amzn-ErrorType, `message` in the body. */
export function sendRestJsonError(req: SimRequest, res: SimResponse, err: ApiError, namespace: string): void {
  res.send(
    err.status,
    {
      'content-type': 'application/json',
      'x-amzn-requestid': req.requestId,
      'x-amzn-errortype': `${err.type}:http://internal.amazon.com/coral/${namespace}/`,
    },
    JSON.stringify({ message: err.message, ...err.extra }),
  );
}

export function sendJson(req: SimRequest, res: SimResponse, status: number, body: unknown, contentType = 'application/json'): void {
  res.send(status, { 'content-type': contentType, 'x-amzn-requestid': req.requestId }, JSON.stringify(body));
}

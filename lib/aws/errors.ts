/**
 * Typed model-call errors. `kind` drives the gateway's answer (429 for throttled, 502 for the
 * rest) and what the invocation log records.
 */
export type ModelErrorKind = 'throttled' | 'validation' | 'access_denied' | 'model_not_ready' | 'timeout' | 'upstream' | 'aborted';

export class ModelError extends Error {
  partialText = '';
  timeToFirstTokenMs: number | null = null;
  constructor(
    readonly kind: ModelErrorKind,
    readonly awsCode: string,
    message: string,
    readonly attempts: number,
    readonly awsRequestId: string | null,
    readonly httpStatus: number | null,
  ) {
    super(message);
    this.name = 'ModelError';
  }
}

const KIND_BY_CODE: Record<string, ModelErrorKind> = {
  ThrottlingException: 'throttled',
  Throttling: 'throttled',
  TooManyRequestsException: 'throttled',
  ServiceQuotaExceededException: 'throttled',
  throttlingException: 'throttled',
  ValidationException: 'validation',
  validationException: 'validation',
  AccessDeniedException: 'access_denied',
  AccessDenied: 'access_denied',
  UnrecognizedClientException: 'access_denied',
  ExpiredTokenException: 'access_denied',
  CredentialsProviderError: 'access_denied',
  ModelNotReadyException: 'model_not_ready',
  ModelTimeoutException: 'timeout',
  modelTimeoutException: 'timeout',
  TimeoutError: 'timeout',
  RequestTimeout: 'timeout',
  RequestTimeoutException: 'timeout',
  AbortError: 'aborted',
  ClientAborted: 'aborted',
};

interface SdkErrorLike {
  name?: string;
  message?: string;
  code?: string;
  $metadata?: { attempts?: number; requestId?: string; httpStatusCode?: number };
}

export function toModelError(err: unknown, meta?: { requestId: string | null; attempts: number }): ModelError {
  if (err instanceof ModelError) return err;
  const e = (err ?? {}) as SdkErrorLike;
  const code = e.name && e.name !== 'Error' ? e.name : (e.code ?? 'UnknownError');
  let kind = KIND_BY_CODE[code] ?? 'upstream';
  // node's request timeout surfaces as an abort or socket timeout
  if (kind === 'upstream' && /timed? ?out|timeout/i.test(e.message ?? '')) kind = 'timeout';
  const message = e.message && e.message.length < 2000 ? e.message : code;
  return new ModelError(
    kind,
    code,
    message,
    e.$metadata?.attempts ?? meta?.attempts ?? 1,
    e.$metadata?.requestId ?? meta?.requestId ?? null,
    e.$metadata?.httpStatusCode ?? null,
  );
}

/**
 * Typed errors of the control-plane APIs (Bedrock's model catalog, Service Quotas, Bedrock
 * Prompt Management). `kind` is what a service decides on; `fields` carries Bedrock's
 * ValidationException fieldList when there is one.
 */
export type AwsApiErrorKind = 'throttled' | 'access_denied' | 'validation' | 'not_found' | 'conflict' | 'quota_exceeded' | 'unavailable' | 'timeout' | 'upstream';

export class AwsApiError extends Error {
  constructor(
    readonly kind: AwsApiErrorKind,
    readonly awsCode: string,
    message: string,
    /** e.g. "ListFoundationModels" */
    readonly operation: string,
    readonly attempts: number,
    readonly awsRequestId: string | null,
    readonly httpStatus: number | null,
    readonly fields: { name: string; message: string }[] = [],
  ) {
    super(message);
    this.name = 'AwsApiError';
  }
}

const API_KIND_BY_CODE: Record<string, AwsApiErrorKind> = {
  ThrottlingException: 'throttled',
  Throttling: 'throttled',
  TooManyRequestsException: 'throttled',
  RequestLimitExceeded: 'throttled',
  AccessDeniedException: 'access_denied',
  AccessDenied: 'access_denied',
  UnrecognizedClientException: 'access_denied',
  ExpiredTokenException: 'access_denied',
  CredentialsProviderError: 'access_denied',
  AWSServiceAccessNotEnabledException: 'access_denied',
  DependencyAccessDeniedException: 'access_denied',
  ValidationException: 'validation',
  IllegalArgumentException: 'validation',
  InvalidPaginationTokenException: 'validation',
  SerializationException: 'validation',
  TooManyTagsException: 'validation',
  ResourceNotFoundException: 'not_found',
  NoSuchResourceException: 'not_found',
  ConflictException: 'conflict',
  ResourceAlreadyExistsException: 'conflict',
  ServiceQuotaExceededException: 'quota_exceeded',
  QuotaExceededException: 'quota_exceeded',
  InternalServerException: 'unavailable',
  ServiceUnavailableException: 'unavailable',
  ServiceException: 'unavailable',
  TimeoutError: 'timeout',
  RequestTimeout: 'timeout',
  RequestTimeoutException: 'timeout',
};

interface SdkApiErrorLike extends SdkErrorLike {
  fieldList?: { name?: string; message?: string }[];
}

export function toAwsApiError(err: unknown, operation: string): AwsApiError {
  if (err instanceof AwsApiError) return err;
  const e = (err ?? {}) as SdkApiErrorLike;
  const code = e.name && e.name !== 'Error' ? e.name : (e.code ?? 'UnknownError');
  let kind = API_KIND_BY_CODE[code] ?? 'upstream';
  if (kind === 'upstream' && /timed? ?out|timeout/i.test(e.message ?? '')) kind = 'timeout';
  const message = e.message && e.message.length < 2000 ? e.message : code;
  const fields = (Array.isArray(e.fieldList) ? e.fieldList : []).map((f) => ({ name: String(f.name ?? ''), message: String(f.message ?? '') }));
  return new AwsApiError(kind, code, message, operation, e.$metadata?.attempts ?? 1, e.$metadata?.requestId ?? null, e.$metadata?.httpStatusCode ?? null, fields);
}

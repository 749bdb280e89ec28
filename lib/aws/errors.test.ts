import { describe, expect, it } from 'vitest';
import { AwsApiError, ModelError, toAwsApiError, toModelError } from './errors';

const sdkError = (name: string, extra: Record<string, unknown> = {}) =>
  Object.assign(new Error(`${name} happened`), { name, $metadata: { attempts: 2, requestId: 'req-1', httpStatusCode: 400 }, ...extra });

describe('toModelError', () => {
  it.each([
    ['ThrottlingException', 'throttled'],
    ['ServiceQuotaExceededException', 'throttled'],
    ['ValidationException', 'validation'],
    ['AccessDeniedException', 'access_denied'],
    ['ModelNotReadyException', 'model_not_ready'],
    ['ModelTimeoutException', 'timeout'],
    ['TimeoutError', 'timeout'],
    ['InternalServerException', 'upstream'],
    ['ServiceUnavailableException', 'upstream'],
    ['ResourceNotFoundException', 'upstream'],
  ])('%s -> %s, keeping attempts and request id', (name, kind) => {
    const e = toModelError(sdkError(name));
    expect(e).toBeInstanceOf(ModelError);
    expect(e.kind).toBe(kind);
    expect(e.awsCode).toBe(name);
    expect(e.attempts).toBe(2);
    expect(e.awsRequestId).toBe('req-1');
  });

  it('recognises socket timeouts by their message, and survives non-errors', () => {
    expect(toModelError(new Error('Request timed out after 200ms')).kind).toBe('timeout');
    const odd = toModelError('boom');
    expect(odd.kind).toBe('upstream');
    expect(odd.attempts).toBe(1);
  });
});

describe('toAwsApiError', () => {
  it.each([
    ['ThrottlingException', 'throttled'],
    ['TooManyRequestsException', 'throttled'],
    ['AccessDeniedException', 'access_denied'],
    ['ValidationException', 'validation'],
    ['IllegalArgumentException', 'validation'],
    ['InvalidPaginationTokenException', 'validation'],
    ['ResourceNotFoundException', 'not_found'],
    ['NoSuchResourceException', 'not_found'],
    ['ConflictException', 'conflict'],
    ['ServiceQuotaExceededException', 'quota_exceeded'],
    ['InternalServerException', 'unavailable'],
    ['SomethingNew', 'upstream'],
  ])('%s -> %s, with operation, attempts, request id and status', (name, kind) => {
    const e = toAwsApiError(sdkError(name), 'ListPrompts');
    expect(e).toBeInstanceOf(AwsApiError);
    expect(e).toMatchObject({ kind, awsCode: name, operation: 'ListPrompts', attempts: 2, awsRequestId: 'req-1', httpStatus: 400 });
  });

  it("keeps Bedrock's fieldList, recognises timeouts, and passes its own errors through", () => {
    const e = toAwsApiError(sdkError('ValidationException', { fieldList: [{ name: 'name', message: 'bad' }] }), 'CreatePrompt');
    expect(e.fields).toEqual([{ name: 'name', message: 'bad' }]);
    expect(toAwsApiError(new Error('socket timed out'), 'GetPrompt').kind).toBe('timeout');
    expect(toAwsApiError(e, 'Other')).toBe(e);
    expect(toAwsApiError(undefined, 'X').kind).toBe('upstream');
  });
});

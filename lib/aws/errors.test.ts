import { describe, expect, it } from 'vitest';
import { ModelError, toModelError } from './errors';

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

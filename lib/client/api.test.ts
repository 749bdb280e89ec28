import { describe, expect, expectTypeOf, it } from 'vitest';
import type { VersionDto } from '../catalog/responses';
import { api, apiUrl, type ApiArgs, type ApiResult } from './api';

describe('the browser client', () => {
  it('fills path parameters (encoded) and appends the defined query values', () => {
    expect(apiUrl('/api/v1/prompts/{name}/labels/{label}', { params: { name: 'a b', label: 'x/y' } })).toBe('/api/v1/prompts/a%20b/labels/x%2Fy');
    expect(apiUrl('/api/v1/prompts', { query: { limit: 200, q: undefined, tag: null, cursor: 'c' } })).toBe('/api/v1/prompts?limit=200&cursor=c');
    expect(() => apiUrl('/api/v1/prompts/{name}', {})).toThrow(/Missing path parameter name/);
  });

  it('types every call from the contract', () => {
    expectTypeOf<ApiResult<'GET /api/v1/prompts/{name}/versions/{version}'>>().toEqualTypeOf<VersionDto>();
    expectTypeOf<ApiResult<'DELETE /api/v1/prompts/{name}/labels/{label}'>>().toEqualTypeOf<void>();
    expectTypeOf<ApiArgs<'PUT /api/v1/prompts/{name}/labels/{label}'>['params']>().toEqualTypeOf<Record<'name' | 'label', string | number>>();
    expectTypeOf<ApiResult<'GET /api/v1/invocations/{id}'>['callerRef']>().toEqualTypeOf<{ type: 'user' | 'api_key'; id: string; display: string } | null>();
    // Wrong calls do not compile.
    const typeOnly = () => {
      // @ts-expect-error the path parameter is required
      void api('GET /api/v1/prompts/{name}');
      // @ts-expect-error the body must match the input schema
      void api('POST /api/v1/prompts', { body: { title: 'x' } });
      // @ts-expect-error not an operation of the contract
      void api('GET /api/v1/nothing');
    };
    expect(typeof typeOnly).toBe('function');
  });
});

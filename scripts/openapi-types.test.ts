import { describe, expect, it } from 'vitest';
import { generated, stale } from './openapi-types';

describe('the client libraries\' copy of the contract', () => {
  it('the TypeScript client types match the current OpenAPI document (else: npm run clients:generate)', async () => {
    const files = await generated();
    expect(files.types).toContain('"/api/v1/prompts/{name}": {');
    expect(files.types).toContain('"X-Promptdeck-Epoch"');
    expect(stale(files)).toEqual([]);
  });
});

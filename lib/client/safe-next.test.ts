import { describe, expect, it } from 'vitest';
import { safeNext } from './safe-next';

describe('safeNext', () => {
  it('keeps paths on this site (encoded characters stay in the path)', () => {
    expect(safeNext('/%0a')).toBe('/%0a');
    expect(safeNext('/prompts/support-reply?history=production#x')).toBe('/prompts/support-reply?history=production#x');
    expect(safeNext('/review')).toBe('/review');
  });
  it('refuses anything that could leave it', () => {
    for (const bad of [undefined, '', 'https://evil.example', '//evil.example', '/\\evil.example', '/\\\\evil.example/x', '/\nx', 'javascript:alert(1)', '/\u0000']) {
      expect(safeNext(bad)).toBe('/prompts');
    }
  });
});

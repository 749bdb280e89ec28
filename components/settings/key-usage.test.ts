import { describe, expect, it } from 'vitest';
import { keySnippets } from './key-usage';

describe('keySnippets', () => {
  it('fill in the key, this console and a prompt, as runnable curl and TypeScript', () => {
    const s = keySnippets('https://pd.example.com', 'pd_abc123', 'support-reply');
    expect(s.curl).toBe('curl -s "https://pd.example.com/api/v1/prompts/support-reply?label=production" \\\n  -H "Authorization: Bearer pd_abc123"');
    expect(s.ts).toContain("await fetch('https://pd.example.com/api/v1/prompts/support-reply?label=production'");
    expect(s.ts).toContain("headers: { Authorization: 'Bearer pd_abc123' }");
    expect(s.ts).toContain('throw new Error(`Promptdeck answered ${res.status}`)');
  });
});

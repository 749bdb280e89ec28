import { describe, expect, it } from 'vitest';
// @ts-expect-error next.config.js is plain JavaScript (Next loads it as is)
import nextConfig, { securityHeaders } from '../../next.config.js';
import { contentSecurityPolicy, newNonce } from './csp';
import { SECURITY_HEADERS } from './security-headers';

describe('security headers', () => {
  it('next.config.js sends the same list as the front server, on every path', async () => {
    expect(securityHeaders).toEqual(SECURITY_HEADERS);
    const rules = await (nextConfig as { headers(): Promise<unknown> }).headers();
    expect(rules).toEqual([{ source: '/:path*', headers: Object.entries(SECURITY_HEADERS).map(([key, value]) => ({ key, value })) }]);
  });

  it('the page CSP allows only nonce-carrying scripts, no eval in production, and no framing', () => {
    const nonce = newNonce();
    expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/);
    expect(newNonce()).not.toBe(nonce);
    const csp = contentSecurityPolicy(nonce, false);
    expect(csp).toContain(`script-src 'self' 'nonce-${nonce}' 'strict-dynamic'`);
    expect(csp).not.toContain('unsafe-eval');
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(contentSecurityPolicy(nonce, true)).toContain("'unsafe-eval'");
  });
});

import { describe, expect, it } from 'vitest';
import { assertLoginAllowed, clearLoginFailures, recordLoginFailure } from './login-limiter';

describe('login limiter', () => {
  it('blocks an email after 10 failures within 15 minutes, and frees it later or on success', () => {
    const email = `limit-${Math.random()}@test.local`;
    const t0 = 1_000_000;
    for (let i = 0; i < 10; i++) {
      expect(() => assertLoginAllowed(email, t0 + i)).not.toThrow();
      recordLoginFailure(email, t0 + i);
    }
    expect(() => assertLoginAllowed(email, t0 + 20)).toThrow(/Too many failed sign-ins/);
    expect(() => assertLoginAllowed(email, t0 + 15 * 60 * 1000 + 10)).not.toThrow();
    recordLoginFailure(email, t0);
    clearLoginFailures(email);
    expect(() => assertLoginAllowed(email, t0 + 30)).not.toThrow();
  });
});

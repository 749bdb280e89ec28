import { describe, expect, it } from 'vitest';
import { assertStrongPassword, judgePassword } from './password-policy';

describe('password policy', () => {
  it('refuses common and trivial passwords, saying why', () => {
    for (const p of ['password', '12345678', 'aaaaaaaa', 'qwertyuiop', 'letmein123', 'Password1']) {
      const v = judgePassword(p);
      expect(v.ok, p).toBe(false);
      expect(v.problem).toMatch(/too easy to guess/);
    }
    expect(judgePassword('password').problem).toMatch(/heavily used password/);
    expect(judgePassword('aaaaaaaa').problem).toMatch(/Repeated characters/);
    expect(judgePassword('short').problem).toBe('Use at least 8 characters.');
  });

  it('accepts long unusual passphrases, including the e2e and test passwords', () => {
    for (const p of ['e2e-admin-password', 'correct horse battery staple', 'reviewer-password-1', 'developer-password-1', 'kjh3-ss9d-qq'])
      expect(judgePassword(p).ok, p).toBe(true);
  });

  it('refuses a password built from the person’s own email or name', () => {
    expect(judgePassword('jane.doe@example.com', ['jane.doe@example.com']).ok).toBe(false);
    expect(judgePassword('margaretthatcher', ['margaret@example.com', 'Margaret Thatcher']).ok).toBe(false);
    expect(() => assertStrongPassword('password', [], 'password')).toThrow(/Invalid input. password: This password is too easy to guess/);
  });
});

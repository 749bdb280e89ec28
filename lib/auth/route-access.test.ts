import { describe, expect, it } from 'vitest';
import { can } from './roles';
import { routeRule } from './route-access';

const allowed = (role: Parameters<typeof can>[0], path: string) => {
  const rule = routeRule(path);
  return !rule || can(role, rule.need);
};

describe('routeRule', () => {
  it('names the pages a role may not open', () => {
    expect(allowed({ role: 'reviewer' }, '/playground?prompt=x')).toBe(false);
    expect(allowed({ role: 'viewer' }, '/playground')).toBe(true);
    expect(allowed({ role: 'viewer' }, '/review')).toBe(false);
    expect(allowed({ role: 'reviewer' }, '/review?status=open')).toBe(true);
    expect(allowed({ role: 'deployer' }, '/settings/users')).toBe(false);
    expect(allowed({ role: 'deployer' }, '/settings/api-keys')).toBe(false);
    expect(allowed({ role: 'viewer' }, '/settings/pricing')).toBe(true);
    expect(allowed({ role: 'viewer' }, '/prompts/support-reply/new?from=2')).toBe(false);
    expect(allowed({ role: 'editor' }, '/prompts/support-reply/new')).toBe(true);
    expect(allowed({ role: 'viewer' }, '/prompts/new-things')).toBe(true);
    expect(allowed({ role: 'viewer' }, '/logs')).toBe(true);
    expect(routeRule(null)).toBeNull();
  });
});

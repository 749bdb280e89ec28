import type { Permission } from './roles';

/**
 * Console pages a role may not open, with what they need. The console layout answers 403 for
 * them before anything streams (so the status is right), and the sidebar hides them.
 */
export interface RouteRule {
  pattern: RegExp;
  need: Permission;
  /** "Your role does not allow you to ..." */
  what: string;
  /** The roles to ask an administrator for. */
  roles: string;
}

export const ROUTE_RULES: RouteRule[] = [
  { pattern: /^\/playground(\/|$)/, need: 'models:invoke', what: 'run prompts on Bedrock in the playground', roles: 'viewer, editor, deployer or admin' },
  { pattern: /^\/review(\/|$)/, need: 'feedback:review', what: 'work the review queue', roles: 'reviewer or admin' },
  { pattern: /^\/settings\/users(\/|$)/, need: 'admin', what: 'manage users', roles: 'admin' },
  { pattern: /^\/settings\/api-keys(\/|$)/, need: 'admin', what: 'manage API keys', roles: 'admin' },
  { pattern: /^\/prompts\/[^/]+\/new$/, need: 'catalog:write', what: 'create versions', roles: 'editor, deployer or admin' },
];

/** The rule for a path (query string ignored), or null when any signed-in user may open it. */
export function routeRule(path: string | null | undefined): RouteRule | null {
  if (!path) return null;
  const pathname = path.split(/[?#]/)[0] ?? '';
  return ROUTE_RULES.find((r) => r.pattern.test(pathname)) ?? null;
}

/** The request header the proxy (proxy.ts) sets to the requested path and query. */
export const PATH_HEADER = 'x-promptdeck-path';

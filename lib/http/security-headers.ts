/**
 * Headers every response carries (pages, API, static files, the server's fast path and its own
 * error answers). next.config.js sets the same list for what Next serves (checked by a test);
 * the per-request Content-Security-Policy of pages comes from proxy.ts.
 */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'strict-origin-when-cross-origin',
  'cross-origin-opener-policy': 'same-origin',
  'permissions-policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=()',
};

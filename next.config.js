/**
 * Headers on everything Next serves (pages, API, static files); the same list as
 * lib/http/security-headers.ts, which the front server's own answers use (a test checks they
 * agree). Pages also get a per-request Content-Security-Policy from proxy.ts.
 */
export const securityHeaders = {
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'strict-origin-when-cross-origin',
  'cross-origin-opener-policy': 'same-origin',
  'permissions-policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=()',
};

/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // Native / WASM packages stay outside the server bundle and load from node_modules.
  serverExternalPackages: ['@node-rs/argon2', 'pg', 'pg-boss', 'pino', 'prom-client'],
  // `npm test` type-checks everything (tsc) before it builds for e2e: the build need not do it again.
  typescript: { ignoreBuildErrors: process.env.PROMPTDECK_BUILD_TYPECHECKED === '1' },
  // forbidden(): pages a role may not open answer HTTP 403 (app/forbidden.tsx).
  experimental: { authInterrupts: true },
  async headers() {
    return [{ source: '/:path*', headers: Object.entries(securityHeaders).map(([key, value]) => ({ key, value })) }];
  },
};

export default nextConfig;

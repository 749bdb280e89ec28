/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // Native / WASM packages stay outside the server bundle and load from node_modules.
  serverExternalPackages: ['@node-rs/argon2', 'pg', '@electric-sql/pglite', '@electric-sql/pglite-socket'],
  typescript: { ignoreBuildErrors: false },
  // forbidden(): pages a role may not open answer HTTP 403 (app/forbidden.tsx).
  experimental: { authInterrupts: true },
};

export default nextConfig;

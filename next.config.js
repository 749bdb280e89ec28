/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // Native / WASM packages stay outside the server bundle and load from node_modules.
  serverExternalPackages: ['@node-rs/argon2', 'pg'],
  typescript: { ignoreBuildErrors: false },
};

export default nextConfig;

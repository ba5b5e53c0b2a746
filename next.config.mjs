/** @type {import('next').NextConfig} */
const nextConfig = {
  // a separate build folder lets the test suite build while `npm run dev` runs
  distDir: process.env.NEXT_DIST_DIR || '.next',
  poweredByHeader: false,
  reactStrictMode: true,
  serverExternalPackages: ['@node-rs/argon2', 'pg', '@electric-sql/pglite', '@aws-sdk/client-s3', 'busboy'],
  typedRoutes: false,
  experimental: {
    authInterrupts: true,
    serverActions: { bodySizeLimit: '6mb' },
  },
  async headers() {
    // HSTS only from a production server (`next start`): never pin a developer's localhost to https.
    // The Content-Security-Policy is per response (a nonce): proxy.ts.
    const hsts = process.env.NODE_ENV === 'production' ? [{ key: 'Strict-Transport-Security', value: 'max-age=63072000; includeSubDomains' }] : [];
    return [
      {
        source: '/:path*',
        headers: [
          { key: 'X-Content-Type-Options', value: 'nosniff' },
          { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
          { key: 'X-Frame-Options', value: 'DENY' },
          { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=()' },
          ...hsts,
        ],
      },
      {
        // JSON and private files are not pages: nothing there may run, load or be framed (this
        // header replaces the one a route sets: it is the same as lib/uploads/responses.ts's)
        source: '/api/:path*',
        headers: [{ key: 'Content-Security-Policy', value: "default-src 'none'; frame-ancestors 'none'; sandbox" }],
      },
    ];
  },
};

export default nextConfig;

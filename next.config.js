/** @type {import('next').NextConfig} */
const nextConfig = {
  // Native modules must be loaded by Node at run time, never bundled.
  serverExternalPackages: ["better-sqlite3", "@node-rs/argon2", "nodemailer"],
  poweredByHeader: false,
  async rewrites() {
    // The source contracts (moves, checkout) document paths without the /api prefix. The moves
    // contract's own paths have route files under app/v1 (faster than a rewrite); this rewrite
    // serves every other /v1 path.
    return [
      { source: "/v1/:path*", destination: "/api/v1/:path*" },
      // The OEM cart contract's paths. The source document writes them with a trailing slash:
      // Next answers that form with a 308 to the slash-less path, which keeps the method and body.
      { source: "/checkoutCart_oncreate_v2", destination: "/api/v1/checkout-carts" },
      { source: "/checkoutCart_oncreate", destination: "/api/v1/checkout-carts" },
    ];
  },
};

module.exports = nextConfig;

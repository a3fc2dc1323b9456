/** @type {import('next').NextConfig} */
const nextConfig = {
  // Native modules must be loaded by Node at run time, never bundled.
  serverExternalPackages: ["better-sqlite3", "@node-rs/argon2", "nodemailer"],
  poweredByHeader: false,
  async rewrites() {
    // The source contracts (moves, checkout) document paths without the /api prefix.
    return [
      { source: "/v1/:path*", destination: "/api/v1/:path*" },
      // The OEM cart contract's paths, with or without the trailing slash the source document shows.
      ...["/checkoutCart_oncreate_v2", "/checkoutCart_oncreate"].flatMap((source) => [
        { source, destination: "/api/v1/checkout-carts" },
        { source: `${source}/`, destination: "/api/v1/checkout-carts" },
      ]),
    ];
  },
};

module.exports = nextConfig;

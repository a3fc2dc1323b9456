/** @type {import('next').NextConfig} */
const nextConfig = {
  // Native modules must be loaded by Node at run time, never bundled.
  serverExternalPackages: ["better-sqlite3", "@node-rs/argon2", "nodemailer"],
  poweredByHeader: false,
  async rewrites() {
    // The source contracts (moves, checkout) document paths without the /api prefix. Their own
    // paths have route files (app/v1 for moves, app/checkoutCart_oncreate* for carts), faster than
    // a rewrite; this rewrite serves every other /v1 path.
    return [{ source: "/v1/:path*", destination: "/api/v1/:path*" }];
  },
};

module.exports = nextConfig;

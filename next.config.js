// Same list as STATIC_SECURITY_HEADERS in lib/security-headers.ts (the unit test keeps them equal);
// pages also get a per-request CSP from proxy.ts.
const STATIC_SECURITY_HEADERS = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "X-Frame-Options", value: "DENY" },
  {
    key: "Permissions-Policy",
    value: "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()",
  },
  { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
];

/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  // A self-contained server (.next/standalone/server.js) for the container image and CI's deploy
  // check; `npm run build` then copies in what it does not trace (scripts/assemble-standalone.mjs).
  output: "standalone",
  // Server-function arguments (API keys, passwords) must never reach the dev server's log.
  logging: { serverFunctions: false },
  // A KYC or dispute page is sent to a server action as base64: MANGOPAY takes files up to 7 MB
  // (about 9.4 MB once encoded), checked again by the action (lib/document-files.ts).
  experimental: { serverActions: { bodySizeLimit: "10mb" } },
  async headers() {
    return [{ source: "/:path*", headers: STATIC_SECURITY_HEADERS }];
  },
  // `npm run typecheck` checks the whole repository (app, emulator, tests) as its own CI step;
  // the build does not repeat it.
  typescript: { ignoreBuildErrors: true },
  // The emulator is a separate process; keep its sources out of the app's traced output.
  outputFileTracingExcludes: { "*": ["emulator/**", "tests/**", "bench/**"] },
};
export default nextConfig;

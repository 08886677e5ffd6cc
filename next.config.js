/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  // A self-contained server (.next/standalone/server.js) for the container image and CI's deploy
  // check; `npm run build` then copies in what it does not trace (scripts/assemble-standalone.mjs).
  output: "standalone",
  // `npm run typecheck` checks the whole repository (app, emulator, tests) as its own CI step;
  // the build does not repeat it.
  typescript: { ignoreBuildErrors: true },
  // The emulator is a separate process; keep its sources out of the app's traced output.
  outputFileTracingExcludes: { "*": ["emulator/**", "tests/**", "bench/**"] },
};
export default nextConfig;

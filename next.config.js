/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  // `npm run typecheck` checks the whole repository (app, emulator, tests) as its own CI step;
  // the build does not repeat it.
  typescript: { ignoreBuildErrors: true },
  // The emulator is a separate process; keep its sources out of the app's traced output.
  outputFileTracingExcludes: { "*": ["emulator/**", "tests/**", "bench/**"] },
};
export default nextConfig;

/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  // The emulator is a separate process; keep its sources out of the app bundle.
  outputFileTracingExcludes: { "*": ["emulator/**", "tests/**", "bench/**"] },
};
export default nextConfig;

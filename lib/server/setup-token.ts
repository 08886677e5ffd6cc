// The one-time token that guards /setup on a database without a Hub: SETUP_TOKEN from the
// environment, or a random one made at start and printed in the server log. Kept on globalThis so
// the instrumentation (which prints it) and the app bundle (which checks it) see the same value.
import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import { env } from "./env";

const KEY = Symbol.for("mangopay-dashboard.setup-token");
const g = globalThis as unknown as Record<symbol, string | undefined>;

/** The token this process accepts (created on first call unless SETUP_TOKEN is set). */
export function setupToken(): string {
  const fromEnv = env().SETUP_TOKEN;
  if (fromEnv) return fromEnv;
  return (g[KEY] ??= randomBytes(24).toString("base64url"));
}

/** Whether the setup token came from the environment (then it is never printed). */
export function setupTokenIsConfigured(): boolean {
  return Boolean(env().SETUP_TOKEN);
}

/** Constant-time comparison through fixed-length hashes. */
export function isSetupToken(candidate: string): boolean {
  const a = createHash("sha256").update(candidate).digest();
  const b = createHash("sha256").update(setupToken()).digest();
  return timingSafeEqual(a, b);
}

import "server-only";
import { z } from "zod";

// Every environment variable the app reads is parsed here, once. `npm run dev` writes dev values for
// AUTH_SECRET and ENCRYPTION_KEY into .env.local; production must set them explicitly.
const EnvSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//, "DATABASE_URL must be a postgresql:// URL"),
  DB_POOL_MAX: z.coerce.number().int().min(1).max(50).optional(),
  AUTH_SECRET: z.string().min(32, "AUTH_SECRET must be at least 32 characters"),
  NEXTAUTH_URL: z.url().optional(),
  // 32 random bytes, base64: the AES-256-GCM key for API keys and TOTP secrets at rest.
  ENCRYPTION_KEY: z
    .string()
    .refine((v) => Buffer.from(v, "base64").length === 32, "ENCRYPTION_KEY must be 32 bytes, base64-encoded"),
  SMTP_URL: z.string().optional(),
  SMTP_FROM: z.string().default("MANGOPAY Dashboard <no-reply@localhost>"),
  APP_URL: z.url().default("http://localhost:3000"),
  // Base URL of the local MANGOPAY emulator when it runs (dev, tests, demo).
  EMULATOR_URL: z.url().optional(),
});

export type Env = z.infer<typeof EnvSchema>;

let cached: Env | undefined;

export function env(): Env {
  if (cached) return cached;
  const parsed = EnvSchema.safeParse(process.env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`).join("\n");
    throw new Error(`Invalid environment configuration:\n${lines}`);
  }
  cached = parsed.data;
  return cached;
}

/** Cookies we set ourselves get `Secure` in production behind https (as next-auth's own do). */
export function secureCookies(): boolean {
  const { NODE_ENV, NEXTAUTH_URL } = env();
  return NODE_ENV === "production" && (NEXTAUTH_URL ?? "").startsWith("https:");
}

/**
 * The session-signing secret alone, for code that must not demand the whole configuration (the
 * proxy runs before any page and next-auth reads it at import time). `env()` still validates it.
 */
export function authSecret(): string | undefined {
  return process.env.AUTH_SECRET;
}

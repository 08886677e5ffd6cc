import "server-only";
import { z } from "zod";
import { parseTrustedProxies, type TrustedProxies } from "./client-ip";
import { parseKeyList } from "./key-ring";

// Every environment variable the app reads is parsed here, once. `npm run dev` writes dev values for
// AUTH_SECRET and ENCRYPTION_KEY into .env.local; production must set them explicitly.
const EnvSchema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//, "DATABASE_URL must be a postgresql:// URL"),
    DB_POOL_MAX: z.coerce.number().int().min(1).max(50).optional(),
    AUTH_SECRET: z.string().min(32, "AUTH_SECRET must be at least 32 characters"),
    NEXTAUTH_URL: z.url().optional(),
    // 32 random bytes, base64: the AES-256-GCM key for API keys and TOTP secrets at rest. Either this
    // single key or ENCRYPTION_KEYS (several, with ids, for rotation: see lib/server/key-ring.ts).
    ENCRYPTION_KEY: z
      .string()
      .refine((v) => Buffer.from(v, "base64").length === 32, "ENCRYPTION_KEY must be 32 bytes, base64-encoded")
      .optional(),
    ENCRYPTION_KEYS: z
      .string()
      .superRefine((v, ctx) => {
        const parsed = parseKeyList(v);
        if (!parsed.ok) ctx.addIssue({ code: "custom", message: parsed.error });
      })
      .optional(),
    SMTP_URL: z.string().optional(),
    SMTP_FROM: z.string().default("MANGOPAY Dashboard <no-reply@localhost>"),
    APP_URL: z.url().default("http://localhost:3000"),
    // Base URL of the local MANGOPAY emulator when it runs (dev, tests, demo).
    EMULATOR_URL: z.url().optional(),
    // Local emulation only: lets MANGOPAY calls reach private and loopback addresses (the emulator on
    // this machine). Off in production, where such a base URL is refused after DNS resolution.
    // Reverse proxies in front of the app: a hop count ("1") or their addresses/CIDRs
    // ("10.0.0.0/8,192.168.1.7"). Unset: X-Forwarded-For is ignored and the TCP peer is the client.
    TRUSTED_PROXIES: z
      .string()
      .optional()
      .refine((v) => {
        try {
          parseTrustedProxies(v);
          return true;
        } catch {
          return false;
        }
      }, "TRUSTED_PROXIES must be a hop count or a comma-separated list of IP addresses / CIDRs"),
    MANGOPAY_ALLOW_PRIVATE_HOSTS: z
      .enum(["true", "false", "1", "0", ""])
      .default("false")
      .transform((v) => v === "true" || v === "1"),
    // Operations (README "Deploy"): log verbosity, the first-run /setup token, migrations at start.
    LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
    SETUP_TOKEN: z.string().min(24, "SETUP_TOKEN must be at least 24 characters").optional(),
    MIGRATE_ON_START: z.enum(["true", "false"]).default("true"),
    // Background jobs (pg-boss in the app database, lib/server/jobs.ts): report schedules. Off: this
    // instance neither ticks schedules nor runs jobs (tests start their own queues).
    JOBS_ENABLED: z.enum(["true", "false"]).default("true"),
    // false: this instance enqueues jobs (webhook pings, report runs) but leaves running them to the
    // others (a receiver-only instance).
    JOBS_WORK: z.enum(["true", "false"]).default("true"),
    // pg-boss's own pool. The embedded PGlite multiplexes every socket onto one backend: 1–2 is enough.
    JOBS_POOL_MAX: z.coerce.number().int().min(1).max(20).default(2),
    // How often each instance looks for scheduled reports that are due (seconds).
    REPORT_SCHEDULE_TICK_SECONDS: z.coerce.number().int().min(5).max(3600).default(60),
    // Webhook pings accepted per API account and minute (429 beyond; MANGOPAY retries). 0: no cap.
    WEBHOOK_PINGS_PER_ACCOUNT_PER_MINUTE: z.coerce.number().int().min(0).max(1_000_000).default(600),
  })
  .refine((v) => v.ENCRYPTION_KEY || v.ENCRYPTION_KEYS, {
    path: ["ENCRYPTION_KEY"],
    message: "set ENCRYPTION_KEY (32 bytes, base64) or ENCRYPTION_KEYS (id:key,…)",
  });

export type Env = z.infer<typeof EnvSchema>;

let cached: Env | undefined;

export type SettingProblem = { variable: string; message: string };

// An empty variable counts as unset (compose files write `KEY: ${KEY:-}`).
const withoutEmpty = (source: NodeJS.ProcessEnv) =>
  Object.fromEntries(Object.entries(source).filter(([, v]) => v !== ""));

/** Every missing or invalid setting, by variable name (the server refuses to start on any). */
export function settingsProblems(source: NodeJS.ProcessEnv = process.env): SettingProblem[] {
  const parsed = EnvSchema.safeParse(withoutEmpty(source));
  const problems = parsed.success
    ? []
    : parsed.error.issues.map((i) => ({ variable: i.path.join(".") || "environment", message: i.message }));
  // Production has no safe default for its own public address (links in emails and in the setup log).
  if (source.NODE_ENV === "production" && !source.APP_URL)
    problems.push({
      variable: "APP_URL",
      message: "required in production (the public URL, e.g. https://dashboard.example.com)",
    });
  return problems;
}

/**
 * The log level, readable before the rest is validated (the logger reports invalid settings, so it
 * cannot depend on them): LOG_LEVEL when it is a level name, else "info".
 */
export function logLevelSetting(): Env["LOG_LEVEL"] {
  const parsed = EnvSchema.shape.LOG_LEVEL.safeParse(process.env.LOG_LEVEL || undefined);
  return parsed.success ? parsed.data : "info";
}

export function env(): Env {
  if (cached) return cached;
  const parsed = EnvSchema.safeParse(withoutEmpty(process.env));
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`).join("\n");
    throw new Error(`Invalid environment configuration:\n${lines}`);
  }
  cached = parsed.data;
  return cached;
}

/** The address policy every MANGOPAY client of this server uses. */
export function mangopayAddressPolicy(): { allowPrivateHosts: boolean } {
  return { allowPrivateHosts: env().MANGOPAY_ALLOW_PRIVATE_HOSTS };
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

let trusted: { raw: string | undefined; parsed: TrustedProxies } | undefined;

/** TRUSTED_PROXIES, parsed once (validated by `env()`). */
export function trustedProxies(): TrustedProxies {
  const raw = env().TRUSTED_PROXIES;
  if (!trusted || trusted.raw !== raw) trusted = { raw, parsed: parseTrustedProxies(raw) };
  return trusted.parsed;
}

/**
 * For proxy.ts, which runs before any page and must not demand the whole configuration: whether the
 * public URL is https (HSTS, upgrade-insecure-requests) and whether this is `next dev` (eval in CSP).
 */
export function proxySettings(): { https: boolean; dev: boolean } {
  return {
    https: (process.env.NEXTAUTH_URL ?? process.env.APP_URL ?? "").startsWith("https:"),
    dev: process.env.NODE_ENV === "development",
  };
}

/** Background job settings (lib/services/background.ts). */
export function jobSettings(): {
  enabled: boolean;
  work: boolean;
  connectionString: string;
  poolMax: number;
  tickSeconds: number;
} {
  const e = env();
  return {
    enabled: e.JOBS_ENABLED === "true",
    work: e.JOBS_WORK === "true",
    connectionString: e.DATABASE_URL,
    poolMax: e.JOBS_POOL_MAX,
    tickSeconds: e.REPORT_SCHEDULE_TICK_SECONDS,
  };
}

/** The receiver's per-account flood cap (pings a minute; 0: none). */
export function webhookPingCap(): number {
  return env().WEBHOOK_PINGS_PER_ACCOUNT_PER_MINUTE;
}

// The process's JSON logger (pino): one line per event on stdout, level from LOG_LEVEL. Secrets never
// reach it: callers log ids, never values, and these paths are censored as a second line of defence.
// Shared by the server (instrumentation.ts, pages) and the CLI scripts.
import pino from "pino";
import { logLevelSetting } from "./env";

export const REDACTED_PATHS = [
  "password",
  "*.password",
  "apiKey",
  "*.apiKey",
  "apiKeyEnc",
  "*.apiKeyEnc",
  "totpSecret",
  "*.totpSecret",
  "totpSecretEnc",
  "*.totpSecretEnc",
  "token",
  "*.token",
  "setupToken",
  "*.setupToken",
  "secret",
  "*.secret",
  "authorization",
  "*.authorization",
  "cookie",
  "*.cookie",
  "headers",
  "*.headers",
];

const g = globalThis as unknown as { __mpdLogger?: pino.Logger };

/** One instance per process (the instrumentation and the app bundles share it through globalThis). */
export const logger: pino.Logger =
  g.__mpdLogger ??
  (g.__mpdLogger = pino({
    level: logLevelSetting(),
    base: { service: "mangopay-dashboard" },
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label) => ({ level: label }) },
    redact: { paths: REDACTED_PATHS, censor: "[redacted]" },
  }));

const LONG_OPAQUE = /^[A-Za-z0-9_-]{32,}$/;

/**
 * A URL path safe to log: no query string (it may carry tokens) and single-use tokens in the path
 * (invite links, anything long and opaque) replaced by a placeholder.
 */
export function loggablePath(url: string): string {
  const pathOnly = url.split(/[?#]/)[0] ?? "/";
  const segments = pathOnly.split("/");
  return segments.map((seg, i) => (segments[i - 1] === "invite" || LONG_OPAQUE.test(seg) ? ":token" : seg)).join("/");
}

/** The API account a dashboard URL names (/accounts/<id>/…), for the request line. */
export function accountIdOfPath(pathname: string): string | null {
  const m = pathname.match(/^\/accounts\/([A-Za-z0-9_-]{1,64})(?:\/|$)/);
  return m?.[1] ?? null;
}

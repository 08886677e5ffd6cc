// When to try a call again and how long to wait. GETs are safe to repeat; POSTs only ever repeat
// with the same Idempotency-Key (so MANGOPAY refuses a duplicate); PUT/DELETE only when MANGOPAY
// told us it did not process them (429).
import type { RateLimitSnapshot } from "./rate-limits";

export interface RetryPolicy {
  /** Attempts per call, the first one included. */
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
  /** Per HTTP attempt (headers and body), enforced with AbortSignal.timeout. */
  attemptTimeoutMs: number;
  /** Whole call including retries, token fetch and idempotency recovery. */
  deadlineMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxAttempts: 4,
  baseDelayMs: 250,
  maxDelayMs: 4_000,
  attemptTimeoutMs: 10_000,
  deadlineMs: 25_000,
};

export type HttpMethod = "GET" | "POST" | "PUT" | "DELETE";

const TRANSIENT_STATUSES = new Set([500, 502, 503, 504]);

/** Whether an HTTP answer with this status may be retried for this method. */
export function isRetryableStatus(method: HttpMethod, status: number, hasIdempotencyKey: boolean): boolean {
  if (status === 429) return true; // not processed, whatever the method
  if (!TRANSIENT_STATUSES.has(status)) return false;
  if (method === "GET") return true;
  return method === "POST" && hasIdempotencyKey;
}

/**
 * Exponential backoff with "equal jitter": the n-th retry waits between half and all of
 * min(maxDelay, base·2^(n-1)), so concurrent callers spread out but never retry instantly.
 */
export function backoffDelayMs(retryNumber: number, policy: RetryPolicy, random: () => number = Math.random): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, retryNumber - 1));
  const half = ceiling / 2;
  return Math.round(half + random() * half);
}

/**
 * How long a 429 asks us to wait: `Retry-After` when sent, else the reset of the earliest
 * exhausted bucket. Null when nothing says (plain backoff applies).
 */
export function rateLimitWaitMs(
  retryAfter: string | null,
  snapshot: RateLimitSnapshot | null,
  nowMs: number,
): number | null {
  if (retryAfter !== null) {
    const seconds = Number(retryAfter);
    if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
    const at = Date.parse(retryAfter);
    if (Number.isFinite(at)) return Math.max(0, at - nowMs);
  }
  const exhausted = snapshot?.buckets.filter((b) => b.remaining <= 0 && b.resetAt.getTime() > nowMs) ?? [];
  if (exhausted.length === 0) return null;
  return Math.max(...exhausted.map((b) => b.resetAt.getTime() - nowMs));
}

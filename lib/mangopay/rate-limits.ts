// MANGOPAY sends four comma-separated values per rate-limit header, one per sliding bucket, in the
// order 15 min, 30 min, 60 min, 24 h (docs/mangopay-api.md §2.6). We keep the latest snapshot per account so
// the client can shed background reads before the quota runs dry (see README "Quota policy").

export const RATE_LIMIT_WINDOWS_MINUTES = [15, 30, 60, 1440] as const;
export type RateLimitWindow = (typeof RATE_LIMIT_WINDOWS_MINUTES)[number];

export interface RateLimitBucket {
  windowMinutes: RateLimitWindow;
  /** Calls made in the window (`X-RateLimit`), when sent. */
  made: number | null;
  /** Window size (`X-RateLimit-Limit`, or made + remaining). */
  limit: number | null;
  remaining: number;
  resetAt: Date;
}

export interface RateLimitSnapshot {
  buckets: RateLimitBucket[];
  observedAt: Date;
}

interface HeaderSource {
  get(name: string): string | null;
}

function parseList(value: string | null): number[] | null {
  if (value === null || value.trim() === "") return null;
  const parts = value.split(",").map((part) => Number(part.trim()));
  return parts.every((n) => Number.isFinite(n)) ? parts : null;
}

/** Parses the four buckets; returns null when the headers are absent or malformed. */
export function parseRateLimitHeaders(headers: HeaderSource, nowMs: number): RateLimitSnapshot | null {
  const remaining = parseList(headers.get("x-ratelimit-remaining"));
  const reset = parseList(headers.get("x-ratelimit-reset"));
  if (!remaining || !reset) return null;
  const made = parseList(headers.get("x-ratelimit"));
  const limit = parseList(headers.get("x-ratelimit-limit"));
  const buckets: RateLimitBucket[] = [];
  RATE_LIMIT_WINDOWS_MINUTES.forEach((windowMinutes, i) => {
    const left = remaining[i];
    const resetSeconds = reset[i];
    if (left === undefined || resetSeconds === undefined) return;
    const madeHere = made?.[i] ?? null;
    const limitHere = limit?.[i] ?? (madeHere !== null ? madeHere + left : null);
    buckets.push({
      windowMinutes,
      made: madeHere,
      limit: limitHere,
      remaining: left,
      resetAt: new Date(resetSeconds * 1000),
    });
  });
  if (buckets.length === 0) return null;
  return { buckets, observedAt: new Date(nowMs) };
}

export interface QuotaPolicy {
  /** Shed background reads when a bucket has at most this share of its limit left (min 1 call). */
  reserveRatio: number;
  /** Reserve used when the limit is unknown (only `Remaining` was sent). */
  reserveWhenLimitUnknown: number;
}

// 5 % of 2,300 keeps 115 calls per 15 minutes for people looking at pages and for money actions.
export const DEFAULT_QUOTA_POLICY: QuotaPolicy = { reserveRatio: 0.05, reserveWhenLimitUnknown: 115 };

function reserveFor(bucket: RateLimitBucket, policy: QuotaPolicy): number {
  if (bucket.limit === null) return policy.reserveWhenLimitUnknown;
  return Math.max(1, Math.ceil(bucket.limit * policy.reserveRatio));
}

/**
 * The bucket that forbids a background read right now, or null. A bucket whose reset time has
 * passed is stale (the window slid on) and never blocks.
 */
export function exhaustedBucket(
  snapshot: RateLimitSnapshot | null,
  nowMs: number,
  policy: QuotaPolicy = DEFAULT_QUOTA_POLICY,
): RateLimitBucket | null {
  if (!snapshot) return null;
  for (const bucket of snapshot.buckets) {
    if (bucket.resetAt.getTime() <= nowMs) continue;
    if (bucket.remaining <= reserveFor(bucket, policy)) return bucket;
  }
  return null;
}

/** Per-account store of the last snapshot; shared by every client built for the same account. */
export class RateLimitState {
  private snapshot: RateLimitSnapshot | null = null;

  update(next: RateLimitSnapshot | null): void {
    if (next) this.snapshot = next;
  }

  get current(): RateLimitSnapshot | null {
    return this.snapshot;
  }

  /** Remaining calls in the 15-minute bucket, for the call recorder. */
  get shortRemaining(): number | null {
    return this.snapshot?.buckets.find((b) => b.windowMinutes === 15)?.remaining ?? null;
  }
}

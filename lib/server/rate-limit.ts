import "server-only";

// In-memory sliding-window limiter. State lives in this Node.js process only: with several app
// instances each enforces its own window (the database lockout in authenticate.ts still holds across
// instances). Swap for a shared store (Redis, a table) before running more than one instance.

export type LimitCheck = { allowed: true } | { allowed: false; retryAfterMs: number };

export class SlidingWindowLimiter {
  private readonly hits = new Map<string, number[]>();

  constructor(
    readonly limit: number,
    readonly windowMs: number,
    private readonly maxKeys = 50_000,
  ) {}

  private recent(key: string, nowMs: number): number[] {
    const list = this.hits.get(key);
    if (!list) return [];
    const from = nowMs - this.windowMs;
    const kept = list.filter((t) => t > from);
    if (kept.length === 0) this.hits.delete(key);
    else if (kept.length !== list.length) this.hits.set(key, kept);
    return kept;
  }

  /** Whether one more event is allowed now; does not record anything. */
  check(key: string, nowMs = Date.now()): LimitCheck {
    const recent = this.recent(key, nowMs);
    if (recent.length < this.limit) return { allowed: true };
    const oldest = recent[recent.length - this.limit] ?? nowMs;
    return { allowed: false, retryAfterMs: Math.max(1, oldest + this.windowMs - nowMs) };
  }

  /** Records one event (e.g. a failed sign-in). */
  hit(key: string, nowMs = Date.now()): void {
    if (!this.hits.has(key) && this.hits.size >= this.maxKeys) this.prune(nowMs);
    const recent = this.recent(key, nowMs);
    recent.push(nowMs);
    this.hits.set(key, recent);
  }

  reset(key: string): void {
    this.hits.delete(key);
  }

  private prune(nowMs: number): void {
    for (const key of [...this.hits.keys()]) this.recent(key, nowMs);
    // Still full (a flood of distinct keys): drop the oldest keys rather than grow without bound.
    const overflow = this.hits.size - Math.floor(this.maxKeys * 0.9);
    if (overflow > 0) for (const key of [...this.hits.keys()].slice(0, overflow)) this.hits.delete(key);
  }
}

const FIFTEEN_MINUTES_MS = 15 * 60 * 1000;

/**
 * Failed sign-in attempts (wrong password, unknown email, wrong 2FA code), checked before any
 * password work. The lockout is per email AND client IP (5 in 15 minutes), identical for known and
 * unknown emails, so nobody elsewhere can lock a person out of their own sign-in. Per email (any IP)
 * and per IP (any email) the limits are higher: they cap distributed guessing and spraying; an office
 * NAT shares one IP. A successful sign-in clears its email's windows.
 */
function createSignInLimits() {
  return {
    byEmailAndIp: new SlidingWindowLimiter(5, FIFTEEN_MINUTES_MS),
    byIp: new SlidingWindowLimiter(50, FIFTEEN_MINUTES_MS),
    byEmail: new SlidingWindowLimiter(20, FIFTEEN_MINUTES_MS),
    /** Re-authentication inside the app (change password, disable 2FA), per user. */
    reauth: new SlidingWindowLimiter(5, FIFTEEN_MINUTES_MS),
  };
}

// On globalThis: Next.js may load this module once per bundle (route handler, server actions),
// and dev HMR re-evaluates it; one set of windows per process either way.
const g = globalThis as unknown as { __signInLimits?: ReturnType<typeof createSignInLimits> };
export const signInLimits = (g.__signInLimits ??= createSignInLimits());

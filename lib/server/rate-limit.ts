import "server-only";
import { db, type Db } from "./db";

// Sliding-window limiters whose state lives in the database (RateLimitWindow), so that every app
// instance behind a load balancer counts the same failures: one row per key holding the times of
// its latest hits (at most `limit` of them, all a window needs). A hit is one atomic
// INSERT … ON CONFLICT DO UPDATE that returns the row, so concurrent hits on several instances are
// all counted and each sees the count including its own. Rows are deleted once their window passed.

export type LimitCheck = { allowed: true } | { allowed: false; retryAfterMs: number };

/** The verdict for a key's hit times: at `limit` hits inside the window, wait until the oldest leaves it. */
export function windowCheck(hitsMs: readonly number[], nowMs: number, limit: number, windowMs: number): LimitCheck {
  const recent = hitsMs.filter((t) => t > nowMs - windowMs).sort((a, b) => a - b);
  if (recent.length < limit) return { allowed: true };
  const oldest = recent[recent.length - limit] ?? nowMs;
  return { allowed: false, retryAfterMs: Math.max(1, oldest + windowMs - nowMs) };
}

/** Expired rows deleted per hit: bounded work, and enough to outpace the creation of new keys. */
const PRUNE_BATCH = 50;

export class SharedWindowLimiter {
  constructor(
    /** Prefix of this limiter's keys (several limiters share the table). */
    readonly name: string,
    readonly limit: number,
    readonly windowMs: number,
  ) {}

  private rowKey(key: string): string {
    return `${this.name}:${key}`;
  }

  /** Whether one more event is allowed now; does not record anything. */
  async check(key: string, nowMs = Date.now(), via: Db = db): Promise<LimitCheck> {
    const rows = await via.$queryRaw<Array<{ hitsMs: Array<bigint | number | string> | null }>>`
      SELECT "hitsMs" FROM "RateLimitWindow" WHERE "key" = ${this.rowKey(key)}`;
    return windowCheck((rows[0]?.hitsMs ?? []).map(Number), nowMs, this.limit, this.windowMs);
  }

  /** Records one event (e.g. a failed sign-in); the verdict for the next one, this hit counted. */
  async hit(key: string, nowMs = Date.now(), via: Db = db): Promise<LimitCheck> {
    const from = nowMs - this.windowMs;
    const expiresAt = new Date(nowMs + this.windowMs);
    const rows = await via.$queryRaw<Array<{ hitsMs: Array<bigint | number | string> | null }>>`
      INSERT INTO "RateLimitWindow" AS w ("key", "hitsMs", "expiresAt")
      VALUES (${this.rowKey(key)}, ARRAY[${nowMs}::bigint], ${expiresAt})
      ON CONFLICT ("key") DO UPDATE SET
        "hitsMs" = ARRAY(
          SELECT h FROM unnest(COALESCE(w."hitsMs", '{}'::bigint[]) || ${nowMs}::bigint) AS h
          WHERE h > ${from}::bigint ORDER BY h DESC LIMIT ${this.limit}
        ),
        "expiresAt" = GREATEST(w."expiresAt", EXCLUDED."expiresAt")
      RETURNING "hitsMs"`;
    await via.$executeRaw`
      DELETE FROM "RateLimitWindow" WHERE "key" IN (
        SELECT "key" FROM "RateLimitWindow" WHERE "expiresAt" < ${new Date(nowMs)} LIMIT ${PRUNE_BATCH}
      )`;
    return windowCheck((rows[0]?.hitsMs ?? []).map(Number), nowMs, this.limit, this.windowMs);
  }

  async reset(key: string, via: Db = db): Promise<void> {
    await via.$executeRaw`DELETE FROM "RateLimitWindow" WHERE "key" = ${this.rowKey(key)}`;
  }
}

const FIFTEEN_MINUTES_MS = 15 * 60 * 1000;

/**
 * Failed sign-in attempts (wrong password, unknown email, wrong 2FA code), checked before any
 * password work. The lockout is per email AND client IP (5 in 15 minutes), identical for known and
 * unknown emails, so nobody elsewhere can lock a person out of their own sign-in. Per email (any IP)
 * and per IP (any email) the limits are higher: they cap distributed guessing and spraying; an office
 * NAT shares one IP. A successful sign-in clears its email's windows. Shared by every instance.
 */
export const signInLimits = {
  byEmailAndIp: new SharedWindowLimiter("signin.pair", 5, FIFTEEN_MINUTES_MS),
  byIp: new SharedWindowLimiter("signin.ip", 50, FIFTEEN_MINUTES_MS),
  byEmail: new SharedWindowLimiter("signin.email", 20, FIFTEEN_MINUTES_MS),
  /** Re-authentication inside the app (change password, disable 2FA), per user. */
  reauth: new SharedWindowLimiter("reauth", 5, FIFTEEN_MINUTES_MS),
  /** Wrong first-run setup tokens, per client IP. */
  setupToken: new SharedWindowLimiter("setup.token", 10, FIFTEEN_MINUTES_MS),
};

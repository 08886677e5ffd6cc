// Where the quota state of an API account lives, so that every process calling MANGOPAY with the
// same credentials sheds background reads together (README "Quota policy"). The ledger is the latest
// rate-limit headers MANGOPAY sent (whoever's call it answered) minus the background calls claimed
// since and still in flight: a background read is let through only while every live bucket keeps
// more than its reserve after it. The default store is this process's memory; the app injects a
// store in its database (lib/server/quota-store.ts) so that all its instances share one ledger.
import { randomUUID } from "node:crypto";
import type { RequestPriority } from "./http";
import {
  DEFAULT_QUOTA_POLICY,
  exhaustedBucket,
  type QuotaPolicy,
  type RateLimitBucket,
  type RateLimitSnapshot,
} from "./rate-limits";

/** A claim outlives a call that never reported back (a crashed process) by at most this long. */
export const CLAIM_LEASE_MS = 120_000;

export interface QuotaLedger {
  /** The latest headers, as plain JSON (the database store keeps them in a JSON column). */
  buckets: Array<Omit<RateLimitBucket, "resetAt"> & { resetAtMs: number }>;
  observedAtMs: number;
  /** Background calls let through and not answered yet: id → lease end. */
  claims: Record<string, number>;
}

export type QuotaClaim = { ok: true; claimId: string } | { ok: false; bucket: RateLimitBucket };

export interface QuotaStore {
  /** Reserves one background call for `key`, or names the bucket that forbids it. */
  claim(key: string, nowMs: number, policy?: QuotaPolicy): Promise<QuotaClaim>;
  /**
   * Takes in the headers of an answer (null: none) and ends the caller's claim, if any. A store may
   * record answers to interactive calls lazily while the quota is far from the reserve.
   */
  observe(
    key: string,
    snapshot: RateLimitSnapshot | null,
    claimId: string | null,
    nowMs: number,
    priority?: RequestPriority,
  ): Promise<void>;
  /**
   * The ledger's view for `key` as it stands (each bucket lowered by the calls claimed and still in
   * flight), without claiming or locking anything: what an `optional` read is gated on.
   */
  peek(key: string, nowMs: number): Promise<RateLimitSnapshot | null>;
}

export function emptyLedger(): QuotaLedger {
  return { buckets: [], observedAtMs: 0, claims: {} };
}

function liveClaims(ledger: QuotaLedger, nowMs: number): Record<string, number> {
  return Object.fromEntries(Object.entries(ledger.claims).filter(([, until]) => until > nowMs));
}

/** The ledger's view as a snapshot, each bucket lowered by the calls claimed and still in flight. */
export function effectiveSnapshot(ledger: QuotaLedger, nowMs: number): RateLimitSnapshot | null {
  if (ledger.buckets.length === 0) return null;
  const inFlight = Object.keys(liveClaims(ledger, nowMs)).length;
  return {
    observedAt: new Date(ledger.observedAtMs),
    buckets: ledger.buckets.map(({ resetAtMs, ...b }) => ({
      ...b,
      remaining: Math.max(0, b.remaining - inFlight),
      resetAt: new Date(resetAtMs),
    })),
  };
}

/** Pure step of `claim`: the new ledger and the answer. */
export function claimOn(
  ledger: QuotaLedger,
  nowMs: number,
  policy: QuotaPolicy = DEFAULT_QUOTA_POLICY,
  claimId: string = randomUUID(),
): { ledger: QuotaLedger; claim: QuotaClaim } {
  const claims = liveClaims(ledger, nowMs);
  const bucket = exhaustedBucket(effectiveSnapshot({ ...ledger, claims }, nowMs), nowMs, policy);
  if (bucket) return { ledger: { ...ledger, claims }, claim: { ok: false, bucket } };
  return {
    ledger: { ...ledger, claims: { ...claims, [claimId]: nowMs + CLAIM_LEASE_MS } },
    claim: { ok: true, claimId },
  };
}

/**
 * One bucket's newest count. Answers can arrive in another order than MANGOPAY counted their calls
 * (two instances, latency), so the order is MANGOPAY's own: a bucket's reset time moves on with the
 * server's clock, a later reset is a later count. Within one reset second the count only grows, so
 * the lower remaining is the newer one; taking it never lets a late answer hand back a spent call.
 */
function newerBucket(
  old: QuotaLedger["buckets"][number] | undefined,
  next: QuotaLedger["buckets"][number],
): QuotaLedger["buckets"][number] {
  if (!old || next.resetAtMs > old.resetAtMs) return next;
  if (next.resetAtMs < old.resetAtMs) return old;
  return next.remaining <= old.remaining ? next : old;
}

/** Pure step of `observe`: each bucket keeps its newest count in MANGOPAY's order (`newerBucket`). */
export function observeOn(
  ledger: QuotaLedger,
  snapshot: RateLimitSnapshot | null,
  claimId: string | null,
  nowMs: number,
): QuotaLedger {
  const claims = liveClaims(ledger, nowMs);
  if (claimId) delete claims[claimId];
  if (!snapshot) return { ...ledger, claims };
  return {
    buckets: snapshot.buckets.map(({ resetAt, ...b }) =>
      newerBucket(
        ledger.buckets.find((o) => o.windowMinutes === b.windowMinutes),
        { ...b, resetAtMs: resetAt.getTime() },
      ),
    ),
    observedAtMs: Math.max(ledger.observedAtMs, snapshot.observedAt.getTime()),
    claims,
  };
}

/** One process's ledgers (the default: enough for one app instance, the emulator and the bench). */
export class MemoryQuotaStore implements QuotaStore {
  private readonly ledgers = new Map<string, QuotaLedger>();

  async claim(key: string, nowMs: number, policy?: QuotaPolicy): Promise<QuotaClaim> {
    const { ledger, claim } = claimOn(this.ledgers.get(key) ?? emptyLedger(), nowMs, policy);
    this.ledgers.set(key, ledger);
    return claim;
  }

  async observe(key: string, snapshot: RateLimitSnapshot | null, claimId: string | null, nowMs: number) {
    this.ledgers.set(key, observeOn(this.ledgers.get(key) ?? emptyLedger(), snapshot, claimId, nowMs));
  }

  async peek(key: string, nowMs: number): Promise<RateLimitSnapshot | null> {
    return effectiveSnapshot(this.ledgers.get(key) ?? emptyLedger(), nowMs);
  }
}

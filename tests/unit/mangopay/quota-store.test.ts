/** @jest-environment node */
import { CLAIM_LEASE_MS, MemoryQuotaStore, claimOn, emptyLedger, observeOn } from "@/lib/mangopay/quota-store";
import type { RateLimitSnapshot } from "@/lib/mangopay/rate-limits";

const T = 1_800_000_000_000;
const snapshot = (remaining: number, atMs = T, limit = 100): RateLimitSnapshot => ({
  observedAt: new Date(atMs),
  buckets: [{ windowMinutes: 15, made: limit - remaining, limit, remaining, resetAt: new Date(atMs + 900_000) }],
});

describe("quota ledger", () => {
  it("lets background calls through until the calls in flight would leave only the reserve", () => {
    // limit 100 → reserve 5; 8 remaining → 3 claims (8-3 = 5 is at the reserve and refused).
    let ledger = observeOn(emptyLedger(), snapshot(8), null, T);
    const answers = [];
    for (let i = 0; i < 5; i += 1) {
      const step = claimOn(ledger, T + i, undefined, `c${i}`);
      ledger = step.ledger;
      answers.push(step.claim.ok);
    }
    expect(answers).toEqual([true, true, true, false, false]);
    const refused = claimOn(ledger, T + 10, undefined, "x").claim;
    expect(refused).toMatchObject({ ok: false, bucket: { windowMinutes: 15, remaining: 5 } });
  });

  it("frees a claim when its call ends, and takes newer headers only", () => {
    let ledger = observeOn(emptyLedger(), snapshot(7, T + 100), null, T);
    ledger = claimOn(ledger, T, undefined, "a").ledger;
    ledger = claimOn(ledger, T, undefined, "b").ledger;
    expect(claimOn(ledger, T, undefined, "c").claim.ok).toBe(false);
    // An older answer arriving late changes nothing but the claim it ends.
    ledger = observeOn(ledger, snapshot(50, T), "a", T + 1);
    expect(ledger.buckets[0]?.remaining).toBe(7);
    expect(Object.keys(ledger.claims)).toEqual(["b"]);
    expect(claimOn(ledger, T + 2, undefined, "c").claim.ok).toBe(true);
  });

  it("orders answers by MANGOPAY's count, not by their arrival: a late answer cannot hand back a spent call", () => {
    // Two calls counted in the same second (reset T+900 s): the first left 6, the second 5. The
    // second's answer arrives first; the first's arrives later, by this process's clock.
    let ledger = observeOn(emptyLedger(), snapshot(5, T), null, T + 40);
    ledger = observeOn(ledger, { ...snapshot(6, T), observedAt: new Date(T + 90) }, null, T + 90);
    expect(ledger.buckets[0]?.remaining).toBe(5);
    expect(claimOn(ledger, T + 100, undefined, "next").claim.ok).toBe(false);
    // A count from a later second is newer even with more left (the sliding window moved on)…
    ledger = observeOn(ledger, snapshot(40, T + 60_000), null, T + 60_000);
    expect(ledger.buckets[0]?.remaining).toBe(40);
    // …and one from an earlier second, arriving after it, is ignored.
    ledger = observeOn(ledger, { ...snapshot(3, T + 1_000), observedAt: new Date(T + 61_000) }, null, T + 61_000);
    expect(ledger.buckets[0]?.remaining).toBe(40);
    expect(ledger.observedAtMs).toBe(T + 61_000);
  });

  it("forgets claims of calls that never reported back once their lease ends", () => {
    let ledger = observeOn(emptyLedger(), snapshot(6), null, T);
    ledger = claimOn(ledger, T, undefined, "lost").ledger;
    expect(claimOn(ledger, T + 1, undefined, "next").claim.ok).toBe(false);
    expect(claimOn(ledger, T + CLAIM_LEASE_MS + 1, undefined, "next").claim.ok).toBe(true);
  });

  it("never blocks on a bucket whose reset has passed, nor before any headers were seen", () => {
    const ledger = observeOn(emptyLedger(), snapshot(0), null, T);
    expect(claimOn(ledger, T + 900_001).claim.ok).toBe(true);
    expect(claimOn(emptyLedger(), T).claim.ok).toBe(true);
  });

  it("MemoryQuotaStore keeps one ledger per credentials key", async () => {
    const store = new MemoryQuotaStore();
    await store.observe("a", snapshot(5), null, T);
    expect((await store.claim("a", T)).ok).toBe(false);
    expect((await store.claim("b", T)).ok).toBe(true);
  });
});

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

/** @jest-environment node */
import { SlidingWindowLimiter } from "@/lib/server/rate-limit";

describe("SlidingWindowLimiter", () => {
  it("allows up to the limit inside the window, then refuses with the wait until the oldest hit expires", () => {
    const limiter = new SlidingWindowLimiter(3, 60_000);
    const t = 1_000_000;
    limiter.hit("k", t);
    limiter.hit("k", t + 10_000);
    expect(limiter.check("k", t + 20_000)).toEqual({ allowed: true });
    limiter.hit("k", t + 20_000);
    expect(limiter.check("k", t + 30_000)).toEqual({ allowed: false, retryAfterMs: 30_000 });
  });

  it("slides: each hit leaves the window on its own, not all at once", () => {
    const limiter = new SlidingWindowLimiter(2, 60_000);
    const t = 5_000_000;
    limiter.hit("k", t);
    limiter.hit("k", t + 40_000);
    expect(limiter.check("k", t + 59_999).allowed).toBe(false);
    expect(limiter.check("k", t + 60_000)).toEqual({ allowed: true }); // the first hit left
    limiter.hit("k", t + 60_000);
    expect(limiter.check("k", t + 99_999)).toEqual({ allowed: false, retryAfterMs: 1 });
    expect(limiter.check("k", t + 100_000)).toEqual({ allowed: true });
  });

  it("keeps keys apart and forgets a key on reset", () => {
    const limiter = new SlidingWindowLimiter(1, 60_000);
    limiter.hit("ip:1.2.3.4", 0);
    expect(limiter.check("ip:1.2.3.4", 1).allowed).toBe(false);
    expect(limiter.check("ip:5.6.7.8", 1).allowed).toBe(true);
    limiter.reset("ip:1.2.3.4");
    expect(limiter.check("ip:1.2.3.4", 1).allowed).toBe(true);
  });

  it("stays bounded under a flood of distinct keys", () => {
    const limiter = new SlidingWindowLimiter(1, 60_000, 100);
    for (let i = 0; i < 1_000; i += 1) limiter.hit(`email:${i}@x.test`, i);
    expect(limiter.check("email:999@x.test", 1_000).allowed).toBe(false);
    expect((limiter as unknown as { hits: Map<string, number[]> }).hits.size).toBeLessThanOrEqual(100);
  });
});

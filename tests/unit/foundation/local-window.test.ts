import { LocalWindowCounter } from "@/lib/server/local-window";

describe("LocalWindowCounter", () => {
  const t0 = 1_800_000_000_000;

  it("allows `limit` events a window per key, then answers when the oldest leaves the window", () => {
    const counter = new LocalWindowCounter(() => 3, 60_000);
    expect([0, 1, 2].map((i) => counter.hit("a", t0 + i * 10_000).allowed)).toEqual([true, true, true]);
    expect(counter.hit("a", t0 + 30_000)).toEqual({ allowed: false, retryAfterMs: 30_000 });
    // Another key has its own window.
    expect(counter.hit("b", t0 + 30_000).allowed).toBe(true);
    // The first event left the window: one more is allowed, not two.
    expect(counter.hit("a", t0 + 60_000).allowed).toBe(true);
    expect(counter.hit("a", t0 + 60_500).allowed).toBe(false);
  });

  it("forgets everything after a whole quiet window", () => {
    const counter = new LocalWindowCounter(() => 2, 60_000);
    counter.hit("a", t0);
    counter.hit("a", t0 + 1);
    expect(counter.hit("a", t0 + 2).allowed).toBe(false);
    expect(counter.hit("a", t0 + 10 * 60_000).allowed).toBe(true);
    expect(counter.hit("a", t0 + 10 * 60_000).allowed).toBe(true);
    expect(counter.hit("a", t0 + 10 * 60_000).allowed).toBe(false);
  });

  it("has no cap at 0, and reads the limit on each hit", () => {
    let limit = 0;
    const counter = new LocalWindowCounter(() => limit, 60_000);
    for (let i = 0; i < 1000; i++) expect(counter.hit("a", t0).allowed).toBe(true);
    limit = 1;
    expect(counter.hit("a", t0).allowed).toBe(true);
    expect(counter.hit("a", t0).allowed).toBe(false);
  });
});

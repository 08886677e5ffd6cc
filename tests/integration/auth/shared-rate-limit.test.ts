/** @jest-environment node */
import { randomUUID } from "node:crypto";
import { db } from "@/lib/server/db";
import { SharedWindowLimiter, windowCheck } from "@/lib/server/rate-limit";

// The limiter every app instance shares: its state is in the database, so these run on it. Each
// test uses its own limiter name; times start at "now" so other tests' pruning leaves them alone.
const limiter = (limit: number, windowMs = 60_000) => new SharedWindowLimiter(`test.${randomUUID()}`, limit, windowMs);

describe("SharedWindowLimiter (database)", () => {
  it("allows up to the limit inside the window, then refuses with the wait until the oldest hit expires", async () => {
    const l = limiter(3);
    const t = Date.now();
    await l.hit("k", t);
    await l.hit("k", t + 10_000);
    expect(await l.check("k", t + 20_000)).toEqual({ allowed: true });
    expect(await l.hit("k", t + 20_000)).toEqual({ allowed: false, retryAfterMs: 40_000 });
    expect(await l.check("k", t + 30_000)).toEqual({ allowed: false, retryAfterMs: 30_000 });
  });

  it("slides: each hit leaves the window on its own, not all at once", async () => {
    const l = limiter(2);
    const t = Date.now();
    await l.hit("k", t);
    await l.hit("k", t + 40_000);
    expect((await l.check("k", t + 59_999)).allowed).toBe(false);
    expect(await l.check("k", t + 60_000)).toEqual({ allowed: true }); // the first hit left
    await l.hit("k", t + 60_000);
    expect(await l.check("k", t + 99_999)).toEqual({ allowed: false, retryAfterMs: 1 });
    expect(await l.check("k", t + 100_000)).toEqual({ allowed: true });
  });

  it("keeps keys and limiters apart and forgets a key on reset", async () => {
    const l = limiter(1);
    const other = limiter(1);
    const t = Date.now();
    await l.hit("ip:1.2.3.4", t);
    expect((await l.check("ip:1.2.3.4", t + 1)).allowed).toBe(false);
    expect((await l.check("ip:5.6.7.8", t + 1)).allowed).toBe(true);
    expect((await other.check("ip:1.2.3.4", t + 1)).allowed).toBe(true);
    await l.reset("ip:1.2.3.4");
    expect((await l.check("ip:1.2.3.4", t + 1)).allowed).toBe(true);
  });

  it("counts every one of many concurrent hits (as from several instances) and keeps at most `limit` per key", async () => {
    const l = limiter(5);
    const t = Date.now();
    const verdicts = await Promise.all(Array.from({ length: 12 }, (_, i) => l.hit("k", t + i)));
    // Each hit saw the ones committed before it: the first four leave room, all later ones lock.
    expect(verdicts.filter((v) => v.allowed)).toHaveLength(4);
    expect((await l.check("k", t + 20)).allowed).toBe(false);
    const rows = await db.$queryRaw<Array<{ n: number }>>`
      SELECT cardinality("hitsMs") AS n FROM "RateLimitWindow" WHERE "key" = ${`${l.name}:k`}`;
    expect(rows).toEqual([{ n: 5 }]);
  });

  it("deletes rows whose window has passed as new hits arrive", async () => {
    const l = limiter(3, 1_000);
    const t = Date.now() - 10_000;
    await l.hit("old", t);
    await l.hit("new", Date.now());
    const rows = await db.$queryRaw<Array<{ key: string }>>`
      SELECT "key" FROM "RateLimitWindow" WHERE "key" LIKE ${`${l.name}:%`} ORDER BY "key"`;
    expect(rows.map((r) => r.key)).toEqual([`${l.name}:new`]);
  });
});

describe("windowCheck", () => {
  it("ignores hits outside the window and their order", () => {
    expect(windowCheck([5, 1, 3], 10, 3, 100)).toEqual({ allowed: false, retryAfterMs: 91 });
    expect(windowCheck([5, 1, 3], 102, 3, 100)).toEqual({ allowed: true });
  });
});

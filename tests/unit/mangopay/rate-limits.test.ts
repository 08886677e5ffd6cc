/** @jest-environment node */
import { QuotaProtectionError } from "@/lib/mangopay/errors";
import { exhaustedBucket, parseRateLimitHeaders } from "@/lib/mangopay/rate-limits";
import { accountStateKey } from "@/lib/mangopay/account-state";
import { createMangopayClient } from "@/lib/mangopay/client";
import { MemoryQuotaStore } from "@/lib/mangopay/quota-store";
import { MemoryCallRecorder } from "@/lib/mangopay/recorder";
import { fakeApi, fakeClock, json, makeClient } from "./fake-api";

const NOW = 1_715_240_160_000; // 2024-05-09, 15 min before the first reset below

function headers(values: Record<string, string>) {
  return new Headers(values);
}

describe("rate-limit headers", () => {
  it("parses the four comma-separated buckets in the order 15 min, 30 min, 60 min, 24 h", () => {
    const snapshot = parseRateLimitHeaders(
      headers({
        "X-RateLimit": "10, 20, 30, 40",
        "X-RateLimit-Remaining": "2290, 4480, 8770, 105560",
        "X-RateLimit-Reset": "1715241060, 1715241960, 1715243760, 1715326500",
      }),
      NOW,
    );
    expect(
      snapshot?.buckets.map((b) => [b.windowMinutes, b.made, b.limit, b.remaining, b.resetAt.getTime() / 1000]),
    ).toEqual([
      [15, 10, 2300, 2290, 1715241060],
      [30, 20, 4500, 4480, 1715241960],
      [60, 30, 8800, 8770, 1715243760],
      [1440, 40, 105600, 105560, 1715326500],
    ]);
    expect(snapshot?.observedAt.getTime()).toBe(NOW);
  });

  it("prefers X-RateLimit-Limit when sent and tolerates missing spaces", () => {
    const snapshot = parseRateLimitHeaders(
      headers({
        "X-RateLimit-Limit": "100,200,300,400",
        "X-RateLimit-Remaining": "1,2,3,4",
        "X-RateLimit-Reset": "1,2,3,4",
      }),
      NOW,
    );
    expect(snapshot?.buckets.map((b) => b.limit)).toEqual([100, 200, 300, 400]);
    expect(snapshot?.buckets[0].made).toBeNull();
  });

  it("ignores absent or malformed headers", () => {
    expect(parseRateLimitHeaders(headers({}), NOW)).toBeNull();
    expect(
      parseRateLimitHeaders(headers({ "X-RateLimit-Remaining": "a,b", "X-RateLimit-Reset": "1,2" }), NOW),
    ).toBeNull();
  });

  it("names the nearly empty bucket and ignores buckets whose reset has passed", () => {
    const reset = (offsetS: number) => String(NOW / 1000 + offsetS);
    const low = parseRateLimitHeaders(
      headers({
        "X-RateLimit": "2200, 2200, 2200, 2200",
        "X-RateLimit-Remaining": "100, 2300, 6600, 103400",
        "X-RateLimit-Reset": [reset(60), reset(120), reset(180), reset(240)].join(","),
      }),
      NOW,
    );
    expect(exhaustedBucket(low, NOW)?.windowMinutes).toBe(15);
    expect(exhaustedBucket(low, NOW + 61_000)).toBeNull();
    const healthy = parseRateLimitHeaders(
      headers({
        "X-RateLimit": "1,1,1,1",
        "X-RateLimit-Remaining": "2299, 4499, 8799, 105599",
        "X-RateLimit-Reset": "9999999999,9999999999,9999999999,9999999999",
      }),
      NOW,
    );
    expect(exhaustedBucket(healthy, NOW)).toBeNull();
  });
});

describe("quota protection", () => {
  function rateHeaders(remaining15: number, nowMs: number) {
    const reset = Math.floor(nowMs / 1000) + 600;
    return {
      "X-RateLimit": `${2300 - remaining15}, 2300, 2300, 2300`,
      "X-RateLimit-Remaining": `${remaining15}, 2200, 6500, 103300`,
      "X-RateLimit-Reset": `${reset}, ${reset + 900}, ${reset + 2700}, ${reset + 86000}`,
    };
  }

  it("keeps the latest snapshot per account and records the 15-minute remaining count", async () => {
    const api = fakeApi();
    const { client, clock, recorder } = makeClient(api);
    api.on("GET", /^\/clients$/, () => json(200, {}, rateHeaders(2000, clock.t)));
    await client.request({ method: "GET", path: "/clients" });
    expect(client.rateLimits()?.buckets[0].remaining).toBe(2000);
    expect(recorder.list({ pathTemplate: "/clients" })[0].rateLimitRemaining).toBe(2000);
  });

  it("sheds background reads with QuotaProtectionError when the 15-minute bucket is nearly empty", async () => {
    const api = fakeApi();
    const { client, clock, recorder } = makeClient(api);
    api.on("GET", /^\/clients$/, () => json(200, {}, rateHeaders(50, clock.t)));
    await client.request({ method: "GET", path: "/clients" });
    const before = api.apiCalls().length;
    const error = await client
      .request({ method: "GET", path: "/clients", priority: "background" })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(QuotaProtectionError);
    expect((error as QuotaProtectionError).bucket).toMatchObject({ windowMinutes: 15, remaining: 50 });
    expect(api.apiCalls().length).toBe(before);
    expect(recorder.list({ outcome: "shed" })).toHaveLength(1);
    expect(recorder.countUpstream({ pathTemplate: "/clients" })).toBe(1);
  });

  it("still serves interactive reads and writes when background reads are shed", async () => {
    const api = fakeApi();
    const { client, clock } = makeClient(api);
    api.on("GET", /^\/clients$/, () => json(200, {}, rateHeaders(50, clock.t)));
    api.on("POST", /^\/hooks$/, () => json(200, {}, rateHeaders(49, clock.t)));
    await client.request({ method: "GET", path: "/clients" });
    await expect(client.request({ method: "GET", path: "/clients" })).resolves.toMatchObject({ status: 200 });
    await expect(
      client.request({ method: "POST", path: "/hooks", body: {}, priority: "background" }),
    ).resolves.toMatchObject({ status: 200 });
  });

  it("lets background reads through again once the bucket's reset time has passed", async () => {
    const api = fakeApi();
    const { client, clock } = makeClient(api);
    api.on("GET", /^\/clients$/, () => json(200, {}, rateHeaders(50, clock.t)));
    await client.request({ method: "GET", path: "/clients" });
    clock.t += 601_000;
    await expect(client.request({ method: "GET", path: "/clients", priority: "background" })).resolves.toMatchObject({
      status: 200,
    });
  });

  it("sheds optional reads on the shared ledger's view, background claims in flight included, and claims nothing", async () => {
    const api = fakeApi();
    const store = new MemoryQuotaStore();
    const claims = jest.spyOn(store, "claim");
    const { client, clock, recorder } = makeClient(api, { quotaStore: store });
    const key = accountStateKey("https://api.example.test", "demo", "secret-key");
    // 117 left: the reserve is 115 (5 % of 2,300), so one call in flight leaves room, two do not.
    api.on("GET", /^\/clients$/, () => json(200, {}, rateHeaders(117, clock.t)));
    await client.request({ method: "GET", path: "/clients" });
    const other = await store.claim(key, clock.t); // another instance's background read, in flight
    expect(other.ok).toBe(true);
    await expect(client.request({ method: "GET", path: "/clients", priority: "optional" })).resolves.toMatchObject({
      status: 200,
    });
    expect((await store.peek(key, clock.t))?.buckets[0]?.remaining).toBe(116);
    expect(claims).toHaveBeenCalledTimes(1); // the other instance's only
    await store.claim(key, clock.t);
    const before = api.apiCalls().length;
    const error = await client
      .request({ method: "GET", path: "/clients", priority: "optional" })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(QuotaProtectionError);
    expect((error as QuotaProtectionError).bucket).toMatchObject({ windowMinutes: 15, remaining: 115 });
    expect(api.apiCalls().length).toBe(before);
    expect(recorder.list({ outcome: "shed" })).toHaveLength(1);
    // Interactive reads still go through.
    await expect(client.request({ method: "GET", path: "/clients" })).resolves.toMatchObject({ status: 200 });
  });

  it("gates optional reads on this process's view when the shared ledger cannot be read", async () => {
    const api = fakeApi();
    const store = new MemoryQuotaStore();
    jest.spyOn(store, "peek").mockRejectedValue(new Error("database down"));
    const { client, clock } = makeClient(api, { quotaStore: store });
    let remaining = 2000;
    api.on("GET", /^\/clients$/, () => json(200, {}, rateHeaders(remaining, clock.t)));
    await client.request({ method: "GET", path: "/clients" });
    await expect(client.request({ method: "GET", path: "/clients", priority: "optional" })).resolves.toMatchObject({
      status: 200,
    });
    remaining = 50;
    await client.request({ method: "GET", path: "/clients" });
    await expect(client.request({ method: "GET", path: "/clients", priority: "optional" })).rejects.toBeInstanceOf(
      QuotaProtectionError,
    );
  });

  it("shares token and quota view between clients built for the same account", async () => {
    const api = fakeApi();
    const clock = fakeClock();
    api.on("GET", /^\/clients$/, () => json(200, {}, rateHeaders(10, clock.t)));
    const config = { clientId: "shared", apiKey: "k1", baseUrl: "https://shared.example.test" };
    const deps = { fetch: api.fetch, now: clock.now, sleep: clock.sleep, recorder: new MemoryCallRecorder() };
    await createMangopayClient(config, deps).request({ method: "GET", path: "/clients" });
    const again = createMangopayClient(config, deps);
    expect(again.rateLimits()?.buckets[0].remaining).toBe(10);
    await again.request({ method: "GET", path: "/clients" });
    expect(api.tokenCalls()).toHaveLength(1);
    expect(createMangopayClient({ ...config, apiKey: "k2" }, deps).rateLimits()).toBeNull();
  });
});

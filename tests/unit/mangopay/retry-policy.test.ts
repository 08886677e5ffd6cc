/** @jest-environment node */
import {
  IdempotencyConflictError,
  NetworkError,
  OutcomeUnknownError,
  TimeoutError,
  UpstreamError,
} from "@/lib/mangopay/errors";
import { backoffDelayMs, DEFAULT_RETRY_POLICY, isRetryableStatus, rateLimitWaitMs } from "@/lib/mangopay/retry-policy";
import { errorBody, fakeApi, hang, json, makeClient } from "./fake-api";

const unavailable = () => json(503, errorBody("other", "Service unavailable"));

describe("backoff", () => {
  it("keeps every delay between half and all of min(max, base·2^(n-1))", () => {
    const policy = { ...DEFAULT_RETRY_POLICY, baseDelayMs: 100, maxDelayMs: 1000 };
    for (let n = 1; n <= 8; n += 1) {
      const ceiling = Math.min(1000, 100 * 2 ** (n - 1));
      for (const r of [0, 0.25, 0.5, 0.999, 1]) {
        const delay = backoffDelayMs(n, policy, () => r);
        expect(delay).toBeGreaterThanOrEqual(ceiling / 2);
        expect(delay).toBeLessThanOrEqual(ceiling);
      }
    }
  });

  it("spreads concurrent retries with jitter", () => {
    const delays = new Set(Array.from({ length: 50 }, () => backoffDelayMs(3, DEFAULT_RETRY_POLICY)));
    expect(delays.size).toBeGreaterThan(10);
  });

  it("retries GETs on 5xx/429, keyed POSTs on 5xx/429, PUT/DELETE only on 429, never on 4xx", () => {
    expect(isRetryableStatus("GET", 503, false)).toBe(true);
    expect(isRetryableStatus("GET", 429, false)).toBe(true);
    expect(isRetryableStatus("GET", 404, false)).toBe(false);
    expect(isRetryableStatus("POST", 502, true)).toBe(true);
    expect(isRetryableStatus("POST", 502, false)).toBe(false);
    expect(isRetryableStatus("PUT", 503, false)).toBe(false);
    expect(isRetryableStatus("PUT", 429, false)).toBe(true);
    expect(isRetryableStatus("POST", 400, true)).toBe(false);
  });

  it("reads a 429 wait from Retry-After, else from the latest reset among exhausted buckets", () => {
    const now = 1_700_000_000_000;
    expect(rateLimitWaitMs("2", null, now)).toBe(2000);
    const snapshot = {
      observedAt: new Date(now),
      buckets: [
        { windowMinutes: 15 as const, made: 10, limit: 10, remaining: 0, resetAt: new Date(now + 3000) },
        { windowMinutes: 30 as const, made: 10, limit: 20, remaining: 10, resetAt: new Date(now + 9000) },
      ],
    };
    expect(rateLimitWaitMs(null, snapshot, now)).toBe(3000);
    expect(rateLimitWaitMs(null, { ...snapshot, buckets: [snapshot.buckets[1]] }, now)).toBeNull();
  });
});

describe("retry loop", () => {
  it("retries a GET on 503 and succeeds within the deadline", async () => {
    const api = fakeApi();
    let failures = 2;
    api.on("GET", /^\/users\/u1$/, () => (failures-- > 0 ? unavailable() : json(200, { Id: "u1" })));
    const { client, clock, recorder } = makeClient(api);
    const response = await client.request({ method: "GET", path: "/users/{id}", params: { id: "u1" } });
    expect(response.attempts).toBe(3);
    expect(clock.sleeps).toHaveLength(2);
    expect(
      recorder
        .list()
        .filter((c) => c.pathTemplate === "/users/{id}")
        .map((c) => c.attempt),
    ).toEqual([1, 2, 3]);
  });

  it("stops retrying a failing GET at the total deadline and throws the last upstream error", async () => {
    const api = fakeApi();
    api.on("GET", /^\/users\/u1$/, unavailable);
    const { client, clock } = makeClient(api, {
      retry: { maxAttempts: 50, baseDelayMs: 400, maxDelayMs: 400, deadlineMs: 1000 },
    });
    const started = clock.t;
    const error = await client
      .request({ method: "GET", path: "/users/{id}", params: { id: "u1" } })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UpstreamError);
    expect((error as UpstreamError).status).toBe(503);
    expect(clock.t - started).toBeLessThan(1000);
    expect(api.apiCalls().length).toBeLessThanOrEqual(4);
  });

  it("stops after maxAttempts even when the deadline allows more", async () => {
    const api = fakeApi();
    api.on("GET", /^\/clients$/, unavailable);
    const { client } = makeClient(api, { retry: { maxAttempts: 3 } });
    await expect(client.request({ method: "GET", path: "/clients" })).rejects.toMatchObject({ status: 503 });
    expect(api.apiCalls()).toHaveLength(3);
  });

  it("retries a GET after a network error", async () => {
    const api = fakeApi();
    let failures = 1;
    api.on("GET", /^\/clients$/, () => {
      if (failures-- > 0) throw new TypeError("fetch failed", { cause: new Error("other side closed") });
      return json(200, { ClientId: "demo" });
    });
    const { client } = makeClient(api);
    await expect(client.request({ method: "GET", path: "/clients" })).resolves.toMatchObject({ attempts: 2 });
  });

  it("waits for the reset announced by a 429 when it fits the deadline", async () => {
    const api = fakeApi();
    let limited = true;
    api.on("GET", /^\/clients$/, () => {
      if (!limited) return json(200, {});
      limited = false;
      return json(429, errorBody("rate_limit", "Rate limit exceeded"), { "Retry-After": "3" });
    });
    const { client, clock } = makeClient(api);
    await client.request({ method: "GET", path: "/clients" });
    expect(clock.sleeps[0]).toBeGreaterThanOrEqual(3000);
    expect(clock.sleeps[0]).toBeLessThan(3000 + DEFAULT_RETRY_POLICY.baseDelayMs);
  });

  it("does not retry a PUT on 503 (it may have been applied)", async () => {
    const api = fakeApi();
    api.on("PUT", /^\/hooks\/h1$/, unavailable);
    const { client } = makeClient(api);
    await expect(
      client.request({ method: "PUT", path: "/hooks/{id}", params: { id: "h1" }, body: {} }),
    ).rejects.toMatchObject({ status: 503 });
    expect(api.apiCalls()).toHaveLength(1);
  });

  it("does not retry a 400 param_error and exposes its field errors", async () => {
    const api = fakeApi();
    api.on("POST", /^\/users\/natural$/, () =>
      json(
        400,
        errorBody("param_error", "One or several required parameters are missing", {
          Email: "The Email field is required.",
        }),
      ),
    );
    const { client } = makeClient(api);
    const error = await client.request({ method: "POST", path: "/users/natural", body: {} }).catch((e: unknown) => e);
    expect(error).toMatchObject({
      status: 400,
      type: "param_error",
      errors: { Email: "The Email field is required." },
      requestId: "err-123",
    });
    expect(api.apiCalls()).toHaveLength(1);
  });

  it("times out a hanging attempt with AbortSignal.timeout and retries the GET", async () => {
    const api = fakeApi();
    let hangs = 1;
    api.on("GET", /^\/clients$/, (_call, signal) => (hangs-- > 0 ? hang(signal) : json(200, {})));
    const { client, recorder } = makeClient(api, { retry: { attemptTimeoutMs: 30 } });
    await expect(client.request({ method: "GET", path: "/clients" })).resolves.toMatchObject({ attempts: 2 });
    expect(recorder.list({ pathTemplate: "/clients" }).map((c) => c.outcome)).toEqual(["timeout", "ok"]);
  });

  it("throws TimeoutError when every attempt hangs", async () => {
    const api = fakeApi();
    api.on("GET", /^\/clients$/, (_call, signal) => hang(signal));
    const { client } = makeClient(api, { retry: { attemptTimeoutMs: 20, maxAttempts: 2 } });
    await expect(client.request({ method: "GET", path: "/clients" })).rejects.toBeInstanceOf(TimeoutError);
  });

  it("does not retry after the caller aborts", async () => {
    const api = fakeApi();
    api.on("GET", /^\/clients$/, (_call, signal) => hang(signal));
    const { client } = makeClient(api);
    const controller = new AbortController();
    const pending = client.request({ method: "GET", path: "/clients", signal: controller.signal });
    setTimeout(() => controller.abort(new Error("page left")), 10);
    await expect(pending).rejects.toThrow("page left");
    expect(api.apiCalls()).toHaveLength(1);
  });
});

describe("POST idempotency", () => {
  const key = "8c2f1a6e-0000-4000-8000-000000000001";

  it("always sends an Idempotency-Key on POST, generating one when none is given", async () => {
    const api = fakeApi();
    api.on("POST", /^\/hooks$/, () => json(200, {}));
    const { client } = makeClient(api);
    const response = await client.request({ method: "POST", path: "/hooks", body: {} });
    const sent = api.apiCalls()[0].headers.get("idempotency-key");
    expect(sent).toMatch(/^[A-Za-z0-9-]{16,36}$/);
    expect(response.idempotencyKey).toBe(sent);
  });

  it("retries a POST on 503 only with the same Idempotency-Key", async () => {
    const api = fakeApi();
    let failures = 1;
    api.on("POST", /^\/transfers$/, () => (failures-- > 0 ? unavailable() : json(200, { Id: "t1" })));
    const { client } = makeClient(api);
    await client.request({ method: "POST", path: "/transfers", body: {}, idempotencyKey: key });
    expect(api.apiCalls().map((c) => c.headers.get("idempotency-key"))).toEqual([key, key]);
  });

  it("learns the outcome of a POST whose answer was lost from GET /responses/{key}", async () => {
    const api = fakeApi();
    api.on("POST", /^\/transfers$/, () => {
      throw new TypeError("fetch failed", { cause: new Error("socket hang up") });
    });
    api.on("GET", /^\/responses\/.+$/, () =>
      json(200, {
        StatusCode: "200",
        ContentLength: "10",
        ContentType: "application/json",
        Date: "Tue, 19 Jul 2022 08:47:59 GMT",
        RequestURL: "x",
        Resource: { Id: "t1", Status: "SUCCEEDED" },
      }),
    );
    const { client } = makeClient(api);
    const response = await client.request({ method: "POST", path: "/transfers", body: {}, idempotencyKey: key });
    expect(response).toMatchObject({ recovered: true, status: 200, body: { Id: "t1" }, idempotencyKey: key });
    expect(api.apiCalls().filter((c) => c.method === "POST")).toHaveLength(1);
    expect(api.apiCalls()[1].url.pathname).toBe(`/v2.01/demo/responses/${key}`);
  });

  it("re-sends the POST with the same key when /responses has no record of it", async () => {
    const api = fakeApi();
    let drops = 1;
    api.on("POST", /^\/transfers$/, () => {
      if (drops-- > 0) throw new TypeError("fetch failed");
      return json(200, { Id: "t1" });
    });
    api.on("GET", /^\/responses\/.+$/, () =>
      json(404, errorBody("ressource_not_found", "The ressource does not exist")),
    );
    const { client } = makeClient(api);
    const response = await client.request({ method: "POST", path: "/transfers", body: {}, idempotencyKey: key });
    expect(response.body).toEqual({ Id: "t1" });
    expect(api.apiCalls().map((c) => `${c.method} ${c.headers.get("idempotency-key") ?? ""}`)).toEqual([
      `POST ${key}`,
      "GET ",
      `POST ${key}`,
    ]);
  });

  it("resolves a 409 after an ambiguous 5xx through the stored response", async () => {
    const api = fakeApi();
    let first = true;
    api.on("POST", /^\/transfers$/, () => {
      if (first) {
        first = false;
        return unavailable();
      }
      return json(
        409,
        errorBody("idempotent_creation_conflict", "A resource has already been created with this Idempotency Key"),
      );
    });
    api.on("GET", /^\/responses\/.+$/, () => json(200, { StatusCode: 200, Resource: { Id: "t1" } }));
    const { client } = makeClient(api);
    await expect(
      client.request({ method: "POST", path: "/transfers", body: {}, idempotencyKey: key }),
    ).resolves.toMatchObject({ recovered: true, body: { Id: "t1" } });
  });

  it("throws IdempotencyConflictError on a first-attempt 409 unless asked to recover", async () => {
    const api = fakeApi();
    api.on("POST", /^\/transfers$/, () =>
      json(
        409,
        errorBody("idempotent_creation_conflict", "A resource has already been created with this Idempotency Key"),
      ),
    );
    api.on("GET", /^\/responses\/.+$/, () => json(200, { StatusCode: "200", Resource: { Id: "t0" } }));
    const { client } = makeClient(api);
    await expect(
      client.request({ method: "POST", path: "/transfers", body: {}, idempotencyKey: key }),
    ).rejects.toBeInstanceOf(IdempotencyConflictError);
    await expect(
      client.request({ method: "POST", path: "/transfers", body: {}, idempotencyKey: key, recoverOnConflict: true }),
    ).resolves.toMatchObject({ body: { Id: "t0" } });
  });

  it("raises the stored error when the lost POST had failed upstream", async () => {
    const api = fakeApi();
    api.on("POST", /^\/transfers$/, () => {
      throw new TypeError("fetch failed");
    });
    api.on("GET", /^\/responses\/.+$/, () =>
      json(200, { StatusCode: "400", Resource: errorBody("param_error", "bad", { DebitedFunds: "required" }) }),
    );
    const { client } = makeClient(api);
    const error = await client
      .request({ method: "POST", path: "/transfers", body: {}, idempotencyKey: key })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({
      status: 400,
      type: "param_error",
      pathTemplate: "/transfers",
      errors: { DebitedFunds: "required" },
    });
  });

  it("never re-sends a POST whose outcome stays unknown, and says so with OutcomeUnknownError", async () => {
    const api = fakeApi();
    api.on("POST", /^\/transfers$/, () => {
      throw new TypeError("fetch failed");
    });
    api.on("GET", /^\/responses\/.+$/, () => unavailable());
    const { client } = makeClient(api, { retry: { deadlineMs: 2000 } });
    const error = await client
      .request({ method: "POST", path: "/transfers", body: {}, idempotencyKey: key })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OutcomeUnknownError);
    expect(error).toMatchObject({ idempotencyKey: key });
    expect((error as OutcomeUnknownError).cause).toBeInstanceOf(UpstreamError);
    expect(api.apiCalls().filter((c) => c.method === "POST")).toHaveLength(1);
  });

  it("reports OutcomeUnknownError when a keyed POST keeps failing with 5xx", async () => {
    const api = fakeApi();
    api.on("POST", /^\/transfers$/, unavailable);
    const { client } = makeClient(api, { retry: { maxAttempts: 2 } });
    await expect(
      client.request({ method: "POST", path: "/transfers", body: {}, idempotencyKey: key }),
    ).rejects.toBeInstanceOf(OutcomeUnknownError);
  });

  it("keeps a definitive 4xx verdict as UpstreamError even after an ambiguous attempt", async () => {
    const api = fakeApi();
    let first = true;
    api.on("POST", /^\/transfers$/, () => {
      if (first) {
        first = false;
        return unavailable();
      }
      return json(400, errorBody("param_error", "bad"));
    });
    const { client } = makeClient(api);
    const error = await client
      .request({ method: "POST", path: "/transfers", body: {}, idempotencyKey: key })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UpstreamError);
    expect(error).toMatchObject({ status: 400 });
  });

  it("refuses a malformed idempotency key before calling", async () => {
    const api = fakeApi();
    const { client } = makeClient(api);
    await expect(
      client.request({ method: "POST", path: "/transfers", body: {}, idempotencyKey: "short" }),
    ).rejects.toThrow(/Idempotency-Key/);
    expect(api.calls).toHaveLength(0);
  });

  it("does not retry a PUT after a network error", async () => {
    const api = fakeApi();
    api.on("PUT", /^\/hooks\/h1$/, () => {
      throw new TypeError("fetch failed");
    });
    const { client } = makeClient(api);
    await expect(
      client.request({ method: "PUT", path: "/hooks/{id}", params: { id: "h1" }, body: {} }),
    ).rejects.toBeInstanceOf(NetworkError);
    expect(api.apiCalls()).toHaveLength(1);
  });
});

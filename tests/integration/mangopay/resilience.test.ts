/** @jest-environment node */
// Failure paths over real HTTP: injected 5xx, 429, timeouts and dropped connections, idempotency
// conflicts and recovery through GET /responses/{key}, quota shedding.
import {
  IdempotencyConflictError,
  QuotaProtectionError,
  RateLimitError,
  TimeoutError,
  UpstreamError,
} from "@/lib/mangopay/errors";
import * as responses from "@/lib/mangopay/responses";
import * as users from "@/lib/mangopay/users";
import { newKey, startTestEmulator, type TestEmulator } from "./helpers";

let emu: TestEmulator;

beforeAll(async () => {
  emu = await startTestEmulator(12);
});
afterEach(async () => {
  await emu.clearFaults();
  await emu.control("POST", "/ratelimit", { reset: true });
});
afterAll(async () => {
  await emu.close();
});

const natural = (n: string) => ({
  FirstName: n,
  LastName: "Resilient",
  Email: `${n.toLowerCase()}@example.test`,
  UserCategory: "PAYER" as const,
});

async function countUsers(): Promise<number> {
  const { client } = emu.client();
  return (await users.list(client, { perPage: 1 })).totalItems ?? -1;
}

describe("retries", () => {
  it("retries a GET on injected 503s and succeeds within the deadline", async () => {
    await emu.control("POST", "/faults", { route: "/users", method: "GET", kind: "error", status: 503, count: 2 });
    const { client, recorder } = emu.client();
    await expect(users.list(client)).resolves.toMatchObject({ page: 1 });
    expect(recorder.list({ pathTemplate: "/users" }).map((c) => c.status)).toEqual([503, 503, 200]);
  });

  it("gives up on a GET that keeps failing with the last 5xx as UpstreamError", async () => {
    await emu.control("POST", "/faults", { route: "/users", method: "GET", kind: "error", status: 502 });
    const { client, recorder } = emu.client({ deps: { retry: { maxAttempts: 3, baseDelayMs: 10 } } });
    const error = await users.list(client).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UpstreamError);
    expect(error).toMatchObject({ status: 502 });
    expect(recorder.countUpstream({ pathTemplate: "/users" })).toBe(3);
  });

  it("retries a GET after a 429 and succeeds", async () => {
    await emu.control("POST", "/faults", { route: "/users", method: "GET", kind: "rate_limit", count: 1 });
    const { client, recorder } = emu.client();
    await expect(users.list(client)).resolves.toMatchObject({ page: 1 });
    expect(recorder.list({ pathTemplate: "/users" }).map((c) => c.status)).toEqual([429, 200]);
  });

  it("times out a hanging GET and retries it", async () => {
    await emu.control("POST", "/faults", { route: "/users", method: "GET", kind: "timeout", count: 1 });
    const { client, recorder } = emu.client({ deps: { retry: { attemptTimeoutMs: 300 } } });
    await expect(users.list(client)).resolves.toMatchObject({ page: 1 });
    expect(recorder.list({ pathTemplate: "/users" }).map((c) => c.outcome)).toEqual(["timeout", "ok"]);
  });

  it("throws TimeoutError when a GET hangs on every attempt", async () => {
    await emu.control("POST", "/faults", { route: "/users", method: "GET", kind: "timeout" });
    const { client } = emu.client({ deps: { retry: { attemptTimeoutMs: 150, maxAttempts: 2 } } });
    await expect(users.list(client)).rejects.toBeInstanceOf(TimeoutError);
  });

  it("retries a GET whose body was cut mid-way", async () => {
    await emu.control("POST", "/faults", { route: "/users", method: "GET", kind: "drop", count: 1 });
    const { client, recorder } = emu.client();
    await expect(users.list(client)).resolves.toMatchObject({ page: 1 });
    expect(recorder.list({ pathTemplate: "/users" }).map((c) => c.outcome)).toEqual(["network_error", "ok"]);
  });

  it("slows down under injected latency but still answers within the attempt timeout", async () => {
    await emu.control("POST", "/faults", { route: "/users", method: "GET", kind: "latency", latencyMs: 150, count: 1 });
    const { client, recorder } = emu.client();
    await users.list(client);
    expect(recorder.list({ pathTemplate: "/users" })[0].durationMs).toBeGreaterThanOrEqual(140);
  });
});

describe("idempotent POSTs", () => {
  it("recovers a POST whose response was dropped through GET /responses/{key}, creating one user", async () => {
    const before = await countUsers();
    await emu.control("POST", "/faults", { route: "/users/natural", method: "POST", kind: "drop", count: 1 });
    const { client, recorder } = emu.client();
    const key = newKey();
    const created = await users.createNatural(client, natural("Dropped"), { idempotencyKey: key });
    expect(created.FirstName).toBe("Dropped");
    expect(recorder.list().map((c) => `${c.method} ${c.pathTemplate} ${c.outcome}`)).toEqual([
      "POST /oauth/token ok",
      "POST /users/natural network_error",
      "GET /responses/{key} ok",
    ]);
    expect(await countUsers()).toBe(before + 1);
    await expect(users.get(client, created.Id)).resolves.toMatchObject({ FirstName: "Dropped" });
  });

  it("re-sends a timed-out POST with the same key when MANGOPAY never processed it", async () => {
    await emu.control("POST", "/faults", { route: "/users/natural", method: "POST", kind: "timeout", count: 1 });
    const { client, recorder } = emu.client({ deps: { retry: { attemptTimeoutMs: 300 } } });
    const key = newKey();
    const created = await users.createNatural(client, natural("Retimed"), { idempotencyKey: key });
    expect(created.FirstName).toBe("Retimed");
    const calls = recorder.list().filter((c) => c.pathTemplate !== "/oauth/token");
    expect(calls.map((c) => `${c.method} ${c.status ?? c.outcome}`)).toEqual(["POST timeout", "GET 404", "POST 200"]);
    expect(calls.filter((c) => c.method === "POST").every((c) => c.idempotencyKey === key)).toBe(true);
  });

  it("retries a POST on an injected 503 with the same Idempotency-Key", async () => {
    await emu.control("POST", "/faults", {
      route: "/users/natural",
      method: "POST",
      kind: "error",
      status: 503,
      count: 1,
    });
    const { client, recorder } = emu.client();
    const key = newKey();
    await users.createNatural(client, natural("Unavailable"), { idempotencyKey: key });
    const posts = recorder.list({ method: "POST", pathTemplate: "/users/natural" });
    expect(posts.map((c) => [c.status, c.idempotencyKey])).toEqual([
      [503, key],
      [200, key],
    ]);
  });

  it("raises IdempotencyConflictError when a key is reused, and returns the stored outcome when asked to recover", async () => {
    const { client } = emu.client();
    const key = newKey();
    const first = await users.createNatural(client, natural("Once"), { idempotencyKey: key });
    const error = await users.createNatural(client, natural("Twice"), { idempotencyKey: key }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(IdempotencyConflictError);
    expect(error).toMatchObject({ status: 409, type: "idempotent_creation_conflict" });
    const replay = await users.createNatural(client, natural("Twice"), {
      idempotencyKey: key,
      recoverOnConflict: true,
    });
    expect(replay.Id).toBe(first.Id);
  });

  it("reads a stored response by key, and null for an unknown key", async () => {
    const { client } = emu.client();
    const key = newKey();
    const created = await users.createNatural(client, natural("Stored"), { idempotencyKey: key });
    const stored = await responses.get(client, key);
    expect(stored?.StatusCode).toBe(200);
    expect(stored?.Resource).toMatchObject({ Id: created.Id });
    await expect(responses.get(client, newKey())).resolves.toBeNull();
  });

  it("stores and replays a failed POST's error for its key", async () => {
    const { client } = emu.client();
    const key = newKey();
    await users
      .createNatural(client, { ...natural("Bad"), Email: "nope" }, { idempotencyKey: key })
      .catch(() => undefined);
    const error = await users
      .createNatural(client, natural("Bad"), { idempotencyKey: key, recoverOnConflict: true })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 400, type: "param_error" });
  });
});

describe("quota", () => {
  it("parses the emulator's four buckets and counts calls down", async () => {
    const { client, recorder } = emu.client();
    await users.list(client);
    await users.list(client);
    const snapshot = client.rateLimits();
    expect(snapshot?.buckets.map((b) => b.windowMinutes)).toEqual([15, 30, 60, 1440]);
    const [a, b] = recorder.list({ pathTemplate: "/users" }).map((c) => c.rateLimitRemaining ?? 0);
    expect(b).toBe(a - 1);
  });

  it("sheds background reads when the 15-minute bucket is nearly empty but serves interactive ones", async () => {
    await emu.control("POST", "/ratelimit", { reset: true, limits: [20, 1000, 1000, 1000] });
    const { client, recorder } = emu.client();
    // The token call counts too: 1 + 18 calls leave one call in the 15-minute bucket.
    for (let i = 0; i < 18; i += 1) await users.list(client, { perPage: 1 });
    const shed = await users.list(client, { priority: "background" }).catch((e: unknown) => e);
    expect(shed).toBeInstanceOf(QuotaProtectionError);
    expect((shed as QuotaProtectionError).bucket.windowMinutes).toBe(15);
    expect(recorder.list({ outcome: "shed" })).toHaveLength(1);
    await expect(users.list(client, { perPage: 1 })).resolves.toMatchObject({ page: 1 });
  });

  it("fails with RateLimitError after bounded retries when the quota is really spent", async () => {
    await emu.control("POST", "/ratelimit", { reset: true, limits: [3, 1000, 1000, 1000] });
    const { client, recorder } = emu.client({ deps: { retry: { maxAttempts: 3, baseDelayMs: 10 } } });
    const outcomes: unknown[] = [];
    for (let i = 0; i < 3; i += 1) outcomes.push(await users.list(client, { perPage: 1 }).catch((e: unknown) => e));
    expect(outcomes.at(-1)).toBeInstanceOf(RateLimitError);
    expect(recorder.list({ pathTemplate: "/users" }).filter((c) => c.status === 429).length).toBeLessThanOrEqual(3);
  });
});

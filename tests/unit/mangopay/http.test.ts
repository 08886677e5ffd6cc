/** @jest-environment node */
import {
  AuthenticationError,
  IdempotencyConflictError,
  InvalidRequestError,
  RateLimitError,
  ScaRequiredError,
  UpstreamError,
} from "@/lib/mangopay/errors";
import { buildUrl, toUpstreamError } from "@/lib/mangopay/http";
import { MemoryCallRecorder } from "@/lib/mangopay/recorder";
import { errorBody, fakeApi, json, makeClient } from "./fake-api";

const site = { method: "GET", pathTemplate: "/wallets/{walletId}" };

describe("URLs", () => {
  it("builds {base}/v2.01/{ClientId}{path} with encoded ids, unix-second dates and comma lists", () => {
    const url = buildUrl(
      "https://api.sandbox.mangopay.com/",
      "my client",
      "/users/{userId}/transactions",
      { userId: "a/b" },
      {
        Status: ["SUCCEEDED", "FAILED"],
        AfterDate: new Date(1_700_000_000_000),
        Nature: undefined,
        per_page: 100,
      },
    );
    expect(url).toBe(
      "https://api.sandbox.mangopay.com/v2.01/my%20client/users/a%2Fb/transactions?Status=SUCCEEDED%2CFAILED&AfterDate=1700000000&per_page=100",
    );
  });

  it("puts V3.0 paths (pay-in intents) under /V3.0/{ClientId} on the same base URL", () => {
    expect(
      buildUrl(
        "https://api.sandbox.mangopay.com",
        "cid",
        "/payins/intents/{intentId}",
        { intentId: "int_1" },
        {},
        "V3.0",
      ),
    ).toBe("https://api.sandbox.mangopay.com/V3.0/cid/payins/intents/int_1");
    expect(buildUrl("http://127.0.0.1:4410/", "cid", "/payins/intents/settlements", {}, { page: 2 }, "V3.0")).toBe(
      "http://127.0.0.1:4410/V3.0/cid/payins/intents/settlements?page=2",
    );
  });

  it("refuses an empty id instead of calling the list endpoint", () => {
    expect(() => buildUrl("https://x", "c", "/users/{userId}", { userId: "" })).toThrow(InvalidRequestError);
    expect(() => buildUrl("https://x", "c", "/users/{userId}", {})).toThrow(InvalidRequestError);
  });
});

describe("error mapping", () => {
  const raw = (status: number, body: unknown, headers: Record<string, string> = {}) => ({
    status,
    headers: new Headers(headers),
    body,
  });

  it("maps a MANGOPAY error object to UpstreamError with status, type, message, field errors and request id", () => {
    const error = toUpstreamError(
      raw(400, {
        ...errorBody("param_error", "One or several required parameters are missing or incorrect.", { Email: "bad" }),
        Date: 1690291065.0,
      }),
      site,
    );
    expect(error).toBeInstanceOf(UpstreamError);
    expect(error).toMatchObject({
      status: 400,
      type: "param_error",
      errors: { Email: "bad" },
      requestId: "err-123",
      pathTemplate: "/wallets/{walletId}",
    });
    expect(error.date?.getTime()).toBe(1690291065000);
  });

  it("reads a V3.0 error's field messages, named Errors", () => {
    const error = toUpstreamError(
      raw(400, {
        Id: "v3-err",
        Message: "Execute split requires a status in [AVAILABLE, REJECTED]",
        Type: "invalid_action",
        Errors: { Split: "Execute split requires a status in [AVAILABLE, REJECTED]" },
      }),
      { method: "POST", pathTemplate: "/payins/intents/{intentId}/splits/{splitId}/execute" },
    );
    expect(error).toMatchObject({
      status: 400,
      type: "invalid_action",
      errors: { Split: "Execute split requires a status in [AVAILABLE, REJECTED]" },
    });
  });

  it("falls back to a request-id header when the body has no Id", () => {
    const error = toUpstreamError(raw(500, "upstream exploded", { "x-request-id": "req-9" }), site);
    // A raw text body is never echoed (it could be an internal page): only MANGOPAY error objects are.
    expect(error).toMatchObject({ status: 500, type: null, message: "HTTP 500", requestId: "req-9" });
  });

  it("turns a 401 PendingUserAction into ScaRequiredError with the redirect URL", () => {
    const error = toUpstreamError(
      raw(401, errorBody("invalid_credentials", "SCA required"), {
        "WWW-Authenticate": "PendingUserAction RedirectUrl=https://sca.sandbox.mangopay.com/?token=abc",
      }),
      site,
    );
    expect(error).toBeInstanceOf(ScaRequiredError);
    expect(error).toMatchObject({
      reason: "pending_user_action",
      redirectUrl: "https://sca.sandbox.mangopay.com/?token=abc",
    });
  });

  it("turns a 403 consent error into ScaRequiredError(consent_required)", () => {
    const error = toUpstreamError(
      raw(403, errorBody("forbidden_ressource", "The user has not given consent for SCA proxy access")),
      site,
    );
    expect(error).toBeInstanceOf(ScaRequiredError);
    expect(error).toMatchObject({ reason: "consent_required", status: 403 });
  });

  it("keeps an unrelated 403 a plain UpstreamError", () => {
    const error = toUpstreamError(raw(403, errorBody("forbidden_ressource", "Feature not activated")), site);
    expect(error).not.toBeInstanceOf(ScaRequiredError);
  });

  it("uses specific subclasses for 409 idempotency conflicts, 429 and 401", () => {
    expect(toUpstreamError(raw(409, errorBody("idempotent_creation_conflict", "dup")), site)).toBeInstanceOf(
      IdempotencyConflictError,
    );
    expect(toUpstreamError(raw(429, errorBody("rate_limit", "slow down")), site)).toBeInstanceOf(RateLimitError);
    expect(toUpstreamError(raw(401, errorBody("invalid_credentials", "no")), site)).toBeInstanceOf(AuthenticationError);
  });

  it("does not refresh the token on an SCA 401 (it would not help)", async () => {
    const api = fakeApi();
    api.on("GET", /^\/wallets\/w1$/, () =>
      json(401, errorBody("invalid_credentials", "SCA"), {
        "WWW-Authenticate": "PendingUserAction redirectUrl=https://sca.example/x",
      }),
    );
    const { client } = makeClient(api);
    await expect(
      client.request({ method: "GET", path: "/wallets/{walletId}", params: { walletId: "w1" } }),
    ).rejects.toBeInstanceOf(ScaRequiredError);
    expect(api.tokenCalls()).toHaveLength(1);
  });
});

describe("call recorder", () => {
  it("records account, method, path template, status, duration, attempt and outcome of every exchange", async () => {
    const api = fakeApi();
    api.on("GET", /^\/users\/u1$/, () => json(200, { Id: "u1" }));
    const { client, recorder } = makeClient(api);
    await client.request({ method: "GET", path: "/users/{userId}", params: { userId: "u1" } });
    const [token, call] = recorder.list();
    expect(token).toMatchObject({ pathTemplate: "/oauth/token", method: "POST", status: 200 });
    expect(call).toMatchObject({
      accountId: "acct_1",
      clientId: "demo",
      method: "GET",
      pathTemplate: "/users/{userId}",
      status: 200,
      attempt: 1,
      outcome: "ok",
    });
    expect(call.durationMs).toBeGreaterThanOrEqual(0);
    expect(JSON.stringify(recorder.list())).not.toContain("secret-key");
  });

  it("keeps the newest entries once the ring buffer is full", () => {
    const recorder = new MemoryCallRecorder(3);
    for (let i = 0; i < 5; i += 1) {
      recorder.record({
        accountId: null,
        clientId: "c",
        method: "GET",
        pathTemplate: `/p${i}`,
        status: 200,
        durationMs: 1,
        rateLimitRemaining: null,
        attempt: 1,
        outcome: "ok",
        startedAt: new Date(i),
        idempotencyKey: null,
        requestId: null,
      });
    }
    expect(recorder.list().map((c) => c.pathTemplate)).toEqual(["/p2", "/p3", "/p4"]);
    expect(recorder.recordedTotal).toBe(5);
  });

  it("never fails a call because the recorder throws", async () => {
    const api = fakeApi();
    api.on("GET", /^\/clients$/, () => json(200, {}));
    const { client } = makeClient(api, {
      recorder: {
        record: () => {
          throw new Error("disk full");
        },
      },
    });
    await expect(client.request({ method: "GET", path: "/clients" })).resolves.toMatchObject({ status: 200 });
  });
});

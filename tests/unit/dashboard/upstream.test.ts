/** @jest-environment node */
import {
  AuthenticationError,
  MangopayError,
  NetworkError,
  ParseError,
  QuotaProtectionError,
  RateLimitError,
  ScaRequiredError,
  TimeoutError,
  UpstreamError,
} from "@/lib/mangopay/errors";
import { ForbiddenError, NotFoundError, ValidationError } from "@/lib/server/errors";
import { callMangopay, describeError, settle, toServiceError, UpstreamServiceError } from "@/lib/services/upstream";

const site = { method: "GET", pathTemplate: "/users/{userId}" };
const upstream = (status: number, extra: Partial<ConstructorParameters<typeof UpstreamError>[0]> = {}) => ({
  ...site,
  status,
  type: "other",
  message: "Internal error at MANGOPAY",
  requestId: "bf6cce22-1234#1452723935",
  ...extra,
});

describe("the upstream-error bridge", () => {
  it("maps a refused API key to 'check this account's API key in the Hub'", () => {
    const err = toServiceError(
      new AuthenticationError(upstream(401, { type: "invalid_client", message: "invalid_client" })),
    );
    expect(err).toBeInstanceOf(UpstreamServiceError);
    expect((err as UpstreamServiceError).message).toBe(
      "MANGOPAY refused this account's credentials. Check this account's API key in the Hub.",
    );
    expect((err as UpstreamServiceError).failure.kind).toBe("authentication");
  });

  it("says when quota protection lifts", () => {
    const resetAt = new Date("2026-11-30T10:15:00Z");
    const err = toServiceError(
      new QuotaProtectionError({ windowMinutes: 15, made: 2200, limit: 2300, remaining: 100, resetAt }),
    );
    const view = describeError(err);
    expect(view.title).toBe("Paused to protect the quota");
    expect(view.message).toContain("It lifts at 10:15 UTC");
    expect(view.retryAt).toBe("2026-11-30T10:15:00.000Z");
  });

  it("keeps MANGOPAY's message and error Id for a 5xx", () => {
    const view = describeError(new UpstreamError(upstream(503)));
    expect(view).toEqual({
      title: "MANGOPAY unavailable",
      message: "MANGOPAY is not answering properly (HTTP 503): Internal error at MANGOPAY",
      mangopayId: "bf6cce22-1234#1452723935",
      retryAt: null,
      code: "UPSTREAM",
    });
  });

  it("maps timeouts, network failures, rate limits, SCA and unreadable answers to their own words", () => {
    expect(describeError(new TimeoutError(site, 10_000)).message).toBe(
      "MANGOPAY did not answer within 10 s. Please try again.",
    );
    expect(describeError(new NetworkError(site)).title).toBe("MANGOPAY unreachable");
    expect(describeError(new RateLimitError(upstream(429, { type: "rate_limit" }))).title).toBe(
      "MANGOPAY rate limit reached",
    );
    expect(describeError(new ScaRequiredError({ ...upstream(403), reason: "consent_required" })).message).toContain(
      "SCA proxy consent is missing",
    );
    expect(describeError(new ParseError("user", [{ path: "Id", message: "Required" }])).title).toBe(
      "Unreadable answer from MANGOPAY",
    );
  });

  it("maps 404 to NotFound and a 400 with field errors to Validation", () => {
    expect(toServiceError(new UpstreamError(upstream(404, { type: "ressource_not_found" })))).toBeInstanceOf(
      NotFoundError,
    );
    const v = toServiceError(
      new UpstreamError(upstream(400, { type: "param_error", message: "bad", errors: { Email: "invalid" } })),
    );
    expect(v).toBeInstanceOf(ValidationError);
    expect((v as ValidationError).fieldErrors).toEqual({ Email: ["invalid"] });
  });

  it("never shows a MANGOPAY failure as a generic internal error", () => {
    const view = describeError(new MangopayError("something new"));
    expect(view.code).toBe("UPSTREAM");
    expect(view.message).toBe("MANGOPAY could not be reached. Please try again.");
  });

  it("maps once: a ServiceError passes through unchanged, and so do non-MANGOPAY errors", async () => {
    const forbidden = new ForbiddenError();
    expect(toServiceError(forbidden)).toBe(forbidden);
    const mapped = toServiceError(new TimeoutError(site, 5000));
    expect(toServiceError(mapped)).toBe(mapped);
    await expect(callMangopay(() => Promise.reject(new TypeError("bug")))).rejects.toBeInstanceOf(TypeError);
  });

  it("settle turns a failure into something a section renders", async () => {
    const failed = await settle(Promise.reject(new UpstreamError(upstream(500))));
    expect(failed.ok).toBe(false);
    if (!failed.ok) expect(failed.error.title).toBe("MANGOPAY unavailable");
    const missing = await settle(Promise.reject(new UpstreamError(upstream(404))));
    expect(!missing.ok && missing.notFound).toBe(true);
    expect(await settle(Promise.resolve(3))).toEqual({ ok: true, data: 3 });
  });
});

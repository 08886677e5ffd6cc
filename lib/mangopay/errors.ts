// Every failure of the MANGOPAY adapter is a MangopayError subclass, so pages and services can
// branch on `instanceof` and the original cause (fetch error, zod error, abort) is never lost.
import type { RateLimitBucket } from "./rate-limits";

export interface FieldErrors {
  [field: string]: string;
}

export class MangopayError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** Where a failed call went, for messages and logs (never credentials). */
export interface CallSite {
  method: string;
  pathTemplate: string;
}

export interface UpstreamErrorInit extends CallSite {
  status: number;
  type: string | null;
  message: string;
  errors?: FieldErrors | null;
  requestId?: string | null;
  date?: Date | null;
  cause?: unknown;
}

/** MANGOPAY answered with an error object (`{ Message, Type, Id, Date, errors }`) or a non-2xx. */
export class UpstreamError extends MangopayError {
  readonly status: number;
  readonly type: string | null;
  readonly errors: FieldErrors | null;
  readonly requestId: string | null;
  readonly date: Date | null;
  readonly method: string;
  readonly pathTemplate: string;

  constructor(init: UpstreamErrorInit) {
    super(init.message, { cause: init.cause });
    this.status = init.status;
    this.type = init.type;
    this.errors = init.errors ?? null;
    this.requestId = init.requestId ?? null;
    this.date = init.date ?? null;
    this.method = init.method;
    this.pathTemplate = init.pathTemplate;
  }

  get isNotFound(): boolean {
    return this.status === 404;
  }
}

/** The OAuth token call was refused (wrong API key, locked IP): nothing else can work. */
export class AuthenticationError extends UpstreamError {}

/** 409 `idempotent_creation_conflict`: the key was already used within 24 h. */
export class IdempotencyConflictError extends UpstreamError {}

/** 429 that outlived the retry budget (or whose reset lies beyond the deadline). */
export class RateLimitError extends UpstreamError {}

export type ScaReason = "pending_user_action" | "consent_required";

/**
 * An OWNER user's wallet or transactions need the user: either SCA is pending
 * (401 `WWW-Authenticate: PendingUserAction RedirectUrl=…`) or proxy consent is missing (403).
 */
export class ScaRequiredError extends UpstreamError {
  readonly reason: ScaReason;
  readonly redirectUrl: string | null;

  constructor(init: UpstreamErrorInit & { reason: ScaReason; redirectUrl?: string | null }) {
    super(init);
    this.reason = init.reason;
    this.redirectUrl = init.redirectUrl ?? null;
  }
}

export interface ParseIssue {
  /** Dotted path inside the response body, e.g. `[2].DebitedFunds.Amount`. */
  path: string;
  message: string;
}

/** A 2xx body did not match the schema we rely on (a required field missing or mistyped). */
export class ParseError extends MangopayError {
  readonly issues: ParseIssue[];
  readonly path: string;
  readonly schemaName: string;

  constructor(schemaName: string, issues: ParseIssue[], options?: { cause?: unknown }) {
    const first = issues[0] ?? { path: "", message: "invalid" };
    super(`MANGOPAY ${schemaName} did not parse at ${first.path || "(root)"}: ${first.message}`, options);
    this.issues = issues;
    this.path = first.path;
    this.schemaName = schemaName;
  }
}

/** Thrown before any HTTP call: the account's quota is nearly spent and the read is not essential. */
export class QuotaProtectionError extends MangopayError {
  readonly bucket: RateLimitBucket;
  readonly retryAt: Date;

  constructor(bucket: RateLimitBucket, options?: { cause?: unknown }) {
    super(
      `MANGOPAY quota protection: ${bucket.remaining} calls left in the ${bucket.windowMinutes}-minute bucket; ` +
        `background read shed until ${bucket.resetAt.toISOString()}`,
      options,
    );
    this.bucket = bucket;
    this.retryAt = bucket.resetAt;
  }
}

/** No answer within the per-attempt timeout or the call's total deadline. */
export class TimeoutError extends MangopayError {
  readonly timeoutMs: number;
  readonly site: CallSite;

  constructor(site: CallSite, timeoutMs: number, options?: { cause?: unknown }) {
    super(`MANGOPAY ${site.method} ${site.pathTemplate} timed out after ${timeoutMs} ms`, options);
    this.timeoutMs = timeoutMs;
    this.site = site;
  }
}

/** The connection failed or was dropped before a complete answer arrived. */
export class NetworkError extends MangopayError {
  readonly site: CallSite;

  constructor(site: CallSite, options?: { cause?: unknown }) {
    const reason = describeCause(options?.cause);
    super(`MANGOPAY ${site.method} ${site.pathTemplate} failed on the network${reason ? `: ${reason}` : ""}`, options);
    this.site = site;
  }
}

/**
 * A keyed POST's answer was lost and MANGOPAY could not tell us the outcome in time. The operation
 * may or may not exist: keep it PENDING and reconcile later with `responses.get(client, key)`.
 */
export class OutcomeUnknownError extends MangopayError {
  readonly idempotencyKey: string;
  readonly site: CallSite;

  constructor(site: CallSite, idempotencyKey: string, options?: { cause?: unknown }) {
    super(
      `MANGOPAY ${site.method} ${site.pathTemplate}: outcome unknown for Idempotency-Key ${idempotencyKey}`,
      options,
    );
    this.idempotencyKey = idempotencyKey;
    this.site = site;
  }
}

/**
 * The base URL's host is refused by the address policy (private, loopback, link-local, metadata or
 * unresolvable) — nothing was sent. The message names the host only, never what lies behind it.
 */
export class AddressRefusedError extends MangopayError {
  readonly hostname: string;

  constructor(hostname: string, reason: string, options?: { cause?: unknown }) {
    super(`The MANGOPAY base URL host ${hostname} ${reason}; the dashboard does not call it`, options);
    this.hostname = hostname;
  }
}

/** MANGOPAY never redirects API calls: a 3xx answer is refused and its target never called. */
export class RedirectRefusedError extends MangopayError {
  readonly status: number;
  readonly site: CallSite;

  constructor(site: CallSite, status: number) {
    super(
      `MANGOPAY ${site.method} ${site.pathTemplate} answered with a redirect (HTTP ${status}); redirects are never followed`,
    );
    this.status = status;
    this.site = site;
  }
}

/** The caller passed something the API would reject anyway (e.g. a malformed idempotency key). */
export class InvalidRequestError extends MangopayError {}

function describeCause(cause: unknown): string {
  if (!(cause instanceof Error)) return "";
  const inner = cause.cause instanceof Error ? ` (${cause.cause.message})` : "";
  return `${cause.message}${inner}`;
}

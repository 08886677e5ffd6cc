import "server-only";
// The one bridge between the MANGOPAY adapter's errors (lib/mangopay/errors.ts) and the service
// layer: every service that calls MANGOPAY wraps the call in `callMangopay`, so each failure becomes
// exactly one ServiceError with words an operator understands. Pages render it with
// components/service-error-message.tsx; actions return its message.
import {
  AuthenticationError,
  IdempotencyConflictError,
  InvalidRequestError,
  MangopayError,
  NetworkError,
  OutcomeUnknownError,
  ParseError,
  QuotaProtectionError,
  RateLimitError,
  ScaRequiredError,
  TimeoutError,
  UpstreamError,
} from "@/lib/mangopay/errors";
import { NotFoundError, ServiceError, ValidationError } from "@/lib/server/errors";

export type UpstreamFailureKind =
  | "authentication"
  | "quota_protection"
  | "rate_limit"
  | "timeout"
  | "network"
  | "sca"
  | "idempotency_conflict"
  | "outcome_unknown"
  | "unreadable"
  | "refused"
  | "unavailable";

/** A plain, serializable description of a MANGOPAY failure (safe to hand to a client component). */
export type UpstreamFailure = {
  kind: UpstreamFailureKind;
  /** HTTP status MANGOPAY answered, when it answered. */
  status: number | null;
  /** MANGOPAY's error `Type` (`param_error`, `rate_limit`…). */
  type: string | null;
  /** MANGOPAY's error `Id` (or request id): what MANGOPAY support asks for. */
  mangopayId: string | null;
  /** ISO time when a quota block lifts. */
  retryAt: string | null;
};

/** MANGOPAY refused or failed. The message is ours or MANGOPAY's own, never credentials. */
export class UpstreamServiceError extends ServiceError {
  readonly failure: UpstreamFailure;
  constructor(message: string, failure: UpstreamFailure, options?: { cause?: unknown }) {
    super("UPSTREAM", message, options);
    this.failure = failure;
  }
}

function failure(kind: UpstreamFailureKind, err: MangopayError, retryAt: Date | null = null): UpstreamFailure {
  const up = err instanceof UpstreamError ? err : null;
  return {
    kind,
    status: up?.status ?? null,
    type: up?.type ?? null,
    mangopayId: up?.requestId ?? null,
    retryAt: retryAt ? retryAt.toISOString() : null,
  };
}

const timeOfDay = (d: Date) => d.toISOString().slice(11, 16);

/** Maps one adapter error to the ServiceError a page or action shows. Non-MANGOPAY errors pass through. */
export function toServiceError(err: unknown): unknown {
  if (err instanceof ServiceError || !(err instanceof MangopayError)) return err;
  const cause = { cause: err };
  if (err instanceof AuthenticationError) {
    return new UpstreamServiceError(
      "MANGOPAY refused this account's credentials. Check this account's API key in the Hub.",
      failure("authentication", err),
      cause,
    );
  }
  if (err instanceof QuotaProtectionError) {
    return new UpstreamServiceError(
      `Paused to protect this account's MANGOPAY quota (only ${err.bucket.remaining} calls left). It lifts at ${timeOfDay(err.retryAt)} UTC.`,
      failure("quota_protection", err, err.retryAt),
      cause,
    );
  }
  if (err instanceof RateLimitError) {
    return new UpstreamServiceError(
      "MANGOPAY's rate limit for this account is reached. Please try again in a few minutes.",
      failure("rate_limit", err),
      cause,
    );
  }
  if (err instanceof ScaRequiredError) {
    const message =
      err.reason === "consent_required"
        ? "This user has not consented to the platform viewing their account (SCA proxy consent is missing)."
        : "This user must complete strong customer authentication (SCA) before their account can be viewed.";
    return new UpstreamServiceError(message, failure("sca", err), cause);
  }
  if (err instanceof IdempotencyConflictError) {
    return new UpstreamServiceError(
      "MANGOPAY already received this request. Refresh to see its outcome.",
      failure("idempotency_conflict", err),
      cause,
    );
  }
  if (err instanceof UpstreamError) {
    if (err.status === 404) return new NotFoundError("Not found at MANGOPAY", cause);
    if (err.status === 400 && err.errors) {
      const fieldErrors = Object.fromEntries(Object.entries(err.errors).map(([k, v]) => [k, [v]]));
      return new ValidationError(`MANGOPAY refused the request: ${err.message}`, fieldErrors);
    }
    const kind = err.status >= 500 ? "unavailable" : "refused";
    const prefix =
      err.status >= 500
        ? `MANGOPAY is not answering properly (HTTP ${err.status})`
        : `MANGOPAY refused the request (HTTP ${err.status})`;
    return new UpstreamServiceError(`${prefix}: ${err.message}`, failure(kind, err), cause);
  }
  if (err instanceof TimeoutError) {
    return new UpstreamServiceError(
      `MANGOPAY did not answer within ${Math.round(err.timeoutMs / 1000)} s. Please try again.`,
      failure("timeout", err),
      cause,
    );
  }
  if (err instanceof NetworkError) {
    return new UpstreamServiceError(
      "MANGOPAY could not be reached (network error). Please try again.",
      failure("network", err),
      cause,
    );
  }
  if (err instanceof OutcomeUnknownError) {
    return new UpstreamServiceError(
      "MANGOPAY's answer was lost; the operation may or may not have happened. It will be reconciled.",
      failure("outcome_unknown", err),
      cause,
    );
  }
  if (err instanceof ParseError) {
    return new UpstreamServiceError(
      `MANGOPAY sent an answer this dashboard cannot read (${err.schemaName}).`,
      failure("unreadable", err),
      cause,
    );
  }
  if (err instanceof InvalidRequestError) return new ValidationError(err.message);
  return new UpstreamServiceError(
    "MANGOPAY could not be reached. Please try again.",
    failure("unavailable", err),
    cause,
  );
}

/** Runs MANGOPAY work and turns its failures into service errors the UI can show. */
export async function callMangopay<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    throw toServiceError(err);
  }
}

/** What a page section shows for a failure: a title, the message and MANGOPAY's reference. */
export type ErrorView = {
  title: string;
  message: string;
  mangopayId: string | null;
  retryAt: string | null;
  code: string;
};

const TITLES: Record<UpstreamFailureKind, string> = {
  authentication: "MANGOPAY refused the API key",
  quota_protection: "Paused to protect the quota",
  rate_limit: "MANGOPAY rate limit reached",
  timeout: "MANGOPAY timed out",
  network: "MANGOPAY unreachable",
  sca: "Strong customer authentication needed",
  idempotency_conflict: "Request already received",
  outcome_unknown: "Outcome unknown",
  unreadable: "Unreadable answer from MANGOPAY",
  refused: "MANGOPAY refused the request",
  unavailable: "MANGOPAY unavailable",
};

/** Any error → what to show. Unknown errors are logged here and shown without internals. */
export function describeError(err: unknown): ErrorView {
  const mapped = toServiceError(err);
  if (mapped instanceof UpstreamServiceError) {
    return {
      title: TITLES[mapped.failure.kind],
      message: mapped.message,
      mangopayId: mapped.failure.mangopayId,
      retryAt: mapped.failure.retryAt,
      code: mapped.code,
    };
  }
  if (mapped instanceof NotFoundError)
    return {
      title: "Not found",
      message: "It does not exist on this account.",
      mangopayId: null,
      retryAt: null,
      code: mapped.code,
    };
  if (mapped instanceof ServiceError)
    return { title: "Could not load", message: mapped.message, mangopayId: null, retryAt: null, code: mapped.code };
  console.error("[dashboard] unexpected error", err);
  return {
    title: "Could not load",
    message: "This part could not be loaded because of an error in the dashboard. Please try again.",
    mangopayId: null,
    retryAt: null,
    code: "INTERNAL",
  };
}

export type Settled<T> = { ok: true; data: T } | { ok: false; error: ErrorView; notFound: boolean };

/** For page sections: a failure becomes something to render, so one section never breaks the page. */
export async function settle<T>(work: Promise<T>): Promise<Settled<T>> {
  try {
    return { ok: true, data: await work };
  } catch (err) {
    const mapped = toServiceError(err);
    return { ok: false, error: describeError(mapped), notFound: mapped instanceof NotFoundError };
  }
}

// One HTTP exchange with MANGOPAY and the mapping of its answer: URL building from path
// templates, body decoding, and error objects → typed errors. No retries here (see client.ts).
import {
  AuthenticationError,
  IdempotencyConflictError,
  InvalidRequestError,
  RateLimitError,
  ScaRequiredError,
  UpstreamError,
  type CallSite,
  type FieldErrors,
  type UpstreamErrorInit,
} from "./errors";
import type { HttpMethod } from "./retry-policy";

export type QueryValue = string | number | boolean | Date | null | undefined | readonly (string | number)[];
export type QueryInput = Record<string, QueryValue>;

/**
 * `background` reads (exports, backfills, prefetches) and `optional` reads (a page's nice-to-have
 * sections) are shed when the quota runs low; `interactive` calls never are (README "Quota policy").
 */
export type RequestPriority = "interactive" | "optional" | "background";

export interface CallOptions {
  priority?: RequestPriority;
  signal?: AbortSignal;
  timeoutMs?: number;
  deadlineMs?: number;
}

/**
 * The API version segment of the URL. Most of MANGOPAY is `/v2.01/{ClientId}/…`; pay-in intents and their
 * settlements live under `/V3.0/{ClientId}/…` on the same host, token and rate limits.
 */
export type ApiVersion = "v2.01" | "V3.0";

export interface ApiRequest extends CallOptions {
  method: HttpMethod;
  /** Template after `/{version}/{ClientId}`, e.g. `/users/{id}`; recorded as is. */
  path: string;
  /** `v2.01` when absent. */
  version?: ApiVersion;
  params?: Record<string, string>;
  query?: QueryInput;
  body?: unknown;
  /** POST only. Generated when absent; money actions pass the key stored with their intent. */
  idempotencyKey?: string;
  /** On 409 conflict, return the stored outcome of the earlier call with this key instead of failing. */
  recoverOnConflict?: boolean;
}

export interface ApiResponse {
  status: number;
  headers: Headers;
  body: unknown;
  requestId: string | null;
  attempts: number;
  idempotencyKey: string | null;
  /** True when the body came from `GET /responses/{key}` after the POST's own answer was lost. */
  recovered: boolean;
}

function queryString(value: Exclude<QueryValue, null | undefined>): string {
  if (value instanceof Date) return String(Math.floor(value.getTime() / 1000));
  if (Array.isArray(value)) return value.map(String).join(",");
  return String(value);
}

/**
 * `{base}/{version}/{ClientId}{template with params}` plus query (version `v2.01` unless given). An empty or missing id is refused:
 * `/users/` would silently list every user instead of fetching one.
 */
export function buildUrl(
  baseUrl: string,
  clientId: string,
  template: string,
  params: Record<string, string> = {},
  query: QueryInput = {},
  version: ApiVersion = "v2.01",
): string {
  const path = template.replace(/\{(\w+)\}/g, (_match, name: string) => {
    const value = params[name];
    if (typeof value !== "string" || value.trim() === "") {
      throw new InvalidRequestError(`MANGOPAY path ${template} needs a non-empty "${name}"`);
    }
    return encodeURIComponent(value);
  });
  const url = new URL(`${baseUrl.replace(/\/+$/, "")}/${version}/${encodeURIComponent(clientId)}${path}`);
  for (const [key, value] of Object.entries(query)) {
    if (value === null || value === undefined) continue;
    if (Array.isArray(value) && value.length === 0) continue;
    url.searchParams.set(key, queryString(value));
  }
  return url.toString();
}

export interface RawResponse {
  status: number;
  headers: Headers;
  body: unknown;
}

/** Reads the whole body under the caller's signal; JSON when it looks like JSON, text otherwise. */
export async function readBody(response: Response): Promise<unknown> {
  if (response.status === 204) return null;
  const text = await response.text();
  if (text.trim() === "") return null;
  const type = response.headers.get("content-type") ?? "";
  if (type.includes("json") || /^[\s]*[[{]/.test(text)) {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      return text;
    }
  }
  return text;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function stringOrNull(value: unknown): string | null {
  return typeof value === "string" && value !== "" ? value : null;
}

function fieldErrors(value: unknown): FieldErrors | null {
  if (!isRecord(value)) return null;
  const out: FieldErrors = {};
  for (const [key, message] of Object.entries(value))
    out[key] = typeof message === "string" ? message : JSON.stringify(message);
  return Object.keys(out).length > 0 ? out : null;
}

const REQUEST_ID_HEADERS = ["x-request-id", "x-mangopay-request-id", "request-id", "x-correlation-id"];

export function requestIdFrom(headers: Headers, body?: unknown): string | null {
  if (isRecord(body)) {
    const id = stringOrNull(body.Id);
    if (id) return id;
  }
  for (const name of REQUEST_ID_HEADERS) {
    const value = headers.get(name);
    if (value) return value;
  }
  return null;
}

/** `PendingUserAction RedirectUrl=https://…` (docs spell it RedirectUrl and redirectUrl). */
export function parsePendingUserAction(header: string | null): { redirectUrl: string | null } | null {
  if (!header || !/PendingUserAction/i.test(header)) return null;
  const match = /redirecturl\s*=\s*"?([^\s",]+)"?/i.exec(header);
  return { redirectUrl: match?.[1] ?? null };
}

const MAX_MESSAGE_LENGTH = 300;
const SCA_CONSENT_PATTERN = /consent|\bsca\b|sca_|proxy/i;

/** Turns a non-2xx answer into the most specific typed error. */
export function toUpstreamError(raw: RawResponse, site: CallSite): UpstreamError {
  const body = isRecord(raw.body) ? raw.body : {};
  const type = stringOrNull(body.Type) ?? stringOrNull(body.error);
  // Only MANGOPAY's own error objects (`Message`, or OAuth's `error_description`) are ever shown:
  // raw text or HTML from whatever answered could be an internal page and is never echoed.
  const message =
    (stringOrNull(body.Message) ?? stringOrNull(body.error_description))?.slice(0, MAX_MESSAGE_LENGTH) ??
    `HTTP ${raw.status}`;
  const date = typeof body.Date === "number" ? new Date(body.Date * 1000) : null;
  const init: UpstreamErrorInit = {
    ...site,
    status: raw.status,
    type,
    message,
    // V3.0 answers (pay-in intents) name the field messages `Errors`.
    errors: fieldErrors(body.errors ?? body.Errors),
    requestId: requestIdFrom(raw.headers, raw.body),
    date,
  };
  const pending = parsePendingUserAction(raw.headers.get("www-authenticate"));
  const pendingInBody = isRecord(body.PendingUserAction) ? stringOrNull(body.PendingUserAction.RedirectUrl) : null;
  if (raw.status === 401 && (pending || pendingInBody)) {
    return new ScaRequiredError({
      ...init,
      reason: "pending_user_action",
      redirectUrl: pending?.redirectUrl ?? pendingInBody,
    });
  }
  if (raw.status === 403 && SCA_CONSENT_PATTERN.test(`${type ?? ""} ${message}`)) {
    return new ScaRequiredError({ ...init, reason: "consent_required" });
  }
  if (raw.status === 409 && type === "idempotent_creation_conflict") return new IdempotencyConflictError(init);
  if (raw.status === 429) return new RateLimitError(init);
  if (raw.status === 401) return new AuthenticationError(init);
  return new UpstreamError(init);
}

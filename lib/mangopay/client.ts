import "server-only";
// The only code that knows MANGOPAY base URLs, tokens and headers. One client per API account;
// credentials stay in this closure and never reach a client component. Retry, timeout,
// idempotency and quota rules are documented in lib/mangopay/README.md.
import { randomUUID } from "node:crypto";
import { accountStateKey, createAccountState, sharedAccountState, type AccountState } from "./account-state";
import { guardFetch, type AddressPolicy } from "./address-policy";
import {
  AddressRefusedError,
  IdempotencyConflictError,
  InvalidRequestError,
  NetworkError,
  OutcomeUnknownError,
  QuotaProtectionError,
  RedirectRefusedError,
  ScaRequiredError,
  TimeoutError,
  UpstreamError,
} from "./errors";
import {
  buildUrl,
  readBody,
  requestIdFrom,
  toUpstreamError,
  type ApiRequest,
  type ApiResponse,
  type RawResponse,
} from "./http";
import { fetchAccessToken, isTransientTokenError } from "./oauth";
import {
  DEFAULT_QUOTA_POLICY,
  exhaustedBucket,
  parseRateLimitHeaders,
  type QuotaPolicy,
  type RateLimitBucket,
  type RateLimitSnapshot,
} from "./rate-limits";
import type { QuotaStore } from "./quota-store";
import { defaultCallRecorder, type CallRecorder, type UpstreamCall } from "./recorder";
import {
  backoffDelayMs,
  DEFAULT_RETRY_POLICY,
  isRetryableStatus,
  rateLimitWaitMs,
  type RetryPolicy,
} from "./retry-policy";
import { abortableSleep, assertIdempotencyKey } from "./timing-and-keys";
import { lookupStoredResponse } from "./stored-response";

export { createAccountState, assertIdempotencyKey, type AccountState };
// The request/response shapes live in http.ts (stored-response.ts needs them without the client).
export type { ApiRequest, ApiResponse, ApiVersion, CallOptions, RequestPriority } from "./http";

export interface MangopayAccountConfig {
  clientId: string;
  apiKey: string;
  /** `https://api.mangopay.com`, `https://api.sandbox.mangopay.com` or the emulator's URL. */
  baseUrl: string;
  /** The dashboard's own id for this API account, carried into call records. */
  accountId?: string;
}

export interface MangopayClientDeps {
  /** Test seam: a fake fetch reaches no network, so the address policy applies only when given. */
  fetch?: typeof fetch;
  /** Which hosts may be called. Required with the real network fetch (no default that could be too lax). */
  addressPolicy?: AddressPolicy;
  now?: () => number;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  random?: () => number;
  recorder?: CallRecorder;
  retry?: Partial<RetryPolicy>;
  quota?: QuotaPolicy;
  /** Token + rate-limit state; defaults to the process-wide state of this account. */
  state?: AccountState;
  /**
   * Where the quota ledger that gates background reads lives; defaults to the account state's own
   * (this process). The app passes its database store so that all its instances share one.
   */
  quotaStore?: QuotaStore;
  newIdempotencyKey?: () => string;
}

export interface MangopayClient {
  readonly clientId: string;
  readonly accountId: string | null;
  readonly baseUrl: string;
  request(request: ApiRequest): Promise<ApiResponse>;
  rateLimits(): RateLimitSnapshot | null;
  newIdempotencyKey(): string;
}

export function createMangopayClient(config: MangopayAccountConfig, deps: MangopayClientDeps = {}): MangopayClient {
  if (!config.clientId || !config.apiKey || !config.baseUrl) {
    throw new InvalidRequestError("MANGOPAY client needs clientId, apiKey and baseUrl");
  }
  const baseUrl = config.baseUrl.replace(/\/+$/, "");
  const fetchImpl = mangopayFetch(deps);
  const now = deps.now ?? Date.now;
  const sleep = deps.sleep ?? abortableSleep;
  const random = deps.random ?? Math.random;
  const recorder = deps.recorder ?? defaultCallRecorder();
  const policy: RetryPolicy = { ...DEFAULT_RETRY_POLICY, ...deps.retry };
  const quota = deps.quota ?? DEFAULT_QUOTA_POLICY;
  const state = deps.state ?? sharedAccountState(baseUrl, config.clientId, config.apiKey);
  const quotaStore = deps.quotaStore ?? state.quota;
  const quotaKey = accountStateKey(baseUrl, config.clientId, config.apiKey);
  const newKey = deps.newIdempotencyKey ?? (() => randomUUID());
  const accountId = config.accountId ?? null;

  const record = (call: Omit<UpstreamCall, "accountId" | "clientId">) => {
    try {
      recorder.record({ accountId, clientId: config.clientId, ...call });
    } catch {
      // A broken recorder must never fail a payment call.
    }
  };

  const fetchToken = () =>
    fetchAccessToken({
      baseUrl,
      clientId: config.clientId,
      apiKey: config.apiKey,
      fetch: fetchImpl,
      now,
      timeoutMs: policy.attemptTimeoutMs,
      record,
    });

  async function exchange(
    req: ApiRequest,
    url: string,
    token: string,
    key: string | null,
    attempt: number,
    timeoutMs: number,
  ): Promise<RawResponse> {
    const startedAt = now();
    const site = { method: req.method, pathTemplate: req.path };
    const timeout = AbortSignal.timeout(timeoutMs);
    const signal = req.signal ? AbortSignal.any([req.signal, timeout]) : timeout;
    const headers: Record<string, string> = { Authorization: `Bearer ${token}`, Accept: "application/json" };
    if (req.body !== undefined) headers["Content-Type"] = "application/json";
    if (key) headers["Idempotency-Key"] = key;
    const base = {
      method: req.method,
      pathTemplate: req.path,
      attempt,
      startedAt: new Date(startedAt),
      idempotencyKey: key,
    };
    try {
      const response = await fetchImpl(url, {
        method: req.method,
        headers,
        body: req.body === undefined ? undefined : JSON.stringify(req.body),
        signal,
        cache: "no-store",
        redirect: "manual",
      });
      if (response.status >= 300 && response.status < 400) throw new RedirectRefusedError(site, response.status);
      const raw: RawResponse = { status: response.status, headers: response.headers, body: await readBody(response) };
      const snapshot = parseRateLimitHeaders(response.headers, now());
      state.rateLimits.update(snapshot);
      // A background read waits until the shared ledger has its answer (the next claim must see it);
      // other calls do not wait on it, and a failing store never fails a call.
      const observed = quotaStore.observe(quotaKey, snapshot, null, now(), req.priority).catch(() => undefined);
      if (req.priority === "background") await observed;
      const ok = raw.status >= 200 && raw.status < 300;
      record({
        ...base,
        status: raw.status,
        durationMs: Math.max(0, now() - startedAt),
        rateLimitRemaining: snapshot?.buckets[0]?.remaining ?? state.rateLimits.shortRemaining,
        outcome: ok ? "ok" : "http_error",
        requestId: requestIdFrom(response.headers, ok ? undefined : raw.body),
      });
      return raw;
    } catch (error) {
      // Refused before or instead of an answer: nothing to retry, nothing to reveal about the target.
      if (error instanceof AddressRefusedError || error instanceof RedirectRefusedError) {
        const redirected = error instanceof RedirectRefusedError;
        record({
          ...base,
          status: redirected ? error.status : null,
          durationMs: Math.max(0, now() - startedAt),
          rateLimitRemaining: state.rateLimits.shortRemaining,
          outcome: redirected ? "http_error" : "network_error",
          requestId: null,
        });
        throw error;
      }
      const timedOut = timeout.aborted && !req.signal?.aborted;
      record({
        ...base,
        status: null,
        durationMs: Math.max(0, now() - startedAt),
        rateLimitRemaining: state.rateLimits.shortRemaining,
        outcome: timedOut ? "timeout" : "network_error",
        requestId: null,
      });
      if (req.signal?.aborted) throw req.signal.reason ?? error;
      if (timedOut) throw new TimeoutError(site, timeoutMs, { cause: error });
      throw new NetworkError(site, { cause: error });
    }
  }

  /** Claims one background call on the shared ledger (this process's view if the store fails). */
  async function claimBackground(): Promise<{ claimId: string | null; bucket: RateLimitBucket | null }> {
    try {
      const claim = await quotaStore.claim(quotaKey, now(), quota);
      return claim.ok ? { claimId: claim.claimId, bucket: null } : { claimId: null, bucket: claim.bucket };
    } catch {
      return { claimId: null, bucket: exhaustedBucket(state.rateLimits.current, now(), quota) };
    }
  }

  /** The bucket that sheds an optional read: the shared ledger as it stands, read without a claim. */
  async function optionalGate(): Promise<RateLimitBucket | null> {
    try {
      return exhaustedBucket(await quotaStore.peek(quotaKey, now()), now(), quota);
    } catch {
      return exhaustedBucket(state.rateLimits.current, now(), quota);
    }
  }

  /** A read refused by the quota policy: recorded as shed, no HTTP call. */
  function shed(req: ApiRequest, bucket: RateLimitBucket): QuotaProtectionError {
    record({
      method: req.method,
      pathTemplate: req.path,
      attempt: 0,
      status: null,
      durationMs: 0,
      rateLimitRemaining: bucket.remaining,
      outcome: "shed",
      startedAt: new Date(now()),
      idempotencyKey: null,
      requestId: null,
    });
    return new QuotaProtectionError(bucket);
  }

  async function request(req: ApiRequest): Promise<ApiResponse> {
    if (req.method !== "GET" || (req.priority ?? "interactive") === "interactive") return send(req);
    if (req.priority === "optional") {
      // A page's nice-to-have read: gated like a background one, but it claims nothing (a page makes a
      // handful, where a backfill makes thousands), so it costs no locked change of the ledger.
      const bucket = await optionalGate();
      if (bucket) throw shed(req, bucket);
      return send(req);
    }
    const { claimId, bucket } = await claimBackground();
    if (bucket) throw shed(req, bucket);
    try {
      return await send(req);
    } finally {
      if (claimId) await quotaStore.observe(quotaKey, null, claimId, now()).catch(() => undefined);
    }
  }

  async function send(req: ApiRequest): Promise<ApiResponse> {
    const site = { method: req.method, pathTemplate: req.path };
    const url = buildUrl(baseUrl, config.clientId, req.path, req.params, req.query, req.version);
    const key = req.method === "POST" ? assertIdempotencyKey(req.idempotencyKey ?? newKey()) : null;
    const deadlineMs = req.deadlineMs ?? policy.deadlineMs;
    const deadlineAt = now() + deadlineMs;
    let tokenRefreshed = false;
    let answerLost = false; // an earlier POST attempt may have been committed
    let lastError: unknown = null;

    // Waits before the next attempt; false when attempts or the deadline are used up.
    const backoff = async (attempt: number, waitHintMs: number | null = null): Promise<boolean> => {
      if (attempt >= policy.maxAttempts) return false;
      const delay =
        waitHintMs !== null ? waitHintMs + random() * policy.baseDelayMs : backoffDelayMs(attempt, policy, random);
      if (now() + delay >= deadlineAt) return false;
      await sleep(delay, req.signal);
      return true;
    };
    // After a lost answer, a failure that is not MANGOPAY's own verdict leaves the outcome unknown.
    const fail = (error: unknown): unknown => {
      if (!key || !answerLost || req.signal?.aborted) return error;
      const definitive = error instanceof UpstreamError && error.status < 500 && error.status !== 429;
      return definitive ? error : new OutcomeUnknownError(site, key, { cause: error });
    };
    const recover = async (): Promise<ApiResponse | null> => {
      if (!key) return null;
      let stored: Awaited<ReturnType<typeof lookupStoredResponse>>;
      try {
        stored = await lookupStoredResponse(request, key, site, {
          signal: req.signal,
          deadlineMs: Math.max(1, deadlineAt - now()),
        });
      } catch (error) {
        // The stored verdict (an UpstreamError for the original call) is definitive; a failed lookup is not.
        if (error instanceof UpstreamError && error.pathTemplate === site.pathTemplate) throw error;
        throw fail(error);
      }
      return stored && { ...stored, idempotencyKey: key };
    };

    // Bounded: every path either returns, throws, or spends one of maxAttempts (+1 token refresh).
    for (let attempt = 1; attempt <= policy.maxAttempts + 1; attempt += 1) {
      const remainingMs = deadlineAt - now();
      if (remainingMs <= 0) throw fail(lastError ?? new TimeoutError(site, deadlineMs));
      let token: string;
      try {
        token = await state.tokens.get(fetchToken);
      } catch (error) {
        if (isTransientTokenError(error) && (await backoff(attempt))) {
          lastError = error;
          continue;
        }
        throw error;
      }
      let raw: RawResponse;
      try {
        raw = await exchange(
          req,
          url,
          token,
          key,
          attempt,
          Math.min(req.timeoutMs ?? policy.attemptTimeoutMs, remainingMs),
        );
      } catch (error) {
        if (!(error instanceof NetworkError || error instanceof TimeoutError)) throw error;
        lastError = error;
        if (key) {
          // The answer was lost: ask MANGOPAY what happened before daring to send it again.
          answerLost = true;
          const recovered = await recover();
          if (recovered) return { ...recovered, attempts: attempt };
        } else if (req.method !== "GET") {
          throw error;
        }
        if (await backoff(attempt)) continue;
        throw fail(error);
      }
      if (raw.status >= 200 && raw.status < 300) {
        return {
          status: raw.status,
          headers: raw.headers,
          body: raw.body,
          requestId: requestIdFrom(raw.headers),
          attempts: attempt,
          idempotencyKey: key,
          recovered: false,
        };
      }
      const error = toUpstreamError(raw, site);
      if (raw.status === 401 && !(error instanceof ScaRequiredError) && !tokenRefreshed) {
        tokenRefreshed = true;
        lastError = error;
        state.tokens.invalidate(token);
        continue;
      }
      if (error instanceof IdempotencyConflictError && (answerLost || req.recoverOnConflict)) {
        const recovered = await recover();
        if (recovered) return { ...recovered, attempts: attempt };
        throw error;
      }
      lastError = error;
      if (!isRetryableStatus(req.method, raw.status, key !== null)) throw error;
      if (req.method === "POST" && raw.status !== 429) answerLost = true;
      // Honour a 429's reset when it fits the deadline. Buckets slide, so a far reset overstates
      // the wait: then plain backoff (bounded by maxAttempts) is the better guess.
      const hint =
        raw.status === 429
          ? rateLimitWaitMs(raw.headers.get("retry-after"), parseRateLimitHeaders(raw.headers, now()), now())
          : null;
      const usableHint = hint !== null && now() + hint < deadlineAt ? hint : null;
      if (await backoff(attempt, usableHint)) continue;
      throw fail(error);
    }
    throw fail(lastError ?? new TimeoutError(site, deadlineMs));
  }

  return {
    clientId: config.clientId,
    accountId,
    baseUrl,
    request,
    rateLimits: () => state.rateLimits.current,
    newIdempotencyKey: newKey,
  };
}

/**
 * The fetch every MANGOPAY call goes through: the real network fetch is always wrapped by the
 * address policy (hosts resolved and checked, redirects never followed).
 */
export function mangopayFetch(deps: Pick<MangopayClientDeps, "fetch" | "addressPolicy">): typeof fetch {
  if (deps.addressPolicy) return guardFetch(deps.fetch ?? ((input, init) => fetch(input, init)), deps.addressPolicy);
  if (deps.fetch) return deps.fetch;
  throw new InvalidRequestError("A MANGOPAY client on the network needs an address policy");
}

/** A fresh, unshared state — for tests and one-off scripts that must not touch the process cache. */
export function isolatedDeps(deps: MangopayClientDeps = {}): MangopayClientDeps {
  return { ...deps, state: deps.state ?? createAccountState(deps.now) };
}

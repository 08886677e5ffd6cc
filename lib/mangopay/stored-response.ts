// Learning the outcome of a POST whose answer was lost (dropped connection, timeout, 5xx):
// MANGOPAY keeps the response of every keyed POST for 24 h at GET /responses/{key}.
import { UpstreamError, type CallSite } from "./errors";
import { toUpstreamError, type ApiRequest, type ApiResponse } from "./http";
import { parseOrThrow } from "./schemas/common";
import { IdempotencyResponse } from "./schemas/idempotency";

export const RESPONSES_PATH = "/responses/{key}";

/**
 * The stored outcome as if the POST had answered: a 2xx resource, or the stored error thrown as
 * an UpstreamError for the original call. Null when MANGOPAY has no record (404): never processed.
 */
export async function lookupStoredResponse(
  request: (req: ApiRequest) => Promise<ApiResponse>,
  key: string,
  original: CallSite,
  options: { signal?: AbortSignal; deadlineMs: number },
): Promise<Omit<ApiResponse, "idempotencyKey"> | null> {
  let response: ApiResponse;
  try {
    response = await request({
      method: "GET",
      path: RESPONSES_PATH,
      params: { key },
      signal: options.signal,
      deadlineMs: options.deadlineMs,
    });
  } catch (error) {
    if (error instanceof UpstreamError && error.status === 404) return null;
    throw error;
  }
  const stored = parseOrThrow(IdempotencyResponse, response.body, "idempotency response");
  if (stored.StatusCode >= 200 && stored.StatusCode < 300) {
    return {
      status: stored.StatusCode,
      headers: response.headers,
      body: stored.Resource,
      requestId: response.requestId,
      attempts: 1,
      recovered: true,
    };
  }
  throw toUpstreamError({ status: stored.StatusCode, headers: new Headers(), body: stored.Resource }, original);
}

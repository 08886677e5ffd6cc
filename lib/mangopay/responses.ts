// Reconciliation of money actions: the service layer calls `get` with the key stored on an
// operation row left PENDING by a crash between sending and recording (STYLE.md, adapter section).
import type { CallOptions, MangopayClient } from "./client";
import { UpstreamError } from "./errors";
import { getOne } from "./resource";
import { IdempotencyResponse } from "./schemas/idempotency";
import { RESPONSES_PATH } from "./stored-response";

/** The stored answer of the POST sent with `idempotencyKey`, or null if MANGOPAY has none (24 h). */
export async function get(
  client: MangopayClient,
  idempotencyKey: string,
  options: CallOptions = {},
): Promise<IdempotencyResponse | null> {
  try {
    return await getOne(
      client,
      RESPONSES_PATH,
      { key: idempotencyKey },
      IdempotencyResponse,
      "idempotency response",
      options,
    );
  } catch (error) {
    if (error instanceof UpstreamError && error.status === 404) return null;
    throw error;
  }
}

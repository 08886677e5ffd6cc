// Idempotency-Key on POST (docs/mangopay-api.md §2.4): any reuse within 24 h → 409, whatever the first outcome;
// GET /responses/{key} replays what was stored.
import { ApiError, paramError } from "./errors";
import type { ClientStore } from "../store/client-store";
import type { StoredResponse } from "../store/types";

const KEY_FORMAT = /^[A-Za-z0-9-]{16,36}$/;
export const IDEMPOTENCY_TTL_MS = 24 * 3600 * 1000;

export function checkIdempotencyKey(store: ClientStore, key: string, nowMs: number): void {
  if (!KEY_FORMAT.test(key)) {
    throw paramError({
      "Idempotency-Key": "The Idempotency-Key must be 16 to 36 characters long, alphanumeric or '-'.",
    });
  }
  const previous = store.idempotency.get(key);
  if (previous && nowMs - previous.createdAtMs < IDEMPOTENCY_TTL_MS) {
    throw new ApiError(
      409,
      "idempotent_creation_conflict",
      "A resource has already been created with this Idempotency Key",
    );
  }
}

export function storeIdempotentResponse(store: ClientStore, entry: StoredResponse): void {
  store.idempotency.set(entry.key, entry);
  // Entries are in insertion (= time) order: drop the expired head now and then, so a long-running
  // dev server does not keep every response forever.
  if (store.idempotency.size % 1000 === 0) {
    for (const [key, old] of store.idempotency) {
      if (entry.createdAtMs - old.createdAtMs < IDEMPOTENCY_TTL_MS) break;
      store.idempotency.delete(key);
    }
  }
}

export function findStoredResponse(store: ClientStore, key: string, nowMs: number): StoredResponse | null {
  const entry = store.idempotency.get(key);
  if (!entry || nowMs - entry.createdAtMs >= IDEMPOTENCY_TTL_MS) return null;
  return entry;
}

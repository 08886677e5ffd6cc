// Small helpers of the request loop: idempotency-key validation and an abortable sleep.
import { InvalidRequestError } from "./errors";

// MANGOPAY accepts 16–36 characters, letters, digits or '-' (docs/mangopay-api.md §2.4); a UUID fits.
const IDEMPOTENCY_KEY_PATTERN = /^[A-Za-z0-9-]{16,36}$/;

export function assertIdempotencyKey(key: string): string {
  if (!IDEMPOTENCY_KEY_PATTERN.test(key)) {
    throw new InvalidRequestError("Idempotency-Key must be 16–36 characters, letters, digits or '-'");
  }
  return key;
}

/** setTimeout as a promise that rejects with the signal's reason when the caller gives up. */
export function abortableSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}

// The official SDK's own dispute tests send amounts as strings ("Amount": "10"); the real API
// accepts them, so these routes normalise numeric strings before the shared BodyReader checks.
import { BodyReader } from "../core/body";

function normalise(value: unknown): unknown {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return value;
  const m = value as Record<string, unknown>;
  return typeof m.Amount === "string" && /^-?\d+$/.test(m.Amount.trim()) ? { ...m, Amount: Number(m.Amount) } : m;
}

/** A BodyReader whose money fields accept integer strings. */
export function lenientReader(body: Record<string, unknown>, moneyFields: string[]): BodyReader {
  const copy: Record<string, unknown> = { ...body };
  for (const f of moneyFields) if (copy[f] !== undefined) copy[f] = normalise(copy[f]);
  return new BodyReader(copy);
}

// A resource behind an event, shown "fully": every field MANGOPAY returned, in its order, with the
// ids that name other objects marked so the page can link them.

export type FieldValue =
  | { kind: "text"; value: string }
  | { kind: "date"; value: string }
  | { kind: "money"; currency: string; amountMinor: number }
  | { kind: "id"; value: string; target: IdTarget }
  | { kind: "json"; value: string }
  | { kind: "empty" };

export type IdTarget = "user" | "wallet" | "transaction" | "dispute" | "other";

export type ResourceField = { key: string; value: FieldValue };

const ID_TARGETS: Record<string, IdTarget> = {
  UserId: "user",
  AuthorId: "user",
  CreditedUserId: "user",
  DebitedWalletId: "wallet",
  CreditedWalletId: "wallet",
  WalletId: "wallet",
  InitialTransactionId: "transaction",
  RepudiationId: "transaction",
  DisputeId: "dispute",
};

function isMoney(v: unknown): v is { Currency: string; Amount: number } {
  return (
    typeof v === "object" &&
    v !== null &&
    typeof (v as { Currency?: unknown }).Currency === "string" &&
    Number.isInteger((v as { Amount?: unknown }).Amount)
  );
}

function fieldValue(key: string, v: unknown): FieldValue {
  if (v === null || v === undefined || v === "") return { kind: "empty" };
  if (v instanceof Date) return { kind: "date", value: v.toISOString() };
  if (typeof v === "number" && /Date$/.test(key)) return { kind: "date", value: new Date(v * 1000).toISOString() };
  if (isMoney(v)) return { kind: "money", currency: v.Currency, amountMinor: v.Amount };
  if (typeof v === "string") {
    const target = ID_TARGETS[key] ?? (key.endsWith("Id") ? "other" : undefined);
    return target ? { kind: "id", value: v, target } : { kind: "text", value: v };
  }
  if (typeof v === "number" || typeof v === "boolean") return { kind: "text", value: String(v) };
  return {
    kind: "json",
    value: JSON.stringify(v, (_k, inner: unknown) => (inner instanceof Date ? inner.toISOString() : inner), 2),
  };
}

export function toResourceFields(obj: Record<string, unknown>): ResourceField[] {
  return Object.entries(obj).map(([key, v]) => ({ key, value: fieldValue(key, v) }));
}

import { Badge, type BadgeProps } from "@/components/ui/badge";

type Tone = NonNullable<BadgeProps["variant"]>;

// MANGOPAY statuses across objects (transactions, KYC, UBO, mandates, disputes, cards, hooks).
const TONES: Record<string, Tone> = {
  SUCCEEDED: "success",
  VALIDATED: "success",
  ACTIVE: "success",
  VALID: "success",
  ENABLED: "success",
  READY_FOR_DOWNLOAD: "success",
  READY: "success",
  GENERATED: "success",
  ERROR: "danger",
  PENDING: "info",
  REQUESTING: "info",
  WON: "success",
  REGULAR: "success",
  FAILED: "danger",
  REFUSED: "danger",
  INVALID: "danger",
  LOST: "danger",
  OUT_OF_DATE: "danger",
  EXPIRED: "danger",
  CLOSED: "neutral",
  CANCELED: "neutral",
  DISABLED: "neutral",
  INACTIVE: "neutral",
  CREATED: "info",
  SUBMITTED: "info",
  VALIDATION_ASKED: "info",
  PENDING_BANK_ACTION: "info",
  WAITING: "info",
  PENDING_CLIENT_ACTION: "warning",
  REOPENED_PENDING_CLIENT_ACTION: "warning",
  INCOMPLETE: "warning",
  PENDING_USER_ACTION: "warning",
  LIGHT: "warning",
  // Pay-in intents, their splits and settlements (V3.0).
  AUTHORIZED: "info",
  CAPTURED: "success",
  PARTIALLY_CAPTURED: "info",
  PAID: "success",
  SETTLED_NOT_PAID: "info",
  AVAILABLE: "success",
  PENDING_FUNDS_RECEPTION: "info",
  RECONCILED: "success",
  PENDING_UPLOAD: "info",
  UPLOADED: "info",
  UNMATCHED: "danger",
  PARTIALLY_MATCHED: "warning",
  DISPUTED: "warning",
  REJECTED: "danger",
};

export function statusTone(status: string): Tone {
  return TONES[status.toUpperCase()] ?? "neutral";
}

/** A MANGOPAY status as a coloured badge; unknown statuses are shown as sent, in neutral. */
export function StatusBadge({ status, label }: { status: string | null | undefined; label?: string }) {
  if (!status) return <span className="text-slate-400">—</span>;
  return (
    <Badge variant={statusTone(status)} data-status={status}>
      {label ??
        status
          .replaceAll("_", " ")
          .toLowerCase()
          .replace(/^\w/, (c) => c.toUpperCase())}
    </Badge>
  );
}

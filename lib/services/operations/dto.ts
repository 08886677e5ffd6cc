import type { Prisma } from "@/generated/prisma/client";

export type OperationStatus = "AWAITING_APPROVAL" | "PENDING" | "SUCCEEDED" | "FAILED" | "NOT_SENT";

/** One operation as pages and actions show it (no idempotency key, no request body). */
export type OperationDTO = {
  id: string;
  action: string;
  kind: string | null;
  status: OperationStatus;
  amountMinor: number | null;
  feesMinor: number | null;
  currency: string | null;
  sourceId: string | null;
  destinationId: string | null;
  reason: string | null;
  upstreamId: string | null;
  upstreamStatus: string | null;
  resultCode: string | null;
  resultMessage: string | null;
  wireReference: string | null;
  bankWireRef: string | null;
  redirectUrl: string | null;
  bankAccount: { type: string | null; ownerName: string | null; iban: string | null; bic: string | null } | null;
  actorUserId: string | null;
  actorEmail: string | null;
  createdAt: string;
  completedAt: string | null;
};

export const OPERATION_SELECT = {
  id: true,
  hubId: true,
  apiAccountId: true,
  action: true,
  kind: true,
  status: true,
  amountMinor: true,
  feesMinor: true,
  currency: true,
  sourceId: true,
  destinationId: true,
  reason: true,
  upstreamId: true,
  upstreamStatus: true,
  resultCode: true,
  resultMessage: true,
  resultData: true,
  errorCode: true,
  actorUserId: true,
  idempotencyKey: true,
  request: true,
  sentAt: true,
  createdAt: true,
  completedAt: true,
} satisfies Prisma.UpstreamOperationSelect;

export type OperationRow = Prisma.UpstreamOperationGetPayload<{ select: typeof OPERATION_SELECT }>;

const str = (v: unknown): string | null => (typeof v === "string" ? v : null);
const num = (v: bigint | null): number | null => (v === null ? null : Number(v));

export function toOperationDTO(row: OperationRow, actorEmail: string | null = null): OperationDTO {
  const data = (row.resultData ?? {}) as Record<string, unknown>;
  const bank =
    data.bankAccount && typeof data.bankAccount === "object" ? (data.bankAccount as Record<string, unknown>) : null;
  return {
    id: row.id,
    action: row.action,
    kind: row.kind,
    status: row.status,
    amountMinor: num(row.amountMinor),
    feesMinor: num(row.feesMinor),
    currency: row.currency,
    sourceId: row.sourceId,
    destinationId: row.destinationId,
    reason: row.reason,
    upstreamId: row.upstreamId,
    upstreamStatus: row.upstreamStatus,
    resultCode: row.resultCode ?? row.errorCode,
    resultMessage: row.resultMessage,
    wireReference: str(data.wireReference),
    bankWireRef: str(data.bankWireRef),
    redirectUrl: str(data.redirectUrl),
    bankAccount: bank
      ? { type: str(bank.type), ownerName: str(bank.ownerName), iban: str(bank.iban), bic: str(bank.bic) }
      : null,
    actorUserId: row.actorUserId,
    actorEmail,
    createdAt: row.createdAt.toISOString(),
    completedAt: row.completedAt ? row.completedAt.toISOString() : null,
  };
}

import type { Dispute, DisputeDocument } from "@/lib/mangopay/schemas/disputes";
import { iso, toMoneyDTO, type MoneyDTO } from "@/lib/services/mangopay/inputs";
import { moneyOf } from "@/lib/services/transactions/dto";

export type DisputeDTO = {
  id: string;
  tag: string | null;
  createdAt: string;
  status: string;
  statusMessage: string | null;
  type: string;
  reasonType: string | null;
  reasonMessage: string | null;
  disputedFunds: MoneyDTO;
  contestedFunds: MoneyDTO | null;
  contestDeadline: string | null;
  initialTransactionId: string;
  initialTransactionType: string | null;
  resultCode: string | null;
  resultMessage: string | null;
  closedAt: string | null;
  repudiationId: string | null;
};

export function toDisputeDTO(d: Dispute): DisputeDTO {
  return {
    id: d.Id,
    tag: d.Tag ?? null,
    createdAt: d.CreationDate.toISOString(),
    status: d.Status,
    statusMessage: d.StatusMessage ?? null,
    type: d.DisputeType,
    reasonType: d.DisputeReason?.DisputeReasonType ?? null,
    reasonMessage: d.DisputeReason?.DisputeReasonMessage ?? null,
    disputedFunds: moneyOf(d.DisputedFunds),
    contestedFunds: toMoneyDTO(d.ContestedFunds),
    contestDeadline: iso(d.ContestDeadlineDate),
    initialTransactionId: d.InitialTransactionId,
    initialTransactionType: d.InitialTransactionType ?? null,
    resultCode: d.ResultCode ?? null,
    resultMessage: d.ResultMessage ?? null,
    closedAt: iso(d.ClosedDate),
    repudiationId: d.RepudiationId ?? null,
  };
}

export type DisputeDocumentDTO = {
  id: string;
  type: string;
  status: string;
  refusedReasonType: string | null;
  refusedReasonMessage: string | null;
  createdAt: string;
  processedAt: string | null;
  tag: string | null;
};

export function toDisputeDocumentDTO(d: DisputeDocument): DisputeDocumentDTO {
  return {
    id: d.Id,
    type: d.Type,
    status: d.Status,
    refusedReasonType: d.RefusedReasonType ?? null,
    refusedReasonMessage: d.RefusedReasonMessage ?? null,
    createdAt: d.CreationDate.toISOString(),
    processedAt: iso(d.ProcessedDate),
    tag: d.Tag ?? null,
  };
}

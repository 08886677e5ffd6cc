import type { IntentSettlement, SettlementValidations } from "@/lib/mangopay/schemas/pay-in-intents";
import { iso } from "@/lib/services/mangopay/inputs";

/**
 * A pay-in intent settlement: the provider's settlement file and what MANGOPAY made of it. MANGOPAY's answer
 * carries no currency (the file's footer has it): amounts stay in minor units, formatted by the page with the
 * currency of a matched intent when one is known.
 */
export type IntentSettlementDTO = {
  id: string;
  status: string;
  fileName: string | null;
  createdAt: string | null;
  /** The footer's SettlementDate (a day; MANGOPAY sends midnight UTC). */
  settlementDate: string | null;
  providerName: string | null;
  declaredMinor: number | null;
  providerFeesMinor: number | null;
  actualMinor: number | null;
  missingMinor: number | null;
};

export type SettlementValidationsDTO = {
  footer: { footerName: string | null; code: string | null; description: string | null }[];
  lines: {
    providerReference: string | null;
    transactionType: string | null;
    code: string | null;
    description: string | null;
  }[];
};

export function toIntentSettlementDTO(s: IntentSettlement): IntentSettlementDTO {
  return {
    id: s.SettlementId,
    status: s.Status,
    fileName: s.FileName ?? null,
    createdAt: iso(s.CreationDate),
    settlementDate: iso(s.SettlementDate),
    providerName: s.ExternalProviderName ?? null,
    declaredMinor: s.DeclaredIntentAmount ?? null,
    providerFeesMinor: s.ExternalProcessorFeesAmount ?? null,
    actualMinor: s.ActualSettlementAmount ?? null,
    missingMinor: s.FundsMissingAmount ?? null,
  };
}

export function toSettlementValidationsDTO(v: SettlementValidations): SettlementValidationsDTO {
  return {
    footer: (v.FooterErrors ?? []).map((e) => ({
      footerName: e.FooterName ?? null,
      code: e.Code ?? null,
      description: e.Description ?? null,
    })),
    lines: (v.LinesErrors ?? []).map((e) => ({
      providerReference: e.ExternalProviderReference ?? null,
      transactionType: e.ExternalTransactionType ?? null,
      code: e.Code ?? null,
      description: e.Description ?? null,
    })),
  };
}

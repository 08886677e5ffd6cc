import "server-only";
import { kycDocuments } from "@/lib/mangopay";
import type { KycDocument } from "@/lib/mangopay/schemas/kyc";
import type { AccountContext } from "@/lib/server/account-context";
import { assertCan } from "@/lib/server/permissions";
import { parseInput } from "@/lib/services/access/parse-input";
import { mangopayClientFor } from "@/lib/services/api-accounts/internal";
import { callMangopay } from "@/lib/services/sso/internal";
import { dayRangeToQuery } from "@/lib/services/transactions/schemas";
import { ListKycDocumentsInput } from "./schemas";

export type KycDocumentDTO = {
  id: string;
  userId: string;
  type: string;
  status: string;
  refusedReasonType: string | null;
  refusedReasonMessage: string | null;
  flags: string[];
  creationDate: Date;
  processedDate: Date | null;
  tag: string | null;
};

export function toKycDocumentDTO(d: KycDocument): KycDocumentDTO {
  return {
    id: d.Id,
    userId: d.UserId,
    type: d.Type,
    status: d.Status,
    refusedReasonType: d.RefusedReasonType ?? null,
    refusedReasonMessage: d.RefusedReasonMessage ?? null,
    flags: d.Flags ?? [],
    creationDate: d.CreationDate,
    processedDate: d.ProcessedDate,
    tag: d.Tag ?? null,
  };
}

/** KYC documents newest first, for the whole account or one user, by type, status and day range. */
export async function listKycDocuments({ ctx, input }: { ctx: AccountContext; input: ListKycDocumentsInput }) {
  assertCan(ctx, "kycDocuments.read");
  const { filters, userId, page, perPage } = parseInput(ListKycDocumentsInput, input);
  const client = await mangopayClientFor(ctx.hub.id, ctx.account.id);
  const options = {
    page,
    perPage,
    sort: { field: "CreationDate", direction: "DESC" } as const,
    filters: { Type: filters.type, Status: filters.status, ...dayRangeToQuery(filters) },
  };
  const result = await callMangopay(() => (userId ? kycDocuments.listByUser(client, userId, options) : kycDocuments.list(client, options)));
  return { ...result, items: result.items.map(toKycDocumentDTO) };
}

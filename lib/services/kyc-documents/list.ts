import "server-only";
import { iso } from "@/lib/services/mangopay/inputs";
import { kycDocuments } from "@/lib/mangopay";
import type { KycDocument } from "@/lib/mangopay/schemas/kyc";
import type { AccountContext } from "@/lib/server/account-context";
import { assertCan } from "@/lib/server/permissions";
import { parseInput } from "@/lib/services/access/parse-input";
import { readMangopay } from "@/lib/services/mangopay/request";
import { dayRangeToQuery } from "@/lib/services/mangopay/date-range";
import { ListKycDocumentsInput } from "./schemas";

export type KycDocumentDTO = {
  id: string;
  userId: string;
  type: string;
  status: string;
  refusedReasonType: string | null;
  refusedReasonMessage: string | null;
  flags: string[];
  creationDate: string;
  processedDate: string | null;
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
    creationDate: d.CreationDate.toISOString(),
    processedDate: iso(d.ProcessedDate),
    tag: d.Tag ?? null,
  };
}

/** KYC documents newest first, for the whole account or one user, by type, status and day range. */
export async function listKycDocuments({ ctx, input }: { ctx: AccountContext; input: ListKycDocumentsInput }) {
  assertCan(ctx, "kycDocuments.read");
  const { filters, userId, page, perPage } = parseInput(ListKycDocumentsInput, input);
  const options = {
    page,
    perPage,
    sort: { field: "CreationDate", direction: "DESC" } as const,
    filters: { Type: filters.type, Status: filters.status, ...dayRangeToQuery(filters) },
  };
  const key = `kyc-documents:${JSON.stringify({ filters, userId, page, perPage })}`;
  const result = await readMangopay(ctx, key, (client) => (userId ? kycDocuments.listByUser(client, userId, options) : kycDocuments.list(client, options)));
  return { ...result, items: result.items.map(toKycDocumentDTO) };
}

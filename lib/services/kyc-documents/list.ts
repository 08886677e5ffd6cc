import "server-only";
import { kycDocuments } from "@/lib/mangopay";
import type { AccountContext } from "@/lib/server/context-types";
import { assertCan } from "@/lib/server/permissions";
import { parseInput } from "@/lib/server/errors";
import { readMangopay } from "@/lib/services/mangopay/request";
import { dayRangeToQuery } from "@/lib/services/mangopay/date-range";
import { toKycDocumentDTO } from "./dto";
import { ListKycDocumentsInput } from "./schemas";

/** Every user's KYC documents newest first, by type, status and day range (one user's: list-by-user.ts). */
export async function listKycDocuments({ ctx, input }: { ctx: AccountContext; input: ListKycDocumentsInput }) {
  assertCan(ctx, "kycDocuments.read");
  const { filters, page, perPage } = parseInput(ListKycDocumentsInput, input);
  const options = {
    page,
    perPage,
    sort: { field: "CreationDate", direction: "DESC" } as const,
    filters: { Type: filters.type, Status: filters.status, ...dayRangeToQuery(filters) },
  };
  const key = `kyc-documents:${JSON.stringify({ filters, page, perPage })}`;
  const result = await readMangopay(ctx, key, (client) => kycDocuments.list(client, options));
  return { ...result, items: result.items.map(toKycDocumentDTO) };
}

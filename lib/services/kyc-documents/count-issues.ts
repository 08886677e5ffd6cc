import "server-only";
import { kycDocuments } from "@/lib/mangopay";
import type { AccountContext } from "@/lib/server/context-types";
import { assertCan } from "@/lib/server/permissions";
import { readMangopay } from "@/lib/services/mangopay/request";

/** KYC documents refused or out of date, counted by MANGOPAY (`x-number-of-items`) in one call each. */
export async function countKycIssues({
  ctx,
}: {
  ctx: AccountContext;
}): Promise<{ refused: number; outOfDate: number }> {
  assertCan(ctx, "kycDocuments.read");
  return readMangopay(ctx, "kyc-issues", async (client) => {
    const count = async (Status: string) => {
      const page = await kycDocuments.list(client, { perPage: 1, filters: { Status } });
      return page.totalItems ?? page.items.length;
    };
    const [refused, outOfDate] = await Promise.all([count("REFUSED"), count("OUT_OF_DATE")]);
    return { refused, outOfDate };
  });
}

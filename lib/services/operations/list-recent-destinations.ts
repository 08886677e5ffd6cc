import "server-only";
import type { AccountContext } from "@/lib/server/context-types";
import { db } from "@/lib/server/db";
import { assertCan } from "@/lib/server/permissions";
import { Currency } from "./inputs";

/**
 * Wallets this account recently transferred to in `currency`, newest first: the transfer form offers
 * them as suggestions next to typing an Id. Read from our own operations, so it costs no MANGOPAY call.
 */
export async function listRecentTransferDestinations({
  ctx,
  input,
}: {
  ctx: AccountContext;
  input: { currency: unknown };
}): Promise<string[]> {
  assertCan(ctx, "transfers.create");
  const currency = Currency.safeParse(input.currency);
  if (!currency.success) return [];
  const rows = await db.upstreamOperation.findMany({
    where: {
      hubId: ctx.hub.id,
      apiAccountId: ctx.account.id,
      kind: "TRANSFER",
      currency: currency.data,
      status: "SUCCEEDED",
      destinationId: { not: null },
    },
    orderBy: { createdAt: "desc" },
    distinct: ["destinationId"],
    take: 20,
    select: { destinationId: true },
  });
  return rows.flatMap((r) => (r.destinationId ? [r.destinationId] : []));
}

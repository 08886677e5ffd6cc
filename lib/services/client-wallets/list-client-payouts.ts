import "server-only";
import { payouts, transactions } from "@/lib/mangopay";
import type { AccountContext } from "@/lib/server/context-types";
import { assertCan } from "@/lib/server/permissions";
import type { MoneyDTO } from "@/lib/services/mangopay/inputs";
import { readMangopay } from "@/lib/services/mangopay/request";

export type ClientPayoutDTO = {
  id: string;
  status: string;
  debited: MoneyDTO;
  debitedWalletId: string | null;
  /** The platform's own bank account (MANGOPAY serves no read of it: its Id is all there is). */
  bankAccountId: string | null;
  bankWireRef: string | null;
  resultMessage: string | null;
  createdAt: string;
};

export type ClientPayoutsDTO = {
  payouts: ClientPayoutDTO[];
  /** The platform's bank accounts these payouts went to, newest use first. */
  bankAccounts: { id: string; payoutCount: number; lastPaidAt: string }[];
  /** Payouts touching a client wallet that were read (user payouts whose fees the platform took, too). */
  scanned: number;
  truncated: boolean;
};

const SCAN = 100;
const SHOWN = 10;

/**
 * The platform's own payouts (client payouts: from FEES or CREDIT wallets to its bank account). MANGOPAY
 * has no list of them nor of the platform's bank accounts: the client wallets' payouts (newest 100) are
 * read in one call and the platform's own kept (author = the ClientId); the newest 10 are then read at
 * once for their bank account, which gives the accounts the platform has been paid to.
 */
export async function listClientPayouts({ ctx }: { ctx: AccountContext }): Promise<ClientPayoutsDTO> {
  assertCan(ctx, "clientWallets.read");
  return readMangopay(ctx, "client-payouts", async (client) => {
    const page = await transactions.listByClient(client, {
      perPage: SCAN,
      filters: { Type: "PAYOUT" },
      sort: { field: "CreationDate", direction: "DESC" },
    });
    const own = page.items.filter((t) => t.AuthorId === ctx.account.clientId).slice(0, SHOWN);
    const details = await Promise.all(own.map((t) => payouts.get(client, t.Id)));
    const rows = details.map((p): ClientPayoutDTO => ({
      id: p.Id,
      status: p.Status,
      debited: { amountMinor: p.DebitedFunds.Amount, currency: p.DebitedFunds.Currency },
      debitedWalletId: p.DebitedWalletId ?? null,
      bankAccountId: p.BankAccountId ?? null,
      bankWireRef: p.BankWireRef ?? null,
      resultMessage: p.ResultMessage ?? null,
      createdAt: p.CreationDate.toISOString(),
    }));
    const accounts = new Map<string, { id: string; payoutCount: number; lastPaidAt: string }>();
    for (const r of rows) {
      if (!r.bankAccountId) continue;
      const seen = accounts.get(r.bankAccountId);
      if (seen) seen.payoutCount++;
      else accounts.set(r.bankAccountId, { id: r.bankAccountId, payoutCount: 1, lastPaidAt: r.createdAt });
    }
    return {
      payouts: rows,
      bankAccounts: [...accounts.values()],
      scanned: page.items.length,
      truncated: (page.totalItems ?? page.items.length) > page.items.length,
    };
  });
}

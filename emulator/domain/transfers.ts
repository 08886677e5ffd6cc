// Transfers between wallets (docs/mangopay-api.md §3.11): synchronous; insufficient balance → FAILED 001001 (HTTP 200).
import type { Emulator } from "../core/emulator";
import type { ClientStore } from "../store/client-store";
import type { Money, Transfer } from "../store/types";
import { assertCurrency, assertFeesWithinFunds, assertOwner } from "./checks";
import { canDebit } from "./ledger";
import { getUser, getWallet } from "./lookups";
import { assertProxyConsent, needsTransferSca, startSession, type ScaContextValue } from "./sca";
import { createResolved, money, recordCreated } from "./transactions";

export interface TransferInput {
  AuthorId: string;
  DebitedWalletId: string;
  CreditedWalletId: string;
  DebitedFunds: Money;
  Fees: Money;
  CreditedUserId?: string | null;
  Tag?: string | null;
  ScaContext?: ScaContextValue | null;
}

/** `origin` builds the SCA RedirectUrl of a USER_PRESENT transfer between OWNER users (§2.8). */
export function createTransfer(
  emu: Emulator,
  store: ClientStore,
  input: TransferInput,
  now: number,
  origin = "",
): Transfer {
  const author = getUser(store, input.AuthorId);
  const debited = getWallet(store, input.DebitedWalletId);
  const credited = getWallet(store, input.CreditedWalletId);
  assertOwner(
    debited,
    input.AuthorId,
    "author_is_not_debited_wallet_owner",
    "The author is not the owner of the debited wallet",
  );
  assertCurrency(debited, input.DebitedFunds, input.Fees);
  assertCurrency(credited, input.DebitedFunds);
  assertFeesWithinFunds(input.DebitedFunds, input.Fees);
  const creditedUserId = input.CreditedUserId ?? credited.Owners[0] ?? null;
  const tx: Transfer = {
    Id: store.nextId(),
    Tag: input.Tag ?? null,
    CreationDate: now,
    Status: "CREATED",
    ResultCode: null,
    ResultMessage: null,
    ExecutionDate: null,
    AuthorId: input.AuthorId,
    CreditedUserId: creditedUserId,
    DebitedFunds: input.DebitedFunds,
    CreditedFunds: money(input.DebitedFunds.Currency, input.DebitedFunds.Amount - input.Fees.Amount),
    Fees: input.Fees,
    DebitedWalletId: debited.Id,
    CreditedWalletId: credited.Id,
    Type: "TRANSFER",
    Nature: "REGULAR",
    PendingUserAction: null,
  };
  if (input.ScaContext === "USER_NOT_PRESENT" && author.UserCategory === "OWNER")
    assertProxyConsent(store, author.Id, "Transfer");
  if (needsTransferSca(store, tx, input.ScaContext ?? null)) {
    // Waits CREATED for the hosted session; money moves (or the transfer fails 007101/007102) once it ends.
    const { RedirectUrl } = startSession(store, origin, "TRANSFER", author.Id, now, tx.Id);
    tx.PendingUserAction = { RedirectUrl };
    recordCreated(emu, store, tx);
    return tx;
  }
  const outcome = canDebit(store, debited.Id, input.DebitedFunds.Amount) ? "SUCCESS" : "INSUFFICIENT_BALANCE";
  return createResolved(emu, store, tx, outcome, now) as Transfer;
}

// Card web pay-ins (docs/mangopay-api.md §3.5): CREATED with a RedirectURL to the emulator's hosted payment page;
// the payer pays (SUCCEEDED), is refused (101101) or cancels (001031), then returns to ReturnURL.
import type { Emulator } from "../core/emulator";
import type { ClientStore } from "../store/client-store";
import type { Money, PayIn } from "../store/types";
import { withParam } from "./card-payments";
import { assertCurrency, assertFeesWithinFunds } from "./checks";
import { getUser, getWallet } from "./lookups";
import type { ResultKey } from "./result-codes";
import { fail, money, recordCreated, succeed } from "./transactions";

export interface CardWebInput {
  AuthorId: string;
  CreditedWalletId: string;
  CreditedUserId?: string | null;
  DebitedFunds: Money;
  Fees: Money;
  ReturnURL: string;
  CardType: string;
  Culture: string;
  SecureMode?: string | null;
  StatementDescriptor?: string | null;
  Tag?: string | null;
}

export function createCardWebPayIn(
  emu: Emulator,
  store: ClientStore,
  input: CardWebInput,
  now: number,
  origin: string,
): PayIn {
  getUser(store, input.AuthorId);
  const wallet = getWallet(store, input.CreditedWalletId);
  assertCurrency(wallet, input.DebitedFunds, input.Fees);
  assertFeesWithinFunds(input.DebitedFunds, input.Fees);
  const id = store.nextId();
  const tx: PayIn = {
    Id: id,
    Tag: input.Tag ?? null,
    CreationDate: now,
    Status: "CREATED",
    ResultCode: null,
    ResultMessage: null,
    ExecutionDate: null,
    AuthorId: input.AuthorId,
    CreditedUserId: input.CreditedUserId ?? wallet.Owners[0] ?? input.AuthorId,
    DebitedFunds: input.DebitedFunds,
    CreditedFunds: money(input.DebitedFunds.Currency, input.DebitedFunds.Amount - input.Fees.Amount),
    Fees: input.Fees,
    DebitedWalletId: null,
    CreditedWalletId: wallet.Id,
    Type: "PAYIN",
    Nature: "REGULAR",
    PaymentType: "CARD",
    ExecutionType: "WEB",
    RedirectURL: `${origin}/payment/${encodeURIComponent(store.info.ClientId)}/${id}`,
    ReturnURL: withParam(input.ReturnURL, "transactionId", id),
    TemplateURL: null,
    CardType: input.CardType,
    Culture: input.Culture,
    SecureMode: input.SecureMode ?? "DEFAULT",
    StatementDescriptor: input.StatementDescriptor ?? null,
  };
  recordCreated(emu, store, tx);
  return tx;
}

/** Outcome chosen on the hosted page; returns where to send the browser, or null if not payable. */
export function completeCardWeb(
  emu: Emulator,
  store: ClientStore,
  id: string,
  outcome: "paid" | "refused" | "canceled",
  now: number,
): string | null {
  const tx = store.transactions.get(id);
  if (!tx || tx.Type !== "PAYIN" || tx.Status !== "CREATED" || (tx as PayIn).ExecutionType !== "WEB") return null;
  const payin = tx as PayIn;
  const failure: Record<typeof outcome, ResultKey | null> = {
    paid: null,
    refused: "DO_NOT_HONOR",
    canceled: "USER_CANCELED",
  };
  const result = failure[outcome];
  if (result) fail(emu, store, payin, result, now);
  else succeed(emu, store, payin, now);
  return String(payin.ReturnURL);
}

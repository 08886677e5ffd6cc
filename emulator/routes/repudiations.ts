// Repudiations, settlement transfers and the client bank wire to the repudiation wallet (reference
// §3.3, §3.15). The client pay-in waits for its funds like any bank wire (part 1's settle control).
import { ApiError, paramError } from "../core/errors";
import type { ApiContext } from "../core/context";
import { ok } from "../core/context";
import type { ApiRouter } from "../core/router";
import { clientWallet } from "../domain/ledger";
import { createSettlementTransfer, getRepudiation, getSettlement } from "../domain/repudiations";
import { baseFields, money, recordCreated } from "../domain/transactions";
import type { PayIn } from "../store/types";
import { lenientReader } from "./money-input";
import { txList } from "./tx-lists";

const MANGOPAY_ACCOUNT = {
  Type: "IBAN", OwnerName: "MANGOPAY SA",
  OwnerAddress: { AddressLine1: "2 Avenue Amélie", AddressLine2: null, City: "Luxembourg", Region: null, PostalCode: "L-1125", Country: "LU" },
  IBAN: "LU290108520003010010", BIC: "BGLLLULL",
};

/** POST /clients/payins/bankwire/direct: AuthorId and CreditedUserId are the ClientId (docs example). */
function createClientBankWire(ctx: ApiContext) {
  const r = lenientReader(ctx.body, ["DeclaredDebitedFunds", "DeclaredFees"]);
  const walletId = r.string("CreditedWalletId", { required: true });
  const declared = r.money("DeclaredDebitedFunds", { required: true });
  const fees = r.money("DeclaredFees");
  const tag = r.tag();
  r.done();
  const match = /^CREDIT_([A-Z]{3})$/.exec(walletId ?? "");
  if (!match || !declared) throw paramError({ CreditedWalletId: "The CreditedWalletId must be a repudiation wallet CREDIT_{CCY}." });
  if (declared.Currency !== match[1] || (fees && fees.Currency !== match[1])) {
    throw new ApiError(400, "currency_incompatibility", `The currency must be ${match[1]}`);
  }
  const feeAmount = fees?.Amount ?? 0;
  if (feeAmount > declared.Amount) throw paramError({ DeclaredFees: "The DeclaredFees amount cannot be higher than the DeclaredDebitedFunds amount." });
  const wallet = clientWallet(ctx.store, "CREDIT", declared.Currency, ctx.now);
  const clientId = ctx.store.info.ClientId;
  const tx: PayIn = {
    ...baseFields(ctx.store, ctx.now, tag),
    AuthorId: clientId,
    CreditedUserId: clientId,
    DebitedFunds: { ...declared },
    CreditedFunds: money(declared.Currency, declared.Amount - feeAmount),
    Fees: money(declared.Currency, feeAmount),
    DebitedWalletId: null,
    CreditedWalletId: wallet.Id,
    Type: "PAYIN",
    Nature: "REGULAR",
    PaymentType: "BANK_WIRE",
    ExecutionType: "DIRECT",
    DeclaredDebitedFunds: { ...declared },
    DeclaredFees: money(declared.Currency, feeAmount),
    WireReference: Math.random().toString(36).slice(2, 12).toUpperCase(),
    BankAccount: MANGOPAY_ACCOUNT,
  };
  recordCreated(ctx.emu, ctx.store, tx);
  return ok(tx);
}

export function registerRepudiationRoutes(r: ApiRouter): void {
  r.get("/repudiations/:repudiationId", (ctx) => ok(getRepudiation(ctx.store, ctx.params.repudiationId)));
  r.get("/repudiations/:repudiationId/refunds", (ctx) => {
    const repudiation = getRepudiation(ctx.store, ctx.params.repudiationId);
    return txList(ctx, ctx.store.idx.refundsByInitial.get(repudiation.Id));
  });
  r.post("/repudiations/:repudiationId/settlementtransfer", (ctx) => {
    const repudiation = getRepudiation(ctx.store, ctx.params.repudiationId);
    const body = lenientReader(ctx.body, ["DebitedFunds", "Fees"]);
    const authorId = body.string("AuthorId", { required: true });
    const debited = body.money("DebitedFunds", { required: true });
    const fees = body.money("Fees", { required: true });
    const tag = body.tag();
    body.done();
    if (!authorId || !debited || !fees) throw paramError({ Body: "AuthorId, DebitedFunds and Fees are required." });
    return ok(createSettlementTransfer(ctx.emu, ctx.store, repudiation, { AuthorId: authorId, DebitedFunds: debited, Fees: fees, Tag: tag }, ctx.now));
  });
  r.get("/settlements/:settlementId", (ctx) => ok(getSettlement(ctx.store, ctx.params.settlementId)));
  r.post("/clients/payins/bankwire/direct", createClientBankWire);
}

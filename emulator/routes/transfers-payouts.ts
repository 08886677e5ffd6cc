// Transfers (§3.11), bank-wire payouts (§3.10) and refunds (§3.12) over HTTP.
import { BodyReader } from "../core/body";
import type { ApiContext } from "../core/context";
import { ok } from "../core/context";
import type { ApiRouter } from "../core/router";
import { getTransaction } from "../domain/lookups";
import { checkInstantEligibility, createPayout, payoutView } from "../domain/payouts";
import { createRefund } from "../domain/refunds";
import { createTransfer } from "../domain/transfers";
import { listResult, resolveIds } from "../core/list";
import type { AcquiringRefund, Money, PayOut } from "../store/types";
import { refundList } from "./tx-lists";

const SCA_CONTEXTS = ["USER_PRESENT", "USER_NOT_PRESENT"] as const;
const PAYOUT_MODES = ["STANDARD", "INSTANT_PAYMENT", "INSTANT_PAYMENT_ONLY", "RTGS_PAYMENT"] as const;

function refund(ctx: ApiContext, kind: "PAYIN" | "TRANSFER") {
  const initial = getTransaction(ctx.store, ctx.params.id, kind);
  const b = new BodyReader(ctx.body);
  const authorId = b.string("AuthorId", { required: true }) as string;
  const debited = b.money("DebitedFunds");
  const fees = b.money("Fees", { allowNegative: true });
  const descriptor = b.string("StatementDescriptor", { max: 10 });
  const tag = b.tag();
  const reason = ctx.body.RefundReason as { RefundReasonMessage?: unknown } | undefined;
  b.done();
  return ok(
    createRefund(
      ctx.emu,
      ctx.store,
      initial,
      {
        AuthorId: authorId,
        DebitedFunds: debited,
        Fees: fees,
        StatementDescriptor: descriptor,
        Tag: tag,
        RefundReasonMessage: typeof reason?.RefundReasonMessage === "string" ? reason.RefundReasonMessage : null,
      },
      ctx.now,
    ),
  );
}

function refundsOf(ctx: ApiContext, kind: "PAYIN" | "TRANSFER" | "PAYOUT") {
  // An acquiring-only pay-in is read through GET /payins/{id} (emulator choice): its refunds likewise.
  const acquiring = kind === "PAYIN" ? ctx.store.acquiringPayIns.get(ctx.params.id) : undefined;
  if (acquiring)
    return listResult(
      ctx,
      resolveIds(ctx.store.acquiringPayInRefunds.get(acquiring.Id) ?? [], ctx.store.acquiringRefunds).map((r) =>
        acquiringRefundView(r),
      ),
      { filters: ["Status", "ResultCode"] },
    );
  getTransaction(ctx.store, ctx.params.id, kind);
  return refundList(ctx, ctx.params.id);
}

/** An acquiring refund as GET /refunds/{id} shows it: no author, no wallet, nothing credited, no fees. */
function acquiringRefundView(r: AcquiringRefund) {
  return {
    ...r,
    AuthorId: null,
    CreditedUserId: null,
    CreditedWalletId: null,
    CreditedFunds: r.DebitedFunds,
    Fees: { Currency: r.DebitedFunds.Currency, Amount: 0 },
  };
}

export function registerTransferPayoutRoutes(r: ApiRouter): void {
  r.post("/transfers", (ctx) => {
    const b = new BodyReader(ctx.body);
    const input = {
      AuthorId: b.string("AuthorId", { required: true }) as string,
      DebitedWalletId: b.string("DebitedWalletId", { required: true }) as string,
      CreditedWalletId: b.string("CreditedWalletId", { required: true }) as string,
      CreditedUserId: b.string("CreditedUserId"),
      DebitedFunds: b.money("DebitedFunds", { required: true }) as Money,
      Fees: b.money("Fees", { required: true }) as Money,
      Tag: b.tag(),
      ScaContext: b.enumOf("ScaContext", SCA_CONTEXTS),
    };
    b.done();
    return ok(createTransfer(ctx.emu, ctx.store, input, ctx.now, ctx.origin));
  });
  r.get("/transfers/:id", (ctx) => ok(getTransaction(ctx.store, ctx.params.id, "TRANSFER")));

  r.post("/payouts/bankwire", (ctx) => {
    const b = new BodyReader(ctx.body);
    const input = {
      AuthorId: b.string("AuthorId", { required: true }) as string,
      DebitedWalletId: b.string("DebitedWalletId", { required: true }) as string,
      DebitedFunds: b.money("DebitedFunds", { required: true }) as Money,
      Fees: b.money("Fees", { required: true }) as Money,
      // Payouts v2 name a RecipientId instead of a BankAccountId.
      BankAccountId: b.string("BankAccountId", { required: ctx.body.RecipientId === undefined }),
      RecipientId: b.string("RecipientId"),
      BankWireRef: b.string("BankWireRef", { max: 12 }),
      PayoutModeRequested: b.enumOf("PayoutModeRequested", PAYOUT_MODES),
      PaymentRef: ctx.body.PaymentRef ?? null,
      Tag: b.tag(),
    };
    b.done();
    return ok(payoutView(createPayout(ctx.emu, ctx.store, input, ctx.now)));
  });
  r.post("/payouts/reachability", (ctx) => {
    const b = new BodyReader(ctx.body);
    const input = {
      AuthorId: b.string("AuthorId", { required: true }) as string,
      DebitedWalletId: b.string("DebitedWalletId", { required: true }) as string,
      DebitedFunds: b.money("DebitedFunds", { required: true }) as Money,
      BankAccountId: b.string("BankAccountId", { required: true }) as string,
    };
    b.money("Fees");
    b.enumOf("PayoutModeRequested", PAYOUT_MODES);
    b.done();
    return ok(checkInstantEligibility(ctx.store, input));
  });
  r.post("/clients/payouts", (ctx) => {
    const b = new BodyReader(ctx.body);
    const debited = b.money("DebitedFunds", { required: true }) as Money;
    const input = {
      AuthorId: ctx.store.info.ClientId,
      DebitedWalletId: b.string("DebitedWalletId", { required: true }) as string,
      DebitedFunds: debited,
      Fees: b.money("Fees") ?? { Currency: debited?.Currency ?? "EUR", Amount: 0 },
      BankAccountId: b.string("BankAccountId", { required: true }) as string,
      BankWireRef: b.string("BankWireRef", { max: 12 }),
      PayoutModeRequested: b.enumOf("PayoutModeRequested", PAYOUT_MODES),
      Tag: b.tag(),
    };
    b.done();
    return ok(payoutView(createPayout(ctx.emu, ctx.store, input, ctx.now)));
  });
  r.get("/payouts/:id", (ctx) => ok(payoutView(getTransaction(ctx.store, ctx.params.id, "PAYOUT") as PayOut)));
  r.get("/payouts/bankwire/:id", (ctx) => ok(getTransaction(ctx.store, ctx.params.id, "PAYOUT")));

  r.post("/payins/:id/refunds", (ctx) => refund(ctx, "PAYIN"));
  r.post("/transfers/:id/refunds", (ctx) => refund(ctx, "TRANSFER"));
  r.get("/refunds/:id", (ctx) => {
    const acquiring = ctx.store.acquiringRefunds.get(ctx.params.id);
    if (!acquiring) return ok(getTransaction(ctx.store, ctx.params.id, "REFUND"));
    return ok(acquiringRefundView(acquiring));
  });
  r.get("/payins/:id/refunds", (ctx) => refundsOf(ctx, "PAYIN"));
  r.get("/transfers/:id/refunds", (ctx) => refundsOf(ctx, "TRANSFER"));
  r.get("/payouts/:id/refunds", (ctx) => refundsOf(ctx, "PAYOUT"));
}

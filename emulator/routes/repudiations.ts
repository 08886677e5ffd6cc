// Repudiations, settlement transfers and the client bank wire to the repudiation wallet
// (docs/mangopay-api.md §3.3, §3.15). The client pay-in waits for its funds like any bank wire (control /settle).
import { paramError } from "../core/errors";
import type { ApiContext } from "../core/context";
import { ok } from "../core/context";
import type { ApiRouter } from "../core/router";
import { createClientBankWire, createSettlementTransfer, getRepudiation, getSettlement } from "../domain/repudiations";
import { lenientReader } from "./money-input";
import { refundList } from "./tx-lists";

/** POST /clients/payins/bankwire/direct (body checks here, the pay-in in domain/repudiations.ts). */
function clientBankWireRoute(ctx: ApiContext) {
  const r = lenientReader(ctx.body, ["DeclaredDebitedFunds", "DeclaredFees"]);
  const walletId = r.string("CreditedWalletId", { required: true });
  const declared = r.money("DeclaredDebitedFunds", { required: true });
  const fees = r.money("DeclaredFees");
  const tag = r.tag();
  r.done();
  if (!walletId || !declared)
    throw paramError({ CreditedWalletId: "CreditedWalletId and DeclaredDebitedFunds are required." });
  return ok(
    createClientBankWire(
      ctx.emu,
      ctx.store,
      { CreditedWalletId: walletId, DeclaredDebitedFunds: declared, DeclaredFees: fees, Tag: tag },
      ctx.now,
    ),
  );
}

export function registerRepudiationRoutes(r: ApiRouter): void {
  r.get("/repudiations/:repudiationId", (ctx) => ok(getRepudiation(ctx.store, ctx.params.repudiationId)));
  r.get("/repudiations/:repudiationId/refunds", (ctx) => {
    const repudiation = getRepudiation(ctx.store, ctx.params.repudiationId);
    return refundList(ctx, repudiation.Id);
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
    return ok(
      createSettlementTransfer(
        ctx.emu,
        ctx.store,
        repudiation,
        { AuthorId: authorId, DebitedFunds: debited, Fees: fees, Tag: tag },
        ctx.now,
      ),
    );
  });
  r.get("/settlements/:settlementId", (ctx) => ok(getSettlement(ctx.store, ctx.params.settlementId)));
  r.post("/clients/payins/bankwire/direct", clientBankWireRoute);
}

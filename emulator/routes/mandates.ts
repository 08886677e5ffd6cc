// Direct-debit mandates (docs/mangopay-api.md §3.9): create (web), view, cancel, lists, transactions.
import { BodyReader } from "../core/body";
import { ok } from "../core/context";
import { listResult, resolveIds } from "../core/list";
import type { ApiRouter } from "../core/router";
import { getBankAccount, getMandate, getUser } from "../domain/lookups";
import { cancelMandate, createMandate } from "../domain/mandates";
import type { Mandate } from "../store/types";
import { txList } from "./tx-lists";

/** Mandate lists: the summary view of MANGOPAY's examples, filtered by BeforeDate/AfterDate only. */
export function mandateListView(m: Mandate) {
  return {
    Id: m.Id,
    CreationDate: m.CreationDate,
    Status: m.Status,
    UserId: m.UserId,
    ExecutionType: m.ExecutionType,
    MandateType: m.MandateType,
    Tag: m.Tag,
    ResultCode: m.ResultCode,
    ResultMessage: m.ResultMessage,
  };
}

const MANDATE_LIST = { project: mandateListView };

const CULTURES = ["DE", "EN", "ES", "FR", "IT", "NL", "PL", "PT"] as const;

export function registerMandateRoutes(r: ApiRouter): void {
  r.post("/mandates/directdebit/web", (ctx) => {
    const b = new BodyReader(ctx.body);
    const bankAccountId = b.string("BankAccountId", { required: true }) as string;
    const culture = b.enumOf("Culture", CULTURES, { required: true }) as string;
    const returnUrl = b.string("ReturnURL", { required: true, max: 2048 }) as string;
    const tag = b.tag();
    b.done();
    return ok(
      createMandate(
        ctx.emu,
        ctx.store,
        { BankAccountId: bankAccountId, Culture: culture, ReturnURL: returnUrl, Tag: tag },
        ctx.now,
        ctx.origin,
      ),
    );
  });
  r.get("/mandates/:mandateId", (ctx) => ok(getMandate(ctx.store, ctx.params.mandateId)));
  r.put("/mandates/:mandateId/cancel", (ctx) =>
    ok(cancelMandate(ctx.emu, ctx.store, getMandate(ctx.store, ctx.params.mandateId), ctx.now)),
  );
  r.get("/mandates", (ctx) => listResult(ctx, ctx.store.mandates.values(), MANDATE_LIST));
  r.get("/users/:userId/mandates", (ctx) => {
    getUser(ctx.store, ctx.params.userId);
    return listResult(
      ctx,
      resolveIds(ctx.store.idx.mandatesByUser.get(ctx.params.userId), ctx.store.mandates),
      MANDATE_LIST,
    );
  });
  r.get("/users/:userId/bankaccounts/:bankAccountId/mandates", (ctx) => {
    getBankAccount(ctx.store, ctx.params.bankAccountId, ctx.params.userId);
    return listResult(
      ctx,
      resolveIds(ctx.store.idx.mandatesByBankAccount.get(ctx.params.bankAccountId), ctx.store.mandates),
      MANDATE_LIST,
    );
  });
  r.get("/mandates/:mandateId/transactions", (ctx) => {
    getMandate(ctx.store, ctx.params.mandateId);
    return txList(ctx, ctx.store.idx.txByMandate.get(ctx.params.mandateId));
  });
}

// Card preauthorizations (docs/mangopay-api.md §3.7): create, view, cancel, per-user lists, transactions.
import { BodyReader } from "../core/body";
import { ok } from "../core/context";
import { ApiError } from "../core/errors";
import { listResult, resolveIds } from "../core/list";
import type { ApiRouter } from "../core/router";
import { createPreauthorization } from "../domain/card-payments";
import { getPreauthorization, getUser } from "../domain/lookups";
import type { Money } from "../store/types";
import { readCardExtras } from "./pay-ins";
import { txList } from "./tx-lists";

export function registerPreauthorizationRoutes(r: ApiRouter): void {
  r.post("/preauthorizations/card/direct", (ctx) => {
    const b = new BodyReader(ctx.body);
    const authorId = b.string("AuthorId", { required: true }) as string;
    const funds = b.money("DebitedFunds", { required: true }) as Money;
    const cardId = b.string("CardId", { required: true }) as string;
    const returnUrl = b.string("SecureModeReturnURL", { required: true, max: 2048 }) as string;
    const secureMode = b.enumOf("SecureMode", ["DEFAULT", "FORCE", "NO_CHOICE"] as const);
    const multi = b.bool("MultiCapture");
    const descriptor = b.string("StatementDescriptor", { max: 10 });
    const culture = b.string("Culture");
    const tag = b.tag();
    b.done();
    return ok(
      createPreauthorization(
        ctx.emu,
        ctx.store,
        {
          AuthorId: authorId,
          DebitedFunds: funds,
          CardId: cardId,
          SecureMode: secureMode,
          SecureModeReturnURL: returnUrl,
          MultiCapture: multi ?? false,
          StatementDescriptor: descriptor,
          Culture: culture,
          Tag: tag,
          extra: readCardExtras(b),
        },
        ctx.now,
        ctx.origin,
      ),
    );
  });
  r.get("/preauthorizations/:id", (ctx) => ok(getPreauthorization(ctx.store, ctx.params.id)));
  r.put("/preauthorizations/:id", (ctx) => {
    const preauth = getPreauthorization(ctx.store, ctx.params.id);
    const b = new BodyReader(ctx.body);
    const status = b.enumOf("PaymentStatus", ["CANCELED", "VALIDATED"] as const);
    const tag = b.tag();
    b.done();
    if (b.has("Tag")) preauth.Tag = tag;
    if (status === "CANCELED") {
      if (preauth.PaymentStatus !== "WAITING") {
        throw new ApiError(
          400,
          "preauthorization_payment_status_can_not_be_canceled",
          `A ${preauth.PaymentStatus} preauthorization cannot be canceled`,
        );
      }
      preauth.PaymentStatus = "CANCELED";
      ctx.emu.events.emit(ctx.store, "PREAUTHORIZATION_PAYMENT_CANCELED", preauth.Id, ctx.now);
    } else if (status === "VALIDATED" && preauth.PaymentStatus !== "VALIDATED") {
      throw new ApiError(400, "invalid_action", "A preauthorization is VALIDATED by a preauthorized pay-in");
    }
    return ok(preauth);
  });
  r.get("/users/:userId/preauthorizations", (ctx) => {
    getUser(ctx.store, ctx.params.userId);
    return listResult(
      ctx,
      resolveIds(ctx.store.idx.preauthsByUser.get(ctx.params.userId), ctx.store.preauthorizations),
      {
        filters: ["Status", "PaymentStatus", "ResultCode"],
      },
    );
  });
  r.get("/preauthorizations/:id/transactions", (ctx) => {
    getPreauthorization(ctx.store, ctx.params.id);
    return txList(ctx, ctx.store.idx.txByPreauth.get(ctx.params.id));
  });
}

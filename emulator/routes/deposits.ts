// Deposit preauthorizations (create, view, cancel, lists per card and user, transactions), the pay-ins that
// capture them, and card validations (domain/deposits.ts).
import { BodyReader } from "../core/body";
import type { ApiContext } from "../core/context";
import { ok } from "../core/context";
import { ApiError } from "../core/errors";
import { listResult } from "../core/list";
import type { ApiRouter } from "../core/router";
import { getCard, getUser } from "../domain/lookups";
import {
  cancelDeposit,
  requestNoShow,
  createCardValidation,
  createDeposit,
  createDepositPayIn,
  depositTransactionIds,
  getDeposit,
  type DepositCaptureKind,
} from "../domain/deposits";
import type { Money } from "../store/types";
import { readCardExtras } from "./pay-ins";
import { txList } from "./tx-lists";

export function requireBrowser(b: BodyReader): void {
  if (!b.has("BrowserInfo")) b.fail("BrowserInfo", "The BrowserInfo field is required.");
  const ip = b.string("IpAddress", { required: true });
  if (ip !== null && !/^[0-9a-fA-F:.]+$/.test(ip))
    b.fail("IpAddress", "The field IpAddress must be a valid IPv4 or IPv6 address.");
}

function depositPayIn(ctx: ApiContext, kind: DepositCaptureKind) {
  const b = new BodyReader(ctx.body);
  const AuthorId = b.string("AuthorId", { required: true }) as string;
  const CreditedWalletId = b.string("CreditedWalletId", { required: true }) as string;
  const CreditedUserId = b.string("CreditedUserId");
  const DepositId = b.string("DepositId", { required: true }) as string;
  // The full capture may omit DebitedFunds (the held amount); the complement must say how much more.
  const DebitedFunds = b.money("DebitedFunds", { required: kind === "complement" });
  const Fees = b.money("Fees", { required: true }) as Money;
  const Tag = b.tag();
  b.done();
  return createDepositPayIn(
    ctx.emu,
    ctx.store,
    kind,
    { AuthorId, CreditedWalletId, CreditedUserId, DebitedFunds, Fees, DepositId, Tag },
    ctx.now,
  );
}

export function registerDepositRoutes(r: ApiRouter): void {
  r.post("/deposit-preauthorizations/card/direct", (ctx) => {
    const b = new BodyReader(ctx.body);
    const AuthorId = b.string("AuthorId", { required: true }) as string;
    const DebitedFunds = b.money("DebitedFunds", { required: true }) as Money;
    const CardId = b.string("CardId", { required: true }) as string;
    const SecureModeReturnURL = b.string("SecureModeReturnURL", { required: true, max: 2048 }) as string;
    const StatementDescriptor = b.string("StatementDescriptor", { max: 10 });
    const Culture = b.string("Culture");
    const Tag = b.tag();
    requireBrowser(b);
    b.done();
    const extra = readCardExtras(b);
    delete extra.PreferredCardNetwork;
    delete extra.PaymentCategory;
    return ok(
      createDeposit(
        ctx.emu,
        ctx.store,
        { AuthorId, DebitedFunds, CardId, SecureModeReturnURL, StatementDescriptor, Culture, Tag, extra },
        ctx.now,
        ctx.origin,
      ),
    );
  });
  r.get("/deposit-preauthorizations/:id", (ctx) => ok(getDeposit(ctx.store, ctx.params.id)));
  r.put("/deposit-preauthorizations/:id", (ctx) => {
    const deposit = getDeposit(ctx.store, ctx.params.id);
    const b = new BodyReader(ctx.body);
    const status = b.string("PaymentStatus");
    const tag = b.tag();
    b.done();
    if (b.has("Tag")) deposit.Tag = tag;
    if (status === null || status === deposit.PaymentStatus) return ok(deposit);
    if (status === "NO_SHOW_REQUESTED") return ok(requestNoShow(ctx.emu, ctx.store, deposit, ctx.now));
    if (status !== "CANCELED")
      throw new ApiError(400, "param_error", "Only PaymentStatus CANCELED or NO_SHOW_REQUESTED can be requested", {
        PaymentStatus: "Only PaymentStatus CANCELED or NO_SHOW_REQUESTED can be requested",
      });
    return ok(cancelDeposit(ctx.emu, ctx.store, deposit, ctx.now));
  });
  r.get("/cards/:cardId/deposit-preauthorizations", (ctx) => {
    getCard(ctx.store, ctx.params.cardId);
    const items = [...ctx.store.deposits.values()].filter((d) => d.CardId === ctx.params.cardId);
    return listResult(ctx, items, { filters: ["Status", "PaymentStatus", "ResultCode"] });
  });
  r.get("/users/:userId/deposit-preauthorizations", (ctx) => {
    getUser(ctx.store, ctx.params.userId);
    const items = [...ctx.store.deposits.values()].filter((d) => d.AuthorId === ctx.params.userId);
    return listResult(ctx, items, { filters: ["Status", "PaymentStatus", "ResultCode"] });
  });
  r.get("/deposit-preauthorizations/:id/transactions", (ctx) => {
    const deposit = getDeposit(ctx.store, ctx.params.id);
    return txList(ctx, depositTransactionIds(deposit));
  });
  r.post("/payins/deposit-preauthorized/direct/full-capture", (ctx) => ok(depositPayIn(ctx, "full-capture")));
  r.post("/payins/deposit-preauthorized/direct/capture-with-complement", (ctx) =>
    ok(depositPayIn(ctx, "capture-with-complement")),
  );
  r.post("/payins/deposit-preauthorized/direct/complement", (ctx) => ok(depositPayIn(ctx, "complement")));

  r.post("/cards/:cardId/validation", (ctx) => {
    const b = new BodyReader(ctx.body);
    const AuthorId = b.string("AuthorId", { required: true }) as string;
    const SecureModeReturnURL = b.string("SecureModeReturnURL", { required: true, max: 2048 }) as string;
    const SecureMode = b.enumOf("SecureMode", ["DEFAULT", "FORCE", "NO_CHOICE"] as const);
    const Tag = b.tag();
    requireBrowser(b);
    b.done();
    const extra: Record<string, unknown> = {
      IpAddress: ctx.body.IpAddress ?? null,
      BrowserInfo: ctx.body.BrowserInfo ?? null,
      PaymentCategory: ctx.body.PaymentCategory ?? null,
    };
    return ok(
      createCardValidation(
        ctx.emu,
        ctx.store,
        ctx.params.cardId,
        { AuthorId, SecureModeReturnURL, SecureMode, Tag, extra },
        ctx.now,
        ctx.origin,
      ),
    );
  });
  r.get("/cards/:cardId/validation/:id", (ctx) => {
    const validation = ctx.store.cardValidations.get(ctx.params.id);
    if (!validation || validation.CardId !== ctx.params.cardId)
      throw new ApiError(
        404,
        "ressource_not_found",
        "Cannot found the ressource CardValidation with the id=" + ctx.params.id,
      );
    return ok(validation);
  });
}

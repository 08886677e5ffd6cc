// Virtual accounts (`/wallets/{id}/virtual-accounts`, `/virtual-accounts/availability`) and legacy
// banking aliases (`/wallets/{id}/bankingaliases/iban`, `/bankingaliases/{id}`).
import { BodyReader } from "../core/body";
import { ok } from "../core/context";
import { invalidAction, notFound } from "../core/errors";
import { listResult } from "../core/list";
import type { ApiRouter } from "../core/router";
import {
  availability,
  createBankingAlias,
  createVirtualAccount,
  deactivateVirtualAccount,
  getBankingAlias,
  getVirtualAccount,
} from "../domain/virtual-accounts";

export function registerVirtualAccountRoutes(r: ApiRouter): void {
  r.post("/wallets/:walletId/virtual-accounts", (ctx) => {
    const b = new BodyReader(ctx.body);
    const country = b.country("Country", { required: true }) as string;
    const purpose = b.enumOf("VirtualAccountPurpose", ["COLLECTION", "USER_OWNED"] as const, { required: true });
    const tag = b.tag();
    b.done();
    return ok(
      createVirtualAccount(
        ctx.emu,
        ctx.store,
        ctx.params.walletId,
        { Country: country, VirtualAccountPurpose: purpose as "COLLECTION" | "USER_OWNED", Tag: tag },
        ctx.now,
      ),
    );
  });
  r.get("/wallets/:walletId/virtual-accounts", (ctx) => {
    if (!ctx.store.wallets.has(ctx.params.walletId)) throw notFound("Wallet", ctx.params.walletId);
    const items = [...ctx.store.virtualAccounts.values()].filter((a) => a.WalletId === ctx.params.walletId);
    return listResult(ctx, items);
  });
  r.get("/wallets/:walletId/virtual-accounts/:id", (ctx) =>
    ok(getVirtualAccount(ctx.store, ctx.params.walletId, ctx.params.id)),
  );
  r.put("/wallets/:walletId/virtual-accounts/:id", (ctx) => {
    const account = getVirtualAccount(ctx.store, ctx.params.walletId, ctx.params.id);
    const b = new BodyReader(ctx.body);
    const active = b.bool("Active", { required: true });
    b.done();
    if (active) throw invalidAction("A deactivated virtual account cannot be reactivated");
    return ok(deactivateVirtualAccount(ctx.emu, ctx.store, account, ctx.now));
  });
  r.get("/virtual-accounts/availability", () => ok(availability()));

  r.post("/wallets/:walletId/bankingaliases/iban", (ctx) => {
    const b = new BodyReader(ctx.body);
    const input = {
      OwnerName: b.string("OwnerName", { required: true }) as string,
      Country: b.country("Country", { required: true }) as string,
      CreditedUserId: b.string("CreditedUserId"),
      Tag: b.tag(),
    };
    b.done();
    return ok(createBankingAlias(ctx.store, ctx.params.walletId, input, ctx.now));
  });
  r.get("/wallets/:walletId/bankingaliases", (ctx) => {
    if (!ctx.store.wallets.has(ctx.params.walletId)) throw notFound("Wallet", ctx.params.walletId);
    const items = [...ctx.store.bankingAliases.values()].filter((a) => a.WalletId === ctx.params.walletId);
    return listResult(ctx, items);
  });
  r.get("/bankingaliases/:id", (ctx) => ok(getBankingAlias(ctx.store, ctx.params.id)));
  r.put("/bankingaliases/:id", (ctx) => {
    const alias = getBankingAlias(ctx.store, ctx.params.id);
    const b = new BodyReader(ctx.body);
    const active = b.bool("Active", { required: true });
    b.done();
    alias.Active = active as boolean;
    return ok(alias);
  });
}
